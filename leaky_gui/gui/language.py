"""The window's language: English, German or French, chosen in View > Language or following
the desktop; installs our translator and Qt's own (``qtbase_<lang>.qm``) for its dialogs.

Every string a user sees goes through ``translate(context, text)`` (Qt's
``QCoreApplication.translate``; ``pyside6-lupdate`` finds the calls by that name). Numbers are
formatted outside it. Texts the calculation builds (refusals, rounding notes, your values'
description; the command line prints the same) stay English; its preset names, alpha notes
and precision labels are translated here. The language is chosen once, before the window is
built: a change in View > Language takes effect at the next start.
"""

from __future__ import annotations

import importlib.resources
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from leaky_gui.calc.alphas import preset_name
from leaky_gui.calc.precision import PRECISION_LABELS
from leaky_gui.calc.sweep import format_label

#: Qt's translate: ``translate("Context", "text")``; lupdate extracts calls by this name.
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is declared (lupdate finds this name); the
    code translates it where it shows it. (PySide6's own is typed as returning object.)"""
    return text


FOLLOW_DESKTOP = ""  # the setting's value for "as the desktop says"
LANGUAGES = ("en", "de", "fr")  # English is the source: it needs no translator
#: How each language names itself in View > Language (never translated).
NATIVE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français"}
CATALOGUE = "leaky_gui"  # leaky_gui_de.qm, leaky_gui_fr.qm

_installed: list[QTranslator] = []  # the translators installed here, to replace them


def translations_dir() -> Path:
    """Our .qm files: ``translations`` in the package ``leaky_gui.resources``, installed or frozen."""
    return Path(str(importlib.resources.files("leaky_gui.resources").joinpath("translations")))


def desktop_language(locale: QLocale | None = None) -> str:
    """The first of the desktop's UI languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) we speak."""
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def language_to_use(choice: str) -> str:
    """The language the window speaks: View > Language's choice (state.language_choice), else the desktop's."""
    return choice if choice in LANGUAGES else desktop_language()


def install_language(language: str) -> str:
    """Install the translators for ``language`` (replacing any installed here); return it.

    English installs none. Qt's own catalogue comes from Qt's translations folder (PySide6
    ships ``qtbase_de.qm`` and ``qtbase_fr.qm``): its dialogs' buttons, the file dialog.
    """
    app = QCoreApplication.instance()
    assert app is not None, "translators need the application"
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed.clear()
    if language not in LANGUAGES or language == "en":
        return "en"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"{CATALOGUE}_{language}", str(translations_dir())),
        (f"qtbase_{language}", qt_folder),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def installed_catalogues() -> list[str]:
    """The files of the translators installed here (the self-test checks them)."""
    return [translator.filePath() for translator in _installed]


#: The calculation's preset names and alpha notes, as the GUI shows them (translated here;
#: the command line prints them in English).
_CALC_WORDS = (
    QT_TRANSLATE_NOOP("Presets", "ReLU"),
    QT_TRANSLATE_NOOP("Presets", "PyTorch / JAX / ONNX"),
    QT_TRANSLATE_NOOP("Presets", "TensorFlow"),
    QT_TRANSLATE_NOOP("Presets", "Keras LeakyReLU layer"),
    QT_TRANSLATE_NOOP("Presets", "identity"),
    QT_TRANSLATE_NOOP("Presets", "PyTorch PReLU initial"),
    QT_TRANSLATE_NOOP("Presets", "PyTorch RReLU eval mode"),
    QT_TRANSLATE_NOOP(
        "Presets", "Negative alpha is unusual: f then rises again for x < 0 instead of leaking downwards"
    ),
    QT_TRANSLATE_NOOP("Presets", "alpha > 1 is unusual: the x <= 0 side is then steeper than the x > 0 side"),
    QT_TRANSLATE_NOOP("Presets", "float64 (exact)"),
)


def calc_words(text: str) -> str:
    """A preset's name or an alpha note from the calculation, in the window's language."""
    return translate("Presets", text)


def alpha_name(alpha: Decimal) -> str:
    """'alpha = 0.3 (Keras LeakyReLU layer)' as calc.alphas.alpha_name, the preset's name translated."""
    preset = preset_name(alpha)
    return f"alpha = {format_label(alpha)}" + (f" ({calc_words(preset)})" if preset else "")


def precision_label(precision: str) -> str:
    """How the window names a precision: 'float64 (exact)' (calc's PRECISION_LABELS), translated."""
    return translate("Presets", PRECISION_LABELS[precision])
