"""The window in German and French: every visible word translated, Qt's own dialogs too, the
language from the desktop or View > Language, the catalogues current, nothing cut off.

The walk pairs the English window with the translated one widget by widget (both are built
the same way, so ``findChildren`` lists them in the same order) and compares each text a
user sees or a screen reader reads: labels, buttons, titles, tooltips, status tips,
accessible names and descriptions, placeholders, menus, actions, table headers, the plot's
title, axes and legend, and the status bar.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QTableWidget,
    QToolBar,
    QWidget,
)

from leaky_gui.gui.language import desktop_language, installed_catalogues, language_to_use, translations_dir
from leaky_gui.gui.menus import language_menu
from leaky_gui.gui.selftest import named
from leaky_gui.gui.state import LANGUAGE_KEY, language_choice

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "fr")

#: Names, symbols and codes: never translated, so a text made of them only needs none.
SYMBOLS = re.compile(
    r"\b(alpha|alphas|ReLU|PyTorch|JAX|ONNX|TensorFlow|Keras|LeakyReLU|PReLU|RReLU|float64|float32|"
    r"float16|bfloat16|NaN|std|sqrt|CSV|TSV|PNG|SVG|Ctrl|Shift|Strg|Umschalt|Maj|dtype|He|Kaiming|x_i|"
    r"x_0|i|x|f|y|E|Var|k|c|L|N|X)\b"
)
#: Each language's own name in View > Language, the same in every language.
OWN_NAMES = {"&English", "English", "&Deutsch", "Deutsch", "F&rançais", "Français"}
#: Texts the same in the language: each a word the language shares with English.
SAME = {
    "de": OWN_NAMES
    | {
        "A&lpha", "&Alpha:", "Alpha",  # the Greek letter's name, in German too
        "Li&near", "linear", "Linear",  # linear is German too
    },
    "fr": OWN_NAMES
    | {
        "A&lpha", "Alpha",  # alpha is French too
        "Initialisation",  # the same word in French
        "float64 (exact)",  # exact is French too
        "Points",  # pyqtgraph's Points menu: points in French too
    },
}  # fmt: skip


def has_words(text: str) -> bool:
    """Whether ``text`` has a word to translate once numbers and symbols are taken out."""
    plain = SYMBOLS.sub(" ", re.sub(r"[-+]?\d[\d.,e+-]*", " ", text.replace("&", "")))
    return re.search(r"[^\W\d_]{3,}", plain) is not None


def _widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    texts = [
        ("toolTip", widget.toolTip()),
        ("statusTip", widget.statusTip()),
        ("whatsThis", widget.whatsThis()),
        ("accessibleName", widget.accessibleName()),
        ("accessibleDescription", widget.accessibleDescription()),
    ]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(("text", widget.text()))
    if isinstance(widget, QGroupBox):
        texts.append(("title", widget.title()))
    if isinstance(widget, QLineEdit):
        texts.append(("placeholder", widget.placeholderText()))
    if isinstance(widget, QMenu):
        texts.append(("title", widget.title()))
    if widget.isWindow() or isinstance(widget, QDockWidget | QToolBar):
        texts.append(("windowTitle", widget.windowTitle()))
    if isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(column)
            if item is not None:
                texts += [(f"header{column}", item.text()), (f"headerTip{column}", item.toolTip())]
    return texts


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) for every text the window shows or a screen reader reads, in a fixed order."""
    found: list[tuple[str, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()}"
        found += [(f"{where} {prop}", text) for prop, text in _widget_texts(widget)]
    for n, action in enumerate(window.findChildren(QAction)):
        where = f"QAction {n} {action.objectName()}"
        for prop in ("text", "iconText", "toolTip", "statusTip", "whatsThis"):
            found.append((f"{where} {prop}", getattr(action, prop)()))
    item = window.plot.getPlotItem()
    found.append(("plot title", item.titleLabel.text))
    for side in ("left", "bottom"):
        found.append((f"plot axis {side}", item.getAxis(side).labelText))
    found += [(f"legend {n}", name) for n, name in enumerate(window.plot.legend_names())]
    layer = window.layer_view.plot.widget.getPlotItem()
    found += [(f"layer axis {side}", layer.getAxis(side).labelText) for side in ("left", "bottom")]
    found.append(("status bar", window.statusBar().currentMessage()))
    found.append(("readout", window.readout.text()))
    return [(where, text) for where, text in found if text]


def everything_on_show(window) -> None:
    """Show what only shows on demand: a pinned alpha, the overlays, the Layer view, a note."""
    window.pin_alpha(Decimal("0.3"))
    for name in ("derivativeAction", "reluAction", "identityAction"):
        named(window, name).setChecked(True)
    window.layer_view  # noqa: B018 (built when first asked for)
    window.layer_dock.show()
    window.single.set_text("-2")
    QApplication.processEvents()


def untranslated(window_in, language: str) -> tuple[list[str], int]:
    english = window_in("en")
    everything_on_show(english)
    source = visible_texts(english)
    translated = window_in(language)
    everything_on_show(translated)
    target = visible_texts(translated)
    assert [w for w, _ in source] == [w for w, _ in target], "the two windows differ in shape"
    checked = [(w, en, t) for (w, en), (_, t) in zip(source, target, strict=True) if has_words(en)]
    left = [f"{w}: {en!r}" for w, en, t in checked if t == en and en not in SAME[language]]
    return left, len(checked)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_visible_text_is_left_in_english(window_in, language):
    left, checked = untranslated(window_in, language)
    assert checked > 250  # the walk reached the whole window
    assert left == [], "left in English:\n" + "\n".join(left)


def test_the_walk_finds_a_text_left_in_english(window_in):
    """The walk itself: a catalogue that lacks one text is caught there."""
    lacking = PseudoTranslator(skip="Compare alphas")
    left, _ = untranslated(lambda language: window_in(lacking if language == "de" else language), "de")
    assert "ComparisonPanel  title: 'Compare alphas'" in left
    assert not has_words("f(x), alpha = 0.01 (PyTorch / JAX / ONNX)") and has_words("Sweep info")


# -- Qt's own dialogs ----------------------------------------------------------------

CANCEL = {"de": "Abbrechen", "fr": "Annuler"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_qts_own_dialog_buttons_speak_the_language(window_in, qtbot, language):
    window = window_in(language)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == CANCEL[language]
    message = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Cancel, window)
    assert message.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") == CANCEL[language]
    assert any(Path(f).name == f"qtbase_{language}.qm" for f in installed_catalogues())


def _in_a_fresh_process(env: dict[str, str]) -> list[str]:
    """Start the app's set-up in a process with this locale; its menu titles, its Export CSV
    file dialog's Cancel button, and its language."""
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
        from leaky_gui.app import create_application
        from leaky_gui.gui.language import install_language, language_to_use
        from leaky_gui.gui.selftest import named

        app = create_application(["leaky-gui"])
        print(install_language(language_to_use("")))
        from leaky_gui.gui.window import MainWindow

        window = MainWindow(remember=False)
        window.show()
        print("|".join(a.text() for a in window.menuBar().actions()))

        def answer():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, answer)
                return
            buttons = dialog.findChild(QDialogButtonBox)
            print(buttons.button(QDialogButtonBox.StandardButton.Cancel).text())
            dialog.reject()

        QTimer.singleShot(0, answer)
        named(window, "exportCsvAction").trigger()
        """
    )
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**keep, **env, "HOME": os.environ.get("HOME", "/tmp")},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.splitlines()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "language", "menus", "cancel"),
    [
        ({"LC_ALL": "de_DE.UTF-8"}, "de", "&Datei|&Bearbeiten|A&lpha|A&nsicht|&Hilfe", "Abbrechen"),
        (
            {"LC_ALL": "C.UTF-8", "LANGUAGE": "fr"},
            "fr",
            "&Fichier|&Édition|A&lpha|Affic&hage|A&ide",
            "Annuler",
        ),
        ({"LANG": "fr_FR.UTF-8"}, "fr", "&Fichier|&Édition|A&lpha|Affic&hage|A&ide", "Annuler"),
        ({"LC_ALL": "C.UTF-8"}, "en", "&File|&Edit|A&lpha|&View|&Help", "Cancel"),
    ],
)
def test_the_desktops_language_from_start_to_the_file_dialog(env, language, menus, cancel):
    """As `LC_ALL=de_DE.UTF-8 leaky-gui` starts: Datei … Hilfe, and Export CSV… asks with Abbrechen."""
    chosen, titles, button = _in_a_fresh_process(env)
    assert (chosen, titles, button.replace("&", "")) == (language, menus, cancel)


# -- choosing the language ---------------------------------------------------------


def test_the_desktop_language_is_the_first_we_speak():
    assert desktop_language(QLocale("de_DE")) == "de"
    assert desktop_language(QLocale("fr_CA")) == "fr"
    assert desktop_language(QLocale("ja_JP")) == "en"
    assert desktop_language(QLocale.c()) == "en"


def test_view_language_is_remembered_for_the_next_start(window_in, settings, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    assert language_to_use(language_choice(settings)) == desktop_language()
    window = window_in("en")
    menu = QMenu()  # a menu of its own, apart from the window's
    qtbot.addWidget(menu)
    actions = language_menu(window, menu, settings)
    assert [a.text().replace("&", "") for a in actions.values()] == [
        "Follow Desktop", "English", "Deutsch", "Français",
    ]  # fmt: skip
    assert actions[""].isChecked()
    actions["fr"].trigger()
    assert settings.value(LANGUAGE_KEY) == "fr" and language_to_use(language_choice(settings)) == "fr"
    actions[""].trigger()
    assert language_to_use(language_choice(settings)) == desktop_language()
    settings.setValue(LANGUAGE_KEY, "klingon")  # unreadable: the desktop's
    assert language_to_use(language_choice(settings)) == desktop_language()
    assert named(window, "languageMenu").title() == "Lan&guage"


def test_view_language_lists_every_language(window_in):
    window = window_in("de")
    names = [a.objectName() for a in named(window, "languageMenu").actions()]
    assert names == ["language_follow", "language_en", "language_de", "language_fr"]


# -- the catalogues are current ---------------------------------------------------------


def _messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, its type) of every message, in order."""
    root = ET.parse(ts).getroot()
    return [
        (
            context.findtext("name", ""),
            message.findtext("source", ""),
            message.findtext("translation", ""),
            message.find("translation").get("type", ""),
        )
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _tool(name: str) -> str:
    folder = Path(PySide6.__file__).parent
    return str(next(p for p in (folder / name, folder / "Qt" / "libexec" / name) if p.exists()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_has_every_string_of_the_sources_translated(tmp_path, language):
    """Running lupdate over the window's sources adds no message, and leaves none unfinished."""
    committed = ROOT / "resources" / "translations" / f"leaky_gui_{language}.ts"
    fresh = tmp_path / committed.name
    fresh.write_bytes(committed.read_bytes())
    sources = sorted(str(p) for p in (ROOT / "leaky_gui" / "gui").glob("*.py"))
    subprocess.run(
        [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
         "-target-language", language, *sources, "-ts", str(fresh)],
        check=True,
    )  # fmt: skip
    assert _messages(fresh) == _messages(committed), "run lupdate (docs/architecture.md) and translate"
    unfinished = [source for _, source, text, kind in _messages(committed) if kind or not text]
    assert unfinished == []
    assert len(_messages(committed)) > 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qm_is_lreleases_output_of_the_ts(tmp_path, language):
    folder = ROOT / "resources" / "translations"
    built = tmp_path / f"leaky_gui_{language}.qm"
    subprocess.run(
        [_tool("lrelease"), "-silent", str(folder / built.stem) + ".ts", "-qm", str(built)], check=True
    )
    assert built.read_bytes() == (folder / built.name).read_bytes(), "run pyside6-lrelease on the .ts"


def test_the_catalogues_ship_in_the_package_and_the_bundle():
    assert {p.name for p in translations_dir().glob("*.qm")} >= {"leaky_gui_de.qm", "leaky_gui_fr.qm"}
    assert '"translations/*.qm"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "leaky_gui.spec").read_text(encoding="utf-8")
    assert '"translations", "*.qm"' in spec and '"qtbase_de.qm", "qtbase_fr.qm"' in spec


# -- a pseudo-translation: 40 % longer, nothing cut off ------------------------------------

KEEP = re.compile(r"(\{\w*\}|<[^>]*>|&\w+;|\([^)]*\*[^)]*\)|%\d)")


def pseudo(text: str) -> str:
    """``text`` about 40 % longer, word by word; placeholders, tags, filters and & kept."""
    parts = KEEP.split(text)
    grow = lambda m: m.group(0) + "ë" * math.ceil(0.4 * len(m.group(0)))  # noqa: E731
    return "".join(p if i % 2 else re.sub(r"[^\W\d_]{2,}", grow, p) for i, p in enumerate(parts))


class PseudoTranslator(QTranslator):
    """Every string of ours about 40 % longer (Vorta tests its layouts the same way)."""

    def __init__(self, skip: str = "") -> None:
        super().__init__()
        ours = ROOT / "resources" / "translations" / "leaky_gui_de.ts"
        self._contexts = {context for context, *_ in _messages(ours)}
        self._skip = skip  # a source left untranslated

    def translate(self, context, source, disambiguation=None, n=-1):
        # Never None or "" (an empty text, not "no translation", to Qt): the source, untouched.
        return pseudo(source) if context in self._contexts and source != self._skip else source

    def isEmpty(self):
        return False


def test_pseudo_translation_is_longer_and_keeps_what_code_reads():
    assert pseudo("&File") == "&Fileëë"
    assert pseudo("Writing {count} rows to {file}…") == "Writingëëë {count} rowsëë toë {file}…"
    assert pseudo("CSV files (*.csv);;All files (*)") == "CSVëë filesëë (*.csv);;Allëë filesëë (*)"
    assert pseudo("a &amp; <b>bold</b>") == "a &amp; <b>boldëë</b>"


def cut_off(window) -> list[str]:
    """Labels, buttons, check boxes and titles on show that are narrower than their text needs."""
    cut = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
            continue  # gives way by design, its tooltip has the text whole (a pinned alpha's name)
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    cut.append(f"{name} {widget.text()!r}: {widget.height()} px high")
            elif widget.width() < widget.minimumSizeHint().width():
                cut.append(f"{name} {widget.text()!r}: {widget.width()} px wide")
        elif isinstance(widget, QAbstractButton) and widget.text() and widget.parent() is not None:
            if (
                widget.width() < widget.minimumSizeHint().width()
                and widget.objectName() != "qt_toolbar_ext_button"
            ):
                cut.append(f"{name} {widget.text()!r}: {widget.width()} px wide")
        elif isinstance(widget, QGroupBox):
            need = widget.fontMetrics().horizontalAdvance(widget.title())
            if widget.width() < need:
                cut.append(f"{name} {widget.title()!r}: {widget.width()} px wide")
    for toolbar in window.findChildren(QToolBar):
        hidden = [
            a.text()
            for a in toolbar.actions()
            if not a.isSeparator() and not toolbar.widgetForAction(a).isVisible()
        ]
        if hidden:
            cut.append(f"toolbar hides {hidden}")
    return cut


def test_cut_off_finds_a_clipped_label(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("A label far too long for the forty pixels it is given", box)
    label.setGeometry(0, 0, 40, 20)
    box.show()
    assert cut_off(box) == ["QLabel  'A label far too long for the forty pixels it is given': 40 px wide"]


@pytest.mark.parametrize("language", ["pseudo", *LANGUAGES])
def test_nothing_is_cut_off_at_the_default_size(window_in, language):
    window = window_in(PseudoTranslator() if language == "pseudo" else language)
    QApplication.processEvents()
    assert named(window, "exportCsvAction").text() != "&Export CSV…"
    assert (window.width(), window.height()) == (1180, 760), "the window's minimum outgrew its default size"
    assert cut_off(window) == []
    window.pin_alpha(Decimal("0.3"))
    QApplication.processEvents()
    assert cut_off(window) == []


@pytest.mark.parametrize("language", ["en", "pseudo", *LANGUAGES])
def test_nothing_is_cut_off_with_your_values_open(window_in, language, qtbot, tmp_path, monkeypatch):
    """The note under the boxes (your values on show) is longest in German: it wraps to more
    lines than when it was first shown, and claims them as the pane settles."""
    path = tmp_path / "normals.csv"
    path.write_text("x\n-4.192855274112129\n2.8319083928007345\n-1.0663818771331546\n")
    window = window_in(PseudoTranslator() if language == "pseudo" else language)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *_: (str(path), ""))
    named(window, "openValuesAction").trigger()
    qtbot.waitUntil(lambda: window.values is not None and not window.values_reader.running(), timeout=30_000)
    QApplication.processEvents()
    assert named(window, "sourceNote").isVisible()
    assert cut_off(window) == []
    described = {"en": "normals.csv: 3 decimal values", "de": "normals.csv: 3 Dezimalwerte"}
    described["fr"] = "normals.csv : 3 valeurs décimales"
    if language in described:  # the status bar describes your values in the window's language
        assert described[language] in window.statusBar().currentMessage()
    window.resize(900, 760)  # narrower: the note wraps to more lines again
    QApplication.processEvents()
    assert cut_off(window) == []


def test_the_self_test_checks_the_language(window_in, monkeypatch):
    from leaky_gui.gui import selftest

    monkeypatch.setattr("leaky_gui.gui.language.desktop_language", lambda locale=None: "de")
    window_in("de")
    assert selftest.check_language() == "de"
    window_in("en")  # a German desktop, and no catalogue installed: the check fails
    with pytest.raises(selftest.SelfTestFailure, match="not installed"):
        selftest.check_language()
