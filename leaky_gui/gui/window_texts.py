"""The main window's own words (titles, prompts, messages, About), in the window's language.

Kept apart from window.py so the window stays a composer. What the calculation words (a
refusal's ``problem``, a file's name) is put into them as it is: English, as the command
line prints it, with its numbers.
"""

from __future__ import annotations

from leaky_gui.calc.source import Wording, XSource
from leaky_gui.gui.info_panel import zero_crossing_label
from leaky_gui.gui.language import alpha_name, precision_label, translate


def readout_prompt() -> str:
    return translate("MainWindow", "Move the mouse over the plot to read x and f(x) of every visible curve.")


def readout_tip() -> str:
    return translate(
        "MainWindow", "Values at the crosshair: x rounded to the view's resolution, f(x) exact there"
    )


def window_title(values_name: str | None = None) -> str:
    """'Leaky ReLU calculator', or '<values> - Leaky ReLU calculator' (an en dash) with your values on show."""
    title = translate("MainWindow", "Leaky ReLU calculator")
    return title if values_name is None else f"{values_name} \N{EN DASH} {title}"


def info_title(values_on_show: bool) -> str:
    return translate("MainWindow", "Values info") if values_on_show else translate("MainWindow", "Sweep info")


def showing_values(name: str) -> str:
    return translate(
        "MainWindow",
        "Showing {name}. Typing in start, step or count, or View > Back to Sweep, returns to the sweep.",
    ).format(name=name)


def values_not_read_again(reason: str) -> str:
    return translate(
        "MainWindow", "Your x values last time could not be read again ({reason}); showing the sweep."
    ).format(reason=reason)


def cannot_pin(alpha: str, problem: str) -> str:
    return translate("MainWindow", "Cannot pin alpha = {alpha}: {problem}.").format(
        alpha=alpha, problem=problem
    )


def no_negative_branch() -> str:
    return translate(
        "MainWindow",
        "Fit Negative Branch: the sweep has no x <= 0, so there is no negative branch to show; "
        "the view is left as it was",
    )


def cannot_reset(problem: str) -> str:
    return translate("MainWindow", "Cannot reset to the defaults: {problem}").format(problem=problem)


def cannot_show_values(name: str, problem: str) -> tuple[str, str, str]:
    """The status line, the dialog's title and its text when your values cannot be shown."""
    return (
        translate("MainWindow", "Cannot show {name}: {problem}; the data on show stay.").format(
            name=name, problem=problem
        ),
        translate("MainWindow", "Cannot Show x Values"),
        translate("MainWindow", "{name}: {problem}.\n\nThe data on show stay as they were.").format(
            name=name, problem=problem
        ),
    )


def about(version: str) -> tuple[str, str]:
    """Help > About's title and text."""
    text = translate(
        "MainWindow",
        "<h3>Leaky ReLU calculator {version}</h3>"
        "<p>f(x) = x if x &gt; 0, else alpha&middot;x.<br>"
        "f'(x) = 1 if x &gt; 0, else alpha &mdash; so f'(0) = alpha, as in PyTorch and "
        "TensorFlow; x = 0 belongs to the alpha branch.</p>"
        "<p>Every value is the double nearest the exact decimal result of the inputs as "
        "typed, shown in its shortest form.</p>"
        "<p>Offline; no data leaves this computer.</p>",
    )
    return translate("MainWindow", "About Leaky ReLU Calculator"), text.format(version=version)


def status_line(source: XSource) -> str:
    """The status bar's line: precision, what the x are (the source's own description, in
    the window's words), alpha."""
    words = Wording(
        points=translate("MainWindow", "{count} points, x from {low} to {high}, zero crossing: {crossing}"),
        decimal_values=translate("MainWindow", "{name}: {count} decimal values"),
        decimal_value=translate("MainWindow", "{name}: {count} decimal value"),
        typed_values=translate("MainWindow", "{name}: {count} {kind} values"),
        typed_value=translate("MainWindow", "{name}: {count} {kind} value"),
        shape=translate("MainWindow", " (shape {shape}, flattened in C order)"),
        special=translate("MainWindow", "; {nan} NaN, {inf} infinite"),
    )
    if source.evenly_spaced and source.count:  # the crossing in the window's words too
        what = words.points.format(
            count=f"{source.count:,}",
            low=source.text(source.x(0)),
            high=source.text(source.x(source.count - 1)),
            crossing=zero_crossing_label(source.zero_crossing_index()),
        )
    else:
        what = source.description(words)
    return f"{precision_label(source.precision)}: {what}; {alpha_name(source.alpha)}"
