"""`leaky-gui --self-test`: type the default sweep into the real widgets and check the views.

Used by the packaged app's smoke test, so it needs nothing but the app itself: it types
with QtTest's key events, reads what the table model and the plot hold, and compares
every value with the calculation (leaky_gui.calc). It also opens Help > User Guide, so a
bundle that left the guide or its screenshots out fails.
"""

from __future__ import annotations

import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

from leaky_gui.calc.csv_export import iter_csv_chunks
from leaky_gui.calc.sweep import SweepParams, format_number, leaky_relu, leaky_relu_derivative
from leaky_gui.gui.export import write_plot_image


class SelfTestFailure(AssertionError):
    """A view disagrees with the calculation."""


def named(window: QObject, name: str) -> Any:
    """The window's child with this object name (the names are the window's public contract)."""
    found = window.findChild(QObject, name)
    if found is None:
        raise SelfTestFailure(f"the window has no {name!r}")
    return found


def type_into(widget: QAbstractSpinBox | QLineEdit, text: str) -> None:
    """Replace the widget's text by typing ``text``, then press Enter, as a user would."""
    widget.setFocus()
    widget.selectAll()
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def check_window_shows(window, expected: SweepParams) -> None:
    """Table rows, plot geometry and markers of ``window`` against the calculation's ``expected``."""
    model = window.model
    _check(
        model.rowCount() == expected.count, f"table has {model.rowCount()} rows, expected {expected.count}"
    )
    for row in range(expected.count):
        want = [
            str(row),
            format_number(expected.x(row)),
            format_number(expected.f(row)),
            format_number(expected.df(row)),
        ]
        got = [model.index(row, c).data() for c in range(4)]
        _check(got == want, f"table row {row} shows {got}, expected {want}")
    _check(
        model.crossing_row == expected.zero_crossing_index(),
        f"highlighted row {model.crossing_row}, expected {expected.zero_crossing_index()}",
    )
    xs, ys = window.plot.curve_data()
    _check((xs, ys) == expected.curve_points(), f"plot curve {xs}, {ys} != {expected.curve_points()}")


def check_exports(window, expected: SweepParams) -> None:
    """Export CSV through the window's worker thread, and PNG and SVG images, to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sweep.csv"
        window.export_csv(target)
        deadline = time.monotonic() + 30
        while window.exports.running() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        # As the window writes it: ';' and ',' by default where the locale writes 0,05.
        comma = named(window, "csvDecimalCommaAction").isChecked()
        want = b"".join(data for data, _ in iter_csv_chunks(expected, decimal_comma=comma))
        _check(
            target.is_file() and target.read_bytes() == want,
            "the exported CSV differs from the calculation's",
        )
        for name, signature in (("plot.png", b"\x89PNG"), ("plot.svg", b"<?xml")):
            image = write_plot_image(window.plot, Path(folder) / name)
            _check(image.read_bytes().startswith(signature), f"{name} is not a valid image")


def check_user_guide(window) -> None:
    """Help > User Guide opens the guide shipped in the package, with every link and image working."""
    from leaky_gui.gui.user_guide import UserGuide

    named(window, "userGuideAction").trigger()
    QApplication.processEvents()
    guide = window.findChild(UserGuide, "userGuide")
    _check(guide is not None and guide.isVisible(), "Help > User Guide showed no guide")
    _check("Every menu" in guide.browser.toPlainText(), "the user guide is empty or not the guide")
    broken = guide.broken_links()
    _check(not broken, f"the user guide's links lead nowhere: {broken}")
    guide.close()


def check_language() -> str:
    """The desktop's language, and that its catalogues (ours and Qt's) are installed: the
    File menu reads 'Datei' under German, and Qt's Cancel button 'Abbrechen'."""
    from PySide6.QtWidgets import QDialogButtonBox

    from leaky_gui.gui.language import desktop_language, installed_catalogues, translate

    language = desktop_language()
    if language == "en":
        return language
    files = [Path(f).name for f in installed_catalogues()]
    for name in (f"leaky_gui_{language}.qm", f"qtbase_{language}.qm"):
        _check(name in files, f"the {language} catalogue {name} is not installed (installed: {files})")
    _check(translate("Menus", "&File") != "&File", f"the File menu is not translated into {language}")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    _check(cancel != "Cancel", f"Qt's Cancel button is not translated into {language}")
    return language


def run_self_test(window) -> tuple[bool, str]:
    """Drive ``window`` (which should ignore stored settings); return (ok, one line)."""
    started = time.perf_counter()
    try:
        window.show()
        QApplication.processEvents()
        # Something else first, so that typing the defaults is seen to change the views.
        type_into(named(window, "count"), "7")
        type_into(named(window, "alpha"), "0.3")
        check_window_shows(window, SweepParams(count=7, alphas=(Decimal("0.3"),)))

        for spin, text in (
            (named(window, "startX"), "-4"),
            (named(window, "stepX"), "0.05"),
            (named(window, "count"), "101"),
            (named(window, "alpha"), "0.01"),
        ):
            type_into(spin, text)
        expected = SweepParams()
        check_window_shows(window, expected)
        _check(expected.zero_crossing_index() == 80, "the default sweep does not cross zero at i = 80")

        type_into(named(window, "singleX"), "-2")
        fx, dfx = leaky_relu("-2"), leaky_relu_derivative("-2")
        want = f"f(-2.0) = {format_number(fx)}"
        _check(
            want in named(window, "singleResult").text(),
            f"single x shows {named(window, 'singleResult').text()!r}",
        )
        _check(
            f"f'(-2.0) = {format_number(dfx)}" in named(window, "singleResult").text(), "single x derivative"
        )
        sx, sy = window.plot.single.getData()
        _check(
            sx is not None and sx.tolist() == [-2.0] and sy.tolist() == [fx],
            "single x is not marked on the plot",
        )
        image = window.grab()
        _check(not image.isNull() and image.width() > 0, "the window did not paint")
        check_exports(window, expected)
        check_user_guide(window)
        language = check_language()
    except SelfTestFailure as failure:
        return False, f"leaky-gui self-test: FAILED: {failure}"
    finally:
        window.close()
    took = time.perf_counter() - started
    from leaky_gui.calc.text import kernel_built  # whether the bundle has it

    return True, (
        f"leaky-gui self-test: OK: {expected.count} rows from (-4.0, -0.04) to (1.0, 1.0), "
        f"zero crossing at i = 80, plot {expected.curve_points()[0]}, {want}, CSV/PNG/SVG export, user guide, language {language}, "
        f"text kernel {'built' if kernel_built() else 'absent'} ({took:.2f} s)"
    )
