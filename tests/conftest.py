"""Shared test set-up: Qt runs offscreen (or on xcb under Xvfb), and no test touches the user's settings.

Two platforms, one suite:

* ``pytest`` runs Qt offscreen: no X server needed. Tests marked ``xcb`` are skipped there,
  as offscreen uses the Windows key scheme and has no real focus.
* ``QT_QPA_PLATFORM=xcb pytest`` runs every test on Qt's real X11 platform, on an Xvfb
  display that the pytest-xvfb plugin starts (Debian: xvfb and Qt's libxcb-* libraries).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import hypothesis
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ON_XCB = os.environ["QT_QPA_PLATFORM"] == "xcb"


def pytest_xvfb_disable(config) -> bool:
    """pytest-xvfb starts Xvfb only for the xcb run; offscreen needs no X server."""
    return not ON_XCB


@pytest.hookimpl(trylast=True)  # after pytest-xvfb has started the display
def pytest_configure(config) -> None:
    if ON_XCB and not os.environ.get("DISPLAY"):
        raise pytest.UsageError(
            "QT_QPA_PLATFORM=xcb needs an X display: install Xvfb (Debian: apt-get install xvfb) "
            "and pytest-xvfb starts one for the tests"
        )


def pytest_collection_modifyitems(config, items) -> None:
    if ON_XCB:
        return
    skip = pytest.mark.skip(reason="X11 keys and focus: runs with QT_QPA_PLATFORM=xcb (see README)")
    for item in items:
        if item.get_closest_marker("xcb"):
            item.add_marker(skip)


# CI runs the property tests on a fixed set of examples, so a red CI always means a change
# broke something; local runs keep exploring new examples (and remember failures).
hypothesis.settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis.settings.load_profile("ci")


@pytest.fixture(autouse=True)
def garbage_collected_at_safe_points(qapp):
    """As in the app: no automatic cyclic collection, which can start inside a Qt call and
    deadlock there (leaky_gui.gui.collector); the event loop collects, and so does each test's end."""
    from leaky_gui.gui.collector import collect_on_event_loop

    collector = collect_on_event_loop()
    yield collector
    collector.check()


@pytest.fixture(autouse=True)
def platform_palette_again(qapp):
    """View > Theme > Light or Dark sets the application's palette, which outlives the window:
    each test starts from the platform's (a window that follows the desktop reads it)."""
    yield
    if qapp.palette().resolveMask():
        from PySide6.QtGui import QPalette

        qapp.setPalette(QPalette())


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
    from on_screen import activate, expose

    from leaky_gui.gui.window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    expose(win)
    activate(win)  # real focus on X11: keys go to the active window only
    return win


@pytest.fixture
def window_in(qtbot):
    """Build the window in a language ('en', 'de', 'fr', or a QTranslator to install), as
    ``leaky-gui`` does: the catalogues installed first. English again after the test."""
    from on_screen import activate, expose
    from PySide6.QtCore import QCoreApplication, QTranslator

    from leaky_gui.gui.language import install_language
    from leaky_gui.gui.window import MainWindow

    extra: list[QTranslator] = []

    def make(language):
        install_language("en")
        for translator in extra:
            QCoreApplication.removeTranslator(translator)
        if isinstance(language, QTranslator):
            QCoreApplication.installTranslator(language)
            extra.append(language)
        else:
            install_language(language)
        win = MainWindow(remember=False)
        qtbot.addWidget(win)
        expose(win)
        activate(win)
        return win

    yield make
    for translator in extra:
        QCoreApplication.removeTranslator(translator)
    install_language("en")


@pytest.fixture
def panel(request, qtbot):
    """The test module's ``PANEL`` (a panel class), alone and shown, without a window."""
    widget = request.module.PANEL()
    qtbot.addWidget(widget)
    widget.show()
    return widget


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
