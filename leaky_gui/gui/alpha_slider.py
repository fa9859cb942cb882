"""The alpha slider: exact positions from leaky_gui.calc.alpha_scale, Play, scale and range.

One signal out, ``positionChosen(alpha)``: the user (or Play) moved the slider to an exact
decimal; the window sets the Alpha box with it as if typed, and the one judge decides. In,
``follow(alpha)`` shows the alpha on show at its nearest position without a signal, so a
typed alpha is never rewritten by the slider. The panel never reaches another panel.
"""

from __future__ import annotations

import bisect
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from leaky_gui.calc.alpha_scale import (
    DEFAULT_RANGE,
    DEFAULT_SCALE,
    RANGES,
    SCALES,
    AlphaScale,
    alpha_scale,
    play_plan,
)
from leaky_gui.calc.sweep import DEFAULT_ALPHA, decimal_label
from leaky_gui.gui.language import translate


def _scale_texts() -> dict[str, str]:
    return {"log": translate("AlphaSlider", "&Logarithmic"), "linear": translate("AlphaSlider", "Li&near")}


def _range_texts() -> dict[str, str]:
    return {
        "0.3": translate("AlphaSlider", "Up to 0.&3"),
        "1": translate("AlphaSlider", "Up to &1"),
        "10": translate("AlphaSlider", "Up to 1&0"),
    }


assert set(_scale_texts()) == set(SCALES) and set(_range_texts()) == set(RANGES)


def range_label(table: AlphaScale) -> str:
    """'0.0001 … 1 (logarithmic)', in the window's language (calc's label() is the CLI's)."""
    scale = {"log": translate("AlphaSlider", "logarithmic"), "linear": translate("AlphaSlider", "linear")}
    return f"{table.positions[0]} … {table.positions[-1]} ({scale[table.scale]})"


class AlphaSlider(QWidget):
    """A slider over exact alphas with its ends, a Play button and a scale/range menu."""

    #: The slider (or Play) went to this exact alpha.
    positionChosen = Signal(object)
    #: Play started (True) or stopped (False).
    playingChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alphaSliderPanel")
        self._table: AlphaScale = alpha_scale(DEFAULT_SCALE, DEFAULT_RANGE)
        self._alpha = DEFAULT_ALPHA  # the alpha on show, which the slider follows
        self._direction = 1
        self._stride = 1

        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("alphaSlider")
        self.slider.setAccessibleName(translate("AlphaSlider", "Alpha slider"))
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.slider.actionTriggered.connect(self._on_user_action)  # keys, wheel, drag, page clicks
        self.slider.sliderPressed.connect(self.stop)  # a hand on the handle takes over from Play
        self.slider.installEventFilter(self)  # focus in: say the alpha to screen readers
        self.slider.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.slider.customContextMenuRequested.connect(self._show_menu)
        self.label = QLabel(translate("AlphaSlider", "Alpha sli&der:"))
        self.label.setBuddy(self.slider)
        self.low = QLabel()
        self.low.setObjectName("alphaSliderLow")
        self.high = QLabel()
        self.high.setObjectName("alphaSliderHigh")
        self.play_button = QToolButton()
        self.play_button.setObjectName("alphaPlay")
        self.play_button.setAccessibleName(translate("AlphaSlider", "Play the alpha slider"))

        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)

        #: Scale and range choices (radio items), shown in the Alpha menu and on right-click.
        self.menu = QMenu(translate("AlphaSlider", "Slider &Scale and Range"), self)
        self.menu.setObjectName("alphaSliderMenu")
        self.scale_actions = self._choices(
            translate("AlphaSlider", "Scale"),
            [(_scale_texts()[s], s, f"alphaSliderScale_{s}") for s in SCALES],
            self._on_scale_chosen,
        )
        self.range_actions = self._choices(
            translate("AlphaSlider", "Range"),
            [(_range_texts()[t], t, f"alphaSliderRange_{t}") for t in RANGES],
            self._on_range_chosen,
        )

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in (
            (self.label, 0), (self.low, 0), (self.slider, 1), (self.high, 0), (self.play_button, 0),
        ):  # fmt: skip
            row.addWidget(widget, stretch)
        self.set_scale(DEFAULT_SCALE, DEFAULT_RANGE)

    def _choices(self, title: str, items: list[tuple[str, str, str]], chosen) -> dict[str, QAction]:
        self.menu.addSection(title)
        group = QActionGroup(self)
        actions: dict[str, QAction] = {}
        for text, key, name in items:
            action = QAction(text, self)
            action.setObjectName(name)
            action.setCheckable(True)
            action.setActionGroup(group)
            action.triggered.connect(lambda _on=False, k=key: chosen(k))
            self.menu.addAction(action)
            actions[key] = action
        return actions

    # -- what it shows ------------------------------------------------------------

    @property
    def table(self) -> AlphaScale:
        """The positions on show."""
        return self._table

    def scale(self) -> str:
        return self._table.scale

    def top(self) -> str:
        return self._table.top

    def set_scale(self, scale: str, top: str) -> None:
        """Show the ``scale`` slider reaching up to ``top`` (a ValueError if either is unknown)."""
        self._table = alpha_scale(scale, top)
        for actions, key in ((self.scale_actions, scale), (self.range_actions, top)):
            actions[key].setChecked(True)
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self._table) - 1)
        self.slider.setPageStep(10)
        self.slider.blockSignals(False)
        self.low.setText(decimal_label(self._table.positions[0]))
        self.high.setText(decimal_label(self._table.positions[-1]))
        self.slider.setToolTip(
            translate(
                "AlphaSlider",
                "Slide alpha over {range}: every position an exact decimal of at most "
                "3 digits, set in the Alpha box as if typed.\nArrows, Page Up/Down, Home and End move it; "
                "right-click (or the Alpha menu) for the scale and range.",
            ).format(range=range_label(self._table))
        )
        interval, self._stride = play_plan(len(self._table))
        self.timer.setInterval(interval)
        self.follow(self._alpha)

    def follow(self, alpha: Decimal) -> None:
        """Sit at the position nearest ``alpha`` (the alpha on show), without choosing it."""
        self._alpha = alpha
        self.slider.blockSignals(True)
        self.slider.setValue(self._table.nearest(alpha))
        self.slider.blockSignals(False)
        if self.slider.hasFocus():  # 6 ms a call: only for whoever is at the slider
            self._describe()

    def _describe(self) -> None:
        """Screen readers read a slider's value as its index: say the alpha too."""
        self.slider.setAccessibleDescription(
            f"alpha = {decimal_label(self._alpha)}, {range_label(self._table)}"
        )

    # -- Play -----------------------------------------------------------------------

    def playing(self) -> bool:
        return self.timer.isActive()

    def set_playing(self, on: bool) -> None:
        """Start or stop Play: the slider goes back and forth, one pass in about 5 s."""
        if on == self.playing():
            return
        app = QApplication.instance()
        assert app is not None, "the slider plays inside the application"
        if on:
            if self.slider.value() == self.slider.maximum():
                self._direction = -1
            elif self.slider.value() == self.slider.minimum():
                self._direction = 1
            app.installEventFilter(self)  # Escape anywhere in the window stops it
            self.timer.start()
        else:
            self.timer.stop()
            app.removeEventFilter(self)
        self.playingChanged.emit(on)

    def stop(self) -> None:
        self.set_playing(False)

    def _tick(self) -> None:
        at = self.slider.value() + self._direction * self._stride
        if not self.slider.minimum() <= at <= self.slider.maximum():
            self._direction = -self._direction
            at = min(max(at, self.slider.minimum()), self.slider.maximum())
        self.slider.setValue(at)  # chooses the position, as a drag would
        if at in (self.slider.minimum(), self.slider.maximum()):
            self._direction = 1 if at == self.slider.minimum() else -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.slider and event.type() == QEvent.Type.FocusIn:
            self._describe()
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and isinstance(watched, QWidget)
            and watched.window() is self.window()
        ):
            self.stop()
            return True
        return False

    # -- choices ----------------------------------------------------------------------

    def _on_slider_moved(self, index: int) -> None:
        self.positionChosen.emit(self._table.value(index))

    def _on_user_action(self, action: int) -> None:
        """A key, the wheel or the mouse moved the slider (Play never does): it stops Play.

        From an alpha that is no position (typed 0.0123, or beyond the range) a step goes to
        the next position on that side, not one past the nearest; and a key that leaves the
        slider where it sits (End at alpha 5) still chooses that position.
        """
        self.stop()
        Action = QAbstractSlider.SliderAction
        steps = {
            Action.SliderSingleStepAdd: self.slider.singleStep(),
            Action.SliderSingleStepSub: -self.slider.singleStep(),
            Action.SliderPageStepAdd: self.slider.pageStep(),
            Action.SliderPageStepSub: -self.slider.pageStep(),
        }
        positions = self._table.positions
        step = steps.get(QAbstractSlider.SliderAction(action))  # the signal carries a plain int
        if step is not None and self._alpha not in positions:
            below = bisect.bisect_left(positions, self._alpha) - 1  # the last position under alpha
            target = below + step if step > 0 else below + 1 + step
            self.slider.setSliderPosition(min(max(target, 0), len(positions) - 1))
        at = self.slider.sliderPosition()
        if at == self.slider.value() and self._table.value(at) != self._alpha:
            self.positionChosen.emit(self._table.value(at))  # no valueChanged will come

    def _on_scale_chosen(self, scale: str) -> None:
        self.set_scale(scale, self.top())

    def _on_range_chosen(self, top: str) -> None:
        self.set_scale(self.scale(), top)

    def _show_menu(self, at: QPoint) -> None:
        self.menu.popup(self.slider.mapToGlobal(at))
