"""The installed version, looked up only when asked (it costs an import of importlib.metadata)."""

from __future__ import annotations


def package_version() -> str:
    """The version pip installed, or '0+unknown' in a source tree that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("leaky_gui")
    except PackageNotFoundError:
        return "0+unknown"
