"""What the window remembers: every settings key with its type and default, declared once.

``load_state`` reads each key on its own, so a corrupt value falls back to its own
default; then it judges the inputs as a whole, as typing is judged: start, step, count and
alpha that make no sweep together all fall back to the defaults, and a pinned alpha the
sweep cannot take is left out. ``save_state`` writes every key. The window only converts
between its widgets and a ``WindowState``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from leaky_gui.calc.alpha_scale import DEFAULT_RANGE, DEFAULT_SCALE, RANGES, SCALES
from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISIONS
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    ParameterError,
    parse_count,
    parse_decimal,
    sweep_problem,
)
from leaky_gui.gui.language import FOLLOW_DESKTOP, LANGUAGES
from leaky_gui.gui.limits import MAX_GUI_COUNT, MAX_PINNED
from leaky_gui.gui.pinned import PinnedAlpha
from leaky_gui.gui.theme import FOLLOW, THEME_CHOICES
from leaky_gui.gui.widgets import locale_uses_decimal_comma


@dataclass(frozen=True)
class WindowState:
    """Everything the window remembers between runs; the defaults are a fresh start."""

    start: Decimal = DEFAULT_START
    step: Decimal = DEFAULT_STEP
    count: int = DEFAULT_COUNT
    alpha: Decimal = DEFAULT_ALPHA
    precision: str = DEFAULT_PRECISION
    single_x: str = ""
    pinned: tuple[PinnedAlpha, ...] = ()
    show_derivative: bool = False
    show_relu: bool = False
    show_identity: bool = False
    show_legend: bool = True
    #: The alpha slider's scale ('log' or 'linear') and top (one of calc.alpha_scale.RANGES).
    slider_scale: str = DEFAULT_SCALE
    slider_range: str = DEFAULT_RANGE
    csv_derivative: bool = False
    csv_pinned: bool = True
    #: ';' and ',' in CSV files and copied rows; by default where the locale writes 0,05.
    decimal_comma: bool = field(default_factory=locale_uses_decimal_comma)
    export_folder: str = ""
    #: The file of your own x values last on show ('' for the sweep).
    values_file: str = ""
    #: Where File > Open x Values last found a file; its dialog starts there.
    values_folder: str = ""
    #: View > Theme: follow the desktop, or light or dark.
    theme: str = FOLLOW
    #: Plot images in the screen's colours rather than light.
    images_as_shown: bool = False
    geometry: bytes = b""
    main_splitter: bytes = b""
    left_splitter: bytes = b""
    right_splitter: bytes = b""


# -- readers: raw stored value -> typed value; any exception means "use the default" ---------


def _decimal(raw: object) -> Decimal:
    return parse_decimal(_text(raw))


def _step(raw: object) -> Decimal:
    step = _decimal(raw)
    if step == 0:
        raise ValueError("step 0")
    return step


def _count(raw: object) -> int:
    return parse_count(raw if isinstance(raw, int) else _text(raw), maximum=MAX_GUI_COUNT)


def _precision(raw: object) -> str:
    if _text(raw) not in PRECISIONS:
        raise ValueError("not a precision")
    return _text(raw)


def _one_of(choices: tuple[str, ...]) -> Callable[[object], str]:
    """A reader taking only one of ``choices`` (a scale or range the slider knows)."""

    def read(raw: object) -> str:
        if _text(raw) not in choices:
            raise ValueError(f"not one of {choices}")
        return _text(raw)

    return read


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise TypeError("not text")
    return raw


def _folder(raw: object) -> str:
    return "" if _text(raw) in ("", ".") else _text(raw)


def _bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _text(raw).lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError("not a bool")


def _bytes(raw: object) -> bytes:
    if not isinstance(raw, QByteArray) or raw.isEmpty():
        raise TypeError("not a byte array")
    return bytes(raw.data())


def _write_plain(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def _write_bytes(value: object) -> QByteArray:
    assert isinstance(value, bytes), "geometry and splitters are kept as bytes"
    return QByteArray(value)


#: field of WindowState -> (settings key, reader, writer). Pinned alphas take two keys, below.
KEYS: dict[str, tuple[str, Callable[[object], object], Callable[[object], object]]] = {
    "start": ("inputs/start", _decimal, _write_plain),
    "step": ("inputs/step", _step, _write_plain),
    "count": ("inputs/count", _count, _write_plain),
    "alpha": ("inputs/alpha", _decimal, _write_plain),
    "precision": ("inputs/dtype", _precision, _write_plain),
    "single_x": ("inputs/singleX", _text, _write_plain),
    "show_derivative": ("view/derivative", _bool, _write_plain),
    "show_relu": ("view/relu", _bool, _write_plain),
    "show_identity": ("view/identity", _bool, _write_plain),
    "show_legend": ("view/legend", _bool, _write_plain),
    "slider_scale": ("slider/scale", _one_of(SCALES), _write_plain),
    "slider_range": ("slider/range", _one_of(RANGES), _write_plain),
    "csv_derivative": ("export/derivative", _bool, _write_plain),
    "csv_pinned": ("export/pinned", _bool, _write_plain),
    "decimal_comma": ("export/decimalComma", _bool, _write_plain),
    "export_folder": ("export/folder", _folder, _write_plain),
    "values_file": ("source/valuesFile", _text, _write_plain),
    "values_folder": ("source/folder", _folder, _write_plain),
    "theme": ("view/theme", _one_of(THEME_CHOICES), _write_plain),
    "images_as_shown": ("export/imagesAsShown", _bool, _write_plain),
    "geometry": ("window/geometry", _bytes, _write_bytes),
    "main_splitter": ("window/splitter", _bytes, _write_bytes),
    "left_splitter": ("window/leftSplitter", _bytes, _write_bytes),
    "right_splitter": ("window/rightSplitter", _bytes, _write_bytes),
}
PINNED_ALPHAS_KEY = "compare/alphas"
PINNED_VISIBLE_KEY = "compare/visible"
PINNED_SLOTS_KEY = "compare/slots"  # each alpha's colour and dash, so they survive a restart

#: The Layer view's keys, apart from WindowState: the view is built (and its inputs judged)
#: only when first opened. Its inputs as typed, by LayerInputs' field; the gradient toggle;
#: whether its dock was open.
LAYER_KEYS = {
    "mean": "layerView/mean",
    "std": "layerView/std",
    "depth": "layerView/depth",
    "init": "layerView/init",
}
LAYER_GRADIENT_KEY = "layerView/gradient"
LAYER_OPEN_KEY = "layerView/open"
#: View > Language: a code of language.LANGUAGES, or FOLLOW_DESKTOP (''). Apart from
#: WindowState too: it is read before the window is built, whose words translate as it builds.
LANGUAGE_KEY = "view/language"


def settings_flag(raw: object, default: bool) -> bool:
    """A stored flag, or ``default`` if it is not one."""
    try:
        return _bool(raw)
    except (TypeError, ValueError):
        return default


def layer_view_was_open(settings: QSettings) -> bool:
    return settings_flag(settings.value(LAYER_OPEN_KEY, False), False)


def language_choice(settings: QSettings | None) -> str:
    """View > Language as remembered: a code of LANGUAGES, or FOLLOW_DESKTOP (also for an unreadable value)."""
    raw = FOLLOW_DESKTOP if settings is None else str(settings.value(LANGUAGE_KEY, FOLLOW_DESKTOP))
    return raw if raw in LANGUAGES else FOLLOW_DESKTOP


def load_state(settings: QSettings) -> WindowState:
    """The remembered state; each missing or unreadable value gives its own default."""
    defaults = WindowState()
    values: dict[str, Any] = {}  # each of its field's type, as KEYS reads it
    for name, (key, read, _) in KEYS.items():
        values[name] = getattr(defaults, name)
        if settings.contains(key):
            with contextlib.suppress(ParameterError, TypeError, ValueError):
                values[name] = read(settings.value(key))
    start, step, count, alpha = (values[name] for name in ("start", "step", "count", "alpha"))
    if sweep_problem(start, step, count, alpha, (), values["precision"]):  # each is fine alone, not together
        for name in ("start", "step", "count", "alpha"):
            values[name] = getattr(defaults, name)
    values["pinned"] = pins_the_sweep_takes(  # judged against the inputs kept (the defaults, if reset)
        values["start"],
        values["step"],
        values["count"],
        values["alpha"],
        values["precision"],
        read_pinned(settings),
    )
    return WindowState(**values)


def pins_the_sweep_takes(
    start: Decimal, step: Decimal, count: int, alpha: Decimal, precision: str, pinned: Iterable[PinnedAlpha]
) -> tuple[PinnedAlpha, ...]:
    """The pinned alphas in order, leaving out each one the sweep cannot take with those before it."""
    kept: list[PinnedAlpha] = []
    for candidate in pinned:
        alphas = (*(k.alpha for k in kept), candidate.alpha)
        if not sweep_problem(start, step, count, alpha, alphas, precision):
            kept.append(candidate)
    return tuple(kept)


def save_state(settings: QSettings, state: WindowState) -> None:
    for name, (key, _, write) in KEYS.items():
        settings.setValue(key, write(getattr(state, name)))
    settings.setValue(PINNED_ALPHAS_KEY, [str(p.alpha) for p in state.pinned])
    settings.setValue(PINNED_VISIBLE_KEY, ["1" if p.visible else "0" for p in state.pinned])
    settings.setValue(PINNED_SLOTS_KEY, [str(p.slot) for p in state.pinned])
    settings.sync()


def _text_list(raw: object) -> list[str]:
    # QSettings' INI format gives back a one-item list as plain text.
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, list):
        return [str(item) for item in raw]
    return []


def read_pinned(settings: QSettings) -> tuple[PinnedAlpha, ...]:
    """Remembered pinned alphas with their style slots; unreadable entries and duplicates are skipped.

    An alpha's visibility and slot are those at the alpha's own stored position, so a
    skipped entry never shifts the flags of the alphas after it. A missing, unreadable or
    taken slot gives the first free one.
    """
    alphas = _text_list(settings.value(PINNED_ALPHAS_KEY))
    visible = _text_list(settings.value(PINNED_VISIBLE_KEY))
    slots = _text_list(settings.value(PINNED_SLOTS_KEY))
    entries: list[tuple[Decimal, int | None, bool]] = []
    for position, text in enumerate(alphas):
        try:
            alpha = _decimal(text)
        except (ParameterError, TypeError):
            continue
        if any(a == alpha for a, _, _ in entries) or len(entries) >= MAX_PINNED:
            continue
        shown = visible[position] != "0" if position < len(visible) else True
        entries.append((alpha, _slot(slots[position]) if position < len(slots) else None, shown))
    used: set[int] = set()
    for _, slot, _ in entries:
        if slot is not None and slot not in used:
            used.add(slot)
    pinned: list[PinnedAlpha] = []
    taken: set[int] = set()
    for alpha, slot, shown in entries:
        if slot is None or slot in taken:
            slot = next(s for s in range(MAX_PINNED) if s not in used and s not in taken)
        taken.add(slot)
        pinned.append(PinnedAlpha(alpha, slot, shown))
    return tuple(pinned)


def _slot(text: str) -> int | None:
    try:
        slot = int(text)
    except ValueError:
        return None
    return slot if 0 <= slot < MAX_PINNED else None


assert set(KEYS) | {"pinned"} == {f.name for f in fields(WindowState)}, "every field has its key"
