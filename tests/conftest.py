"""Shared test set-up: Qt runs offscreen, and no test touches the user's settings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import hypothesis
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the property tests on a fixed set of examples, so a red CI always means a change
# broke something; local runs keep exploring new examples (and remember failures).
hypothesis.settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis.settings.load_profile("ci")


@pytest.fixture
def settings(tmp_path_factory, qapp):
    """A QSettings in a private INI file, as the window's only store."""
    from PySide6.QtCore import QSettings

    return QSettings(
        str(tmp_path_factory.mktemp("window-settings") / "leaky-gui.ini"), QSettings.Format.IniFormat
    )


@pytest.fixture(autouse=True)
def isolated_settings_dir(tmp_path_factory):
    """Whatever a test does, the default QSettings() writes under a temporary folder."""
    from PySide6.QtCore import QLocale, QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    QLocale.setDefault(QLocale.c())
    return folder


@pytest.fixture
def window(qtbot, settings):
    from leaky_gui.window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


NOBODY = 65534


@contextmanager
def unprivileged() -> Iterator[None]:
    """Run as an ordinary user, so that folder permissions hold (root ignores them)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder nobody but root may write to: with ``unprivileged()`` it is truly read-only."""
    folder = Path(tempfile.mkdtemp(prefix="leaky-ro-", dir="/tmp"))
    (folder / "keep.csv").write_text("precious\n")
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


@pytest.fixture
def as_ordinary_user():
    """``with as_ordinary_user():`` drops root's privileges for the block."""
    return unprivileged
