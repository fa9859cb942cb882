"""Help > User Guide (F1): the guide ships in the package, opens in the app, and its links work."""

from __future__ import annotations

import importlib.resources
import re
import sys
from pathlib import Path

import pytest
from on_screen import press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from leaky_gui.cli import build_parser
from leaky_gui.gui.selftest import named
from leaky_gui.gui.user_guide import GUIDE_FILE, UserGuide, heading_anchor

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"(!?)\[[^\]]*\]\(([^)\s]+)\)")


def guide_text() -> str:
    """The guide as the installed package holds it (the same call works installed and frozen)."""
    return importlib.resources.files("leaky_gui.resources").joinpath(GUIDE_FILE).read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    """Each heading's text as rendered (no '#', no backticks), outside code blocks."""
    found, in_code = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (match := re.match(r"#{1,6} (.*)", line)):
            found.append(match.group(1).replace("`", ""))
    return found


def test_the_guide_is_found_installed_with_its_screenshots():
    text = guide_text()
    assert text.startswith("# Leaky ReLU Calculator: User Guide")
    package = importlib.resources.files("leaky_gui.resources")
    images = [target for bang, target in LINK.findall(text) if bang]
    assert len(images) >= 4
    for image in images:
        assert package.joinpath(image).is_file(), image


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is new in Python 3.11")
def test_the_wheel_and_the_bundle_are_told_to_ship_the_guide():
    from fnmatch import fnmatch

    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"][
        "leaky_gui.resources"
    ]
    images = [target for bang, target in LINK.findall(guide_text()) if bang]
    for name in [GUIDE_FILE, *images]:
        assert any(fnmatch(name, pattern) for pattern in patterns), name
    spec = (ROOT / "packaging" / "leaky_gui.spec").read_text()
    assert '".md"' in spec and '"screenshots", "*.png"' in spec


def test_every_link_in_the_guide_leads_to_a_heading_or_a_file():
    text = guide_text()
    anchors: dict[str, int] = {}
    known = {heading_anchor(heading, anchors) for heading in headings(text)}
    resources = ROOT / "resources"
    for bang, target in LINK.findall(text):
        if target.startswith("#"):
            assert target[1:] in known, target
        else:  # an image beside the guide; no links into the repository, which the app lacks
            assert bang and (resources / target).is_file(), target


def test_headings_get_githubs_anchors():
    assert heading_anchor("The command line") == "the-command-line"
    assert heading_anchor("Light and dark, HiDPI, keyboard") == "light-and-dark-hidpi-keyboard"
    assert heading_anchor("`leaky-relu eval --input`") == "leaky-relu-eval---input"
    taken: dict[str, int] = {}
    assert [heading_anchor("File", taken) for _ in range(3)] == ["file", "file-1", "file-2"]


def guide_of(window) -> UserGuide:
    guide = window.findChild(UserGuide, "userGuide")
    assert guide is not None, "no user guide open"
    return guide


def test_help_user_guide_is_f1_and_about_stays_in_help(window, qtbot):
    action = named(window, "userGuideAction")
    assert action.shortcut().toString() == "F1"
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.objectName() for a in help_menu.actions()] == ["userGuideAction", "aboutAction"]
    action.trigger()
    guide = guide_of(window)
    qtbot.waitUntil(guide.isVisible)
    assert "Every menu" in guide.browser.toPlainText()
    assert guide.broken_links() == []
    action.trigger()  # again: the same guide, raised, not a second one
    assert len(window.findChildren(UserGuide)) == 1


def test_the_guide_in_the_app_has_an_anchor_for_each_link(window):
    named(window, "userGuideAction").trigger()
    guide = guide_of(window)
    internal = {href[1:] for href in guide.links() if href.startswith("#")}
    assert {"the-command-line", "file-formats", "every-menu"} <= internal <= guide.anchors()


def test_clicking_a_contents_link_scrolls_to_its_heading(window, qtbot):
    named(window, "userGuideAction").trigger()
    guide = guide_of(window)
    qtbot.waitUntil(guide.isVisible)
    browser = guide.browser
    document = browser.document()
    at = document.toPlainText().index("File formats")  # the contents entry, a link
    cursor = QTextCursor(document)
    cursor.setPosition(at + 2)
    spot = browser.cursorRect(cursor).center()
    assert browser.anchorAt(spot) == "#file-formats"
    assert browser.verticalScrollBar().value() == 0
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: browser.verticalScrollBar().value() > 0)
    top = browser.cursorForPosition(QPoint(20, 20)).block()
    assert top.text() == "File formats" and top.blockFormat().headingLevel() == 2


def test_the_guide_follows_light_and_dark(window, qtbot):
    named(window, "userGuideAction").trigger()
    guide = guide_of(window)
    qtbot.waitUntil(guide.isVisible)
    browser = guide.browser

    def link_colour() -> str:
        for _, fmt in guide._fragments():
            if fmt.anchorHref() == "#file-formats":
                return fmt.foreground().color().name()
        raise AssertionError("no link to #file-formats")

    light = link_colour()
    browser.verticalScrollBar().setValue(500)
    named(window, "themeDarkAction").trigger()
    qtbot.waitUntil(lambda: link_colour() != light)
    assert link_colour() == QApplication.palette().link().color().name()
    assert browser.verticalScrollBar().value() == 500  # the reader's place is kept
    assert guide.broken_links() == [] and "file-formats" in guide.anchors()
    dark = link_colour()
    named(window, "themeLightAction").trigger()
    qtbot.waitUntil(lambda: link_colour() != dark)
    assert link_colour() == QApplication.palette().link().color().name()


def _menu_entries(menu: QMenu) -> list[QAction]:
    entries = []
    for action in menu.actions():
        if action.menu() is not None:
            entries += _menu_entries(action.menu())
        if not action.isSeparator() and not action.objectName().startswith(("presetSet_", "presetPin_")):
            entries.append(action)
    return entries


def test_the_guide_names_every_menu_entry(window):
    text = guide_text()
    for top in window.menuBar().actions():
        for entry in _menu_entries(top.menu()):
            name = entry.text().replace("&", "")
            assert name in text, f"the user guide does not mention {name!r}"
    for preset in ("ReLU", "PyTorch / JAX / ONNX", "TensorFlow", "Keras LeakyReLU layer", "identity"):
        assert preset in text


def test_the_guide_names_every_command_line_option():
    text = guide_text()
    parser = build_parser()
    commands = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict)).choices
    for name, command in commands.items():
        assert f"leaky-relu {name}" in text
        for option in command._actions:
            for spelling in option.option_strings:
                if spelling not in ("-h", "--help"):
                    assert f"`{spelling}" in text or f"{spelling} " in text, f"{name} {spelling}"


@pytest.mark.xcb
def test_f1_opens_the_guide_from_a_typing_field(window, qtbot):
    named(window, "startX").setFocus()
    press(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(UserGuide, "userGuide") is not None)
    guide = guide_of(window)
    qtbot.waitUntil(guide.isVisible)
    press(qtbot, guide, Qt.Key.Key_PageDown)  # focus is in the text: the keys scroll it
    qtbot.waitUntil(lambda: guide.browser.verticalScrollBar().value() > 0)
    press(qtbot, guide, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not guide.isVisible())
