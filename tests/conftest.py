"""Shared test set-up: Qt runs offscreen, and no test touches the user's settings."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def settings(tmp_path, qapp):
    """A QSettings in a private INI file, as the window's only store."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "leaky-gui.ini"), QSettings.Format.IniFormat)


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
