"""Light and dark: the plot's and the messages' colours for each scheme, and which scheme is on.

pyqtgraph does not follow the palette (its issue #1588), and message labels were fixed red
and brown, so every colour the window draws itself is declared here, once per scheme, and
``ThemeController`` says which scheme to draw in: the user's choice (View > Theme), or, by
default, the desktop's, followed live.

Curves use the Okabe-Ito colour-blind-safe hues. Against a white plot some of them are too
light (yellow, orange, sky blue), so in the light scheme those are darkened along their own
hue (linear RGB scaled, chromaticity kept) to reach 3:1, WCAG 2.1's non-text contrast; in
the dark scheme the blue is lightened the same way. Message text reaches 4.5:1 against the
window. tests/test_theme.py computes every ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Rgba = tuple[int, int, int, int]

#: View > Theme: the choices, as stored in the settings.
FOLLOW, LIGHT_CHOICE, DARK_CHOICE = "follow", "light", "dark"
THEME_CHOICES = (FOLLOW, LIGHT_CHOICE, DARK_CHOICE)


@dataclass(frozen=True)
class Scheme:
    """Every colour the window draws itself, for one of light and dark."""

    name: str
    dark: bool
    background: str  # the plot's
    foreground: str  # axes, tick text, title, legend text
    grid: Rgba
    legend_brush: Rgba
    crosshair: str
    current: str  # the current alpha's curve and its sample markers
    pinned: tuple[str, ...]  # pinned curves, by style slot
    reference: str  # ReLU and identity reference lines
    crossing_fill: str
    crossing_edge: str
    single_fill: str  # the single-x star
    single_edge: str
    table_crossing: str  # background of the table's zero-crossing row
    error: str  # message text
    note: str
    window: str  # the window's background in this scheme's own palette (forced themes)
    text: str  # the window's text in that palette

    def curve_colours(self) -> tuple[str, ...]:
        """Every curve's colour: the current alpha's, the pinned ones', the references'."""
        return (self.current, *self.pinned, self.reference)


LIGHT = Scheme(
    name="light",
    dark=False,
    background="#ffffff",
    foreground="#404040",
    grid=(0, 0, 0, 60),
    legend_brush=(255, 255, 255, 220),
    crosshair="#555555",
    current="#0072b2",  # Okabe-Ito blue
    # Okabe-Ito vermillion, bluish green, reddish purple, orange, sky blue, yellow, black;
    # purple, orange, sky blue and yellow darkened along their hue to 3:1 against white.
    pinned=("#d55e00", "#009e73", "#c776a2", "#c08400", "#4797c4", "#9a9227", "#000000"),
    reference="#7f7f7f",
    crossing_fill="#e69f00",
    crossing_edge="#7a3d00",
    single_fill="#111111",
    single_edge="#ffffff",
    table_crossing="#ffe096",
    error="#b00020",
    note="#8a5a00",
    window="#efefef",
    text="#000000",
)

DARK = Scheme(
    name="dark",
    dark=True,
    background="#1e1e1e",
    foreground="#d0d0d0",
    grid=(255, 255, 255, 50),
    legend_brush=(30, 30, 30, 220),
    crosshair="#aaaaaa",
    current="#008ad5",  # Okabe-Ito blue, lightened along its hue to 4.4:1 against the plot
    pinned=("#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#e6e6e6"),
    reference="#8c8c8c",
    crossing_fill="#e69f00",
    crossing_edge="#1e1e1e",
    single_fill="#f5f5f5",
    single_edge="#1e1e1e",
    table_crossing="#5c4500",
    error="#ff8a80",
    note="#f2b84b",
    window="#353535",
    text="#f0f0f0",
)

SCHEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


# -- WCAG 2.1 contrast ------------------------------------------------------------------


def relative_luminance(colour: str | QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour, 0 (black) .. 1 (white)."""
    c = QColor(colour)

    def linear(channel: int) -> float:
        v = channel / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue())


def contrast_ratio(first: str | QColor, second: str | QColor) -> float:
    """WCAG 2.1 contrast ratio, 1 .. 21 (3 for graphics, 4.5 for text)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- which scheme is on -------------------------------------------------------------------


def palette_is_dark(palette: QPalette) -> bool:
    """Whether a palette paints light text on a dark window (a dark desktop theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def desktop_is_dark() -> bool:
    """The desktop's scheme: QStyleHints.colorScheme() where the platform knows it, else the palette."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return palette_is_dark(QGuiApplication.palette())


def scheme_palette(scheme: Scheme) -> QPalette:
    """A whole-window palette in ``scheme``, for View > Theme > Light or Dark."""
    window, text = QColor(scheme.window), QColor(scheme.text)
    base = QColor(scheme.background) if scheme.dark else QColor("#ffffff")
    palette = QPalette(window)  # Qt derives light, dark, mid and shadow from the window colour
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8c8c8c" if scheme.dark else "#7f7f7f"),
        QPalette.ColorRole.Highlight: QColor("#2a6fb0" if scheme.dark else "#3073c0"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7fb8ff" if scheme.dark else "#0057ae"),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    disabled = QColor("#7a7a7a" if scheme.dark else "#9a9a9a")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class ThemeController(QObject):
    """Decides the scheme on show: the user's choice, or the desktop's, followed live.

    The window calls ``desktop_changed()`` on ``QEvent.ApplicationPaletteChange`` (older
    platforms say a theme changed only through the palette); ``QStyleHints.colorSchemeChanged``
    is connected here. ``changed`` fires only when the scheme on show changes.
    """

    changed = Signal(object)  # the new Scheme

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = FOLLOW
        self._forcing = False  # our own palette is on the application (Light or Dark chosen)
        #: The palette to give back on Follow Desktop: one the application was given before
        #: ours (a -style option, a palette set in code), else none (the platform's own).
        self._palette_before: QPalette | None = None
        self._applying = False
        self._scheme = DARK if desktop_is_dark() else LIGHT
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.desktop_changed)

    @property
    def choice(self) -> str:
        """follow, light or dark."""
        return self._choice

    @property
    def scheme(self) -> Scheme:
        """The scheme on show."""
        return self._scheme

    def set_choice(self, choice: str) -> None:
        """Follow the desktop, or force light or dark on the whole window."""
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme {choice!r}")
        self._choice = choice
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a theme needs the application's palette"
        self._applying = True
        try:
            if choice == FOLLOW:
                if self._forcing:
                    # An empty palette (nothing resolved) gives the platform's own again.
                    app.setPalette(self._palette_before or QPalette())
                    self._forcing = False
            else:
                if not self._forcing:
                    before = app.palette()
                    self._palette_before = QPalette(before) if before.resolveMask() else None
                app.setPalette(scheme_palette(SCHEMES[choice]))
                self._forcing = True
        finally:
            self._applying = False
        self._update()

    def desktop_changed(self, *_: object) -> None:
        """The desktop's palette or colour scheme changed: follow it unless a theme is chosen."""
        if not self._applying:
            self._update()

    def _update(self) -> None:
        desktop = DARK if desktop_is_dark() else LIGHT
        scheme = desktop if self._choice == FOLLOW else SCHEMES[self._choice]
        if scheme != self._scheme:
            self._scheme = scheme
            self.changed.emit(scheme)
