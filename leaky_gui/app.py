"""`leaky-gui` and `python -m leaky_gui`: the QApplication, the window, and --self-test."""

from __future__ import annotations

import argparse
import importlib.resources
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# numpy's BLAS would start a thread per core at import, which spins for about 0.1 s of CPU
# beside the start-up and the first reads; the app does no linear algebra. A value the
# user set is kept (as the command line does).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

APP_ID = "io.github.leakygui.LeakyGui"  # reverse-DNS id: desktop entry and Wayland app id
ORGANIZATION = "leaky_gui"
APPLICATION = "leaky-gui"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def resource_dir() -> Path:
    """The icons and desktop entry: the package ``leaky_gui.resources``, installed, editable or frozen.

    The files live in the repository's top-level ``resources/``; pyproject.toml maps that
    folder to ``leaky_gui.resources`` and the PyInstaller spec puts it at the same place.
    """
    return Path(str(importlib.resources.files("leaky_gui.resources")))


def app_icon():
    """The window icon from the PNG sizes (no SVG icon engine needed)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_dir()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"leaky_gui_{size}.png"))
    return icon


# glibc's malloc grows its heap, and keeps free at its top when trimming, 128 kB beyond what
# is asked for, so the blocks of a file being read (1 MB each, and each block's columns)
# fault in fresh pages again and again: about 10,000 page faults in a first read of
# 1,000,000 doubles in the window. With 16 MB of padding it is about 7,500, and a second file
# read while the first is on show 8,000 instead of 9,400-10,400, for 2-4 MB more kept
# (docs/performance.md). Setting M_TOP_PAD also fixes glibc's mmap threshold at 128 kB (it
# would otherwise rise to the largest block freed): a block of 128 kB or more comes from the
# heap while the padding has room for it, else is mapped afresh.
_M_TOP_PAD = -2  # glibc's malloc.h
MALLOC_TUNING = ((_M_TOP_PAD, 16 << 20),)


def tune_malloc() -> bool:
    """Set MALLOC_TUNING with glibc's ``mallopt``; False where there is no glibc (or it
    refused). Malloc settings of the user's own (``MALLOC_*_``, ``GLIBC_TUNABLES``) are kept."""
    if not sys.platform.startswith("linux"):
        return False
    if "GLIBC_TUNABLES" in os.environ or any(k.startswith("MALLOC_") for k in os.environ):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return [mallopt(option, value) for option, value in MALLOC_TUNING] == [1] * len(MALLOC_TUNING)


# Messages Qt prints that say nothing to a user: the offscreen platform (used by
# --self-test in CI) cannot resize or raise native windows and says so every time.
_SILENCED = ("This plugin does not support propagateSizeHints()", "This plugin does not support raise()")


def _install_message_filter() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if message not in _SILENCED:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def create_application(argv: Sequence[str]):
    """Our own QApplication (pg.mkQApp would force a style, an icon and a HiDPI policy)."""
    from PySide6.QtWidgets import QApplication

    tune_malloc()
    _install_message_filter()
    from leaky_gui.gui.collector import collect_on_event_loop

    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication), "a widgets application, not a console one"
    collect_on_event_loop()  # cyclic garbage only from the event loop, never inside a Qt call
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Leaky ReLU Calculator")
    app.setDesktopFileName(APP_ID)
    from leaky_gui import __version__

    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="leaky-gui", description="Leaky ReLU calculator window.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--fresh", action="store_true", help="start from the defaults, ignoring remembered state"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="drive the default sweep through the window, check it against the calculation, print one line, exit",
    )
    return parser.parse_known_args(argv)[0]  # Qt's own options (-style, ...) pass through


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``leaky-gui``."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.version:
        from leaky_gui import __version__

        print(f"leaky-gui {__version__}")
        return 0
    app = create_application(argv)
    from PySide6.QtCore import QSettings

    from leaky_gui.gui.language import install_language, language_to_use
    from leaky_gui.gui.state import language_choice

    # Before the window is built: its words are translated as it builds. The self-test,
    # which ignores remembered settings, follows the desktop.
    install_language(language_to_use(language_choice(None if args.self_test else QSettings())))
    from leaky_gui.gui.window import MainWindow

    if args.self_test:
        from leaky_gui.gui.selftest import run_self_test

        ok, line = run_self_test(MainWindow(remember=False))
        print(line, flush=True)
        return 0 if ok else 1
    window = MainWindow(fresh=args.fresh)
    window.show()
    return app.exec()
