"""The docs people read: a short README with the commands CI runs, and links that lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leaky_gui.gui.user_guide import heading_anchor

ROOT = Path(__file__).resolve().parents[1]
DOCS = [
    "README.md",
    "CONTRIBUTING.md",
    "CHANGELOG.md",
    "docs/user-guide.md",
    "docs/performance.md",
    "docs/architecture.md",
    "resources/user-guide.md",
    "tests/README.md",
]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def anchors_of(path: Path) -> set[str]:
    """GitHub's anchors of a Markdown file's headings (code blocks skipped)."""
    taken: dict[str, int] = {}
    found, in_code = set(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (match := re.match(r"#{1,6} (.*)", line)):
            found.add(heading_anchor(match.group(1).replace("`", ""), taken))
    return found


def test_the_readme_is_short_and_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode()) <= 12 * 1024
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/leaky-gui" in readme
    block = readme.split("<!-- test-command -->")[1].split("<!-- /test-command -->")[0]
    assert "QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest" in block
    assert "resources/screenshots/main_window.png" in readme


@pytest.mark.parametrize("name", DOCS)
def test_every_local_link_leads_to_a_file_and_heading(name):
    path = ROOT / name
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://")):
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{name}: {target} names no file"
        if anchor:
            assert anchor in anchors_of(linked), f"{name}: {target} names no heading"


def test_the_module_map_names_every_module():
    """docs/architecture.md's module map: a new module gets a row (what it holds)."""
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "leaky_gui"
    for module in sorted(package.rglob("*.py")):
        if module.name in ("__init__.py", "__main__.py", "_version.py"):
            continue
        assert module.name in architecture, (
            f"docs/architecture.md's module map lacks {module.relative_to(ROOT)}"
        )
