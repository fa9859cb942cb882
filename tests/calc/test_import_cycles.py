"""No module of leaky_gui imports, even only for type checking, a module that imports it back.

import-linter's ``acyclic_siblings`` contract (pyproject.toml) checks the same between the
parts of each package; this also catches a cycle through a package's ``__init__``.
"""

from __future__ import annotations

import grimp


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Each direct import a -> b for which b leads back to a, as the chain a -> b -> ... -> a."""
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == importer:  # a compiled submodule grimp cannot see (calc.text's _kernel)
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                found.append([importer, *back])
    return found


def test_the_package_has_no_import_cycle():
    graph = grimp.build_graph("leaky_gui", include_external_packages=False)
    assert cycles(graph) == []


def test_a_cycle_is_found():
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    assert cycles(graph) == []
    graph.add_import(importer="p.c", imported="p.a")
    assert ["p.a", "p.b", "p.c", "p.a"] in cycles(graph)
