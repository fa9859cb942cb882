"""The version, written once: setuptools reads it at build time (pyproject's dynamic version).

A constant, not a lookup in the installed metadata: importlib.metadata and the search through
every installed distribution cost ~30 ms of the window's start-up.
"""

from __future__ import annotations

__version__ = "0.1.0"


def package_version() -> str:
    """The version of this package (the one pip installed: both come from ``__version__``)."""
    return __version__
