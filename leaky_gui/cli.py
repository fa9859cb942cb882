"""``leaky-relu``: the whole calculation and CSV export from the command line (no Qt).

    leaky-relu sweep [--start S] [--step T] [--count N] [--alpha A]... [--derivative] [-o FILE]
    leaky-relu eval X [X ...] [--alpha A]... [--derivative] [-o FILE]
    leaky-relu eval --input FILE|- [--column N|NAME] [--alpha A]... [--derivative] [-o FILE]
    leaky-relu stats [--mean M] [--std S] [--alpha A ...] [--depth L] [--init NAME] [--per-layer] [-o FILE]

Bad input exits with status 2 and one line on stderr naming the field.

This module parses the arguments and runs the process (signals, clean-up, memory);
``cli_commands.py`` holds each command's body.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import re
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

# numpy's BLAS would start a thread per core at import (70 ms here), and the command line
# does no linear algebra; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from leaky_gui.calc.atomic_file import OutputPathError, remove_temporaries
from leaky_gui.calc.layer_stats import (
    DEFAULT_DEPTH,
    DEFAULT_INIT,
    DEFAULT_MEAN,
    DEFAULT_STD,
)
from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISIONS
from leaky_gui.calc.readers import ValuesFileError
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    ParameterError,
)
from leaky_gui.cli_commands import PROG, UsageError, run_eval, run_stats, run_sweep

EXIT_USAGE = 2

# argparse takes '-2.5e2' and '-1e-3' for options (its own test only knows -2 and -.5);
# '-inf' and '-nan' are caught too, so that they get the field's own message.
_NEGATIVE_NUMBER = re.compile(r"-(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)", re.IGNORECASE)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _protect_negative_numbers(argv: Sequence[str]) -> list[str]:
    """A leading space keeps argparse from reading a negative number as an option."""
    return [" " + arg if _NEGATIVE_NUMBER.fullmatch(arg) else arg for arg in argv]


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (it costs an import)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        from leaky_gui._version import package_version

        print(f"{parser.prog} {package_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Leaky ReLU f(x) = x if x > 0 else alpha*x, exact to the last digit, as CSV.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    alpha_help = f"leak slope; repeat to add a column per alpha (default {DEFAULT_ALPHA})"
    deriv_help = "add one f'(x) column per alpha (f'(x) = 1 if x > 0 else alpha)"
    dtype_help = (
        "precision: float64 (default) is exact; float32, float16 and bfloat16 give what PyTorch "
        "computes on the CPU for a tensor of that dtype, printed as the shortest text in it"
    )
    comma_help = (
        "write ';' between columns and ',' as the decimal point, for spreadsheets in decimal-comma locales"
    )

    sweep = commands.add_parser(
        "sweep",
        help="x_i = start + i*step for i = 0..count-1, with f(x_i)",
        description="Write the sweep x_i = start + i*step (i = 0..count-1) and f(x_i) as CSV.",
    )
    sweep.add_argument(
        "--start", default=str(DEFAULT_START), metavar="S", help="first x (default %(default)s)"
    )
    sweep.add_argument(
        "--step", default=str(DEFAULT_STEP), metavar="T", help="x increment, not 0 (default %(default)s)"
    )
    sweep.add_argument(
        "--count",
        default=str(DEFAULT_COUNT),
        metavar="N",
        help="number of points, >= 1 (default %(default)s)",
    )
    sweep.add_argument("--alpha", action="append", metavar="A", help=alpha_help)
    sweep.add_argument("--derivative", action="store_true", help=deriv_help)
    sweep.add_argument("--decimal-comma", action="store_true", help=comma_help)
    sweep.add_argument("--dtype", choices=PRECISIONS, default=DEFAULT_PRECISION, help=dtype_help)
    sweep.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")

    evaluate = commands.add_parser(
        "eval",
        help="f(x) for x values as typed (-4, 1e-3, -2.5e2), or read from a file",
        description=(
            "Evaluate f at each X, or at each value of a file (--input), and write x, f(x) as CSV. "
            "Text files (CSV, TSV, one number per line) are read as decimals, exactly as typed X; "
            ".npy files (float16/32/64, integers, any shape, flattened in C order) as the values they hold."
        ),
    )
    evaluate.add_argument("x", nargs="*", metavar="X", help="x value (decimal or scientific)")
    evaluate.add_argument(
        "-i",
        "--input",
        metavar="FILE",
        help="read the x values from FILE (- for standard input): .csv, .tsv, .txt or .npy",
    )
    evaluate.add_argument(
        "--column",
        metavar="N|NAME",
        help="the column of x in a text file: its number (1 = the first) or its header's name "
        "(default: the only column, or the first that holds a number)",
    )
    evaluate.add_argument("--alpha", action="append", metavar="A", help=alpha_help)
    evaluate.add_argument("--derivative", action="store_true", help=deriv_help)
    evaluate.add_argument("--decimal-comma", action="store_true", help=comma_help)
    evaluate.add_argument("--dtype", choices=PRECISIONS, default=DEFAULT_PRECISION, help=dtype_help)
    evaluate.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")

    stats = commands.add_parser(
        "stats",
        help="what alpha does to a network: f of a Gaussian, and the signal and gradient through depth",
        description=(
            "For a pre-activation X ~ N(mean, std^2): the share on the leaky side P(X <= 0), E[f], Var[f], "
            "E[f'], E[f'^2], the Kaiming gain, the per-layer factor k = c(1 + alpha^2)/2 of the "
            "signal's second moment, and after L square layers without bias (weights of variance "
            "c/fan_in) std_ratio = sqrt(E[h_L^2])/std and grad_std_ratio = sqrt(E[(d/dh_0)^2] / "
            "E[(d/dh_L)^2]), one row per alpha, as CSV."
        ),
    )
    stats.add_argument(
        "--mean", default=str(DEFAULT_MEAN), metavar="M", help="mean of X (default %(default)s)"
    )
    stats.add_argument(
        "--std",
        default=str(DEFAULT_STD),
        metavar="S",
        help="standard deviation of X, > 0 (default %(default)s)",
    )
    stats.add_argument(
        "--alpha",
        action="extend",
        nargs="+",
        metavar="A",
        help=f"leak slope; several give a row each (default {DEFAULT_ALPHA})",
    )
    stats.add_argument(
        "--depth",
        default=str(DEFAULT_DEPTH),
        metavar="L",
        help="number of layers, 1 to 1,000,000 (default %(default)s)",
    )
    stats.add_argument(
        "--init",
        default=DEFAULT_INIT,
        metavar="NAME",
        help="the weights' initialisation: he (kaiming_normal_(a=alpha), c = 2/(1 + alpha^2)), "
        "kaiming-default (a = 0, c = 2), torch-default (nn.Linear/nn.Conv*, c = 1/3), xavier or "
        "lecun (c = 1), or gain=G (c = G^2) (default %(default)s)",
    )
    stats.add_argument(
        "--per-layer",
        action="store_true",
        help="one row per alpha and depth 0..L: alpha,depth,std_ratio,grad_std_ratio",
    )
    stats.add_argument("-o", "--output", metavar="FILE", help="write to FILE atomically instead of stdout")
    return parser


def _tune_the_process() -> None:
    """Process-wide settings for streaming large tables: only when ``leaky-relu`` is the program.

    A host that calls ``main([...])`` (a test run, a notebook) keeps its allocator and its
    garbage collector as they were: a frozen collector would keep the host's garbage forever.
    """
    _keep_freed_memory()
    gc.freeze()  # the collector's full passes need not walk every object of the imports again


def _keep_freed_memory() -> None:
    """Ask glibc to keep freed memory for reuse instead of giving it back at once.

    The text paths allocate and free arrays of a few hundred kB per block; by default
    glibc returns the top of the heap to the kernel after each, and every new array then
    takes a page fault for each 4 kB it touches: a quarter of the time of ``eval --input``
    went there, and a fifth of a 3,000,000-row ``sweep -o``. A fixed threshold keeps such
    arrays in the heap (memory stays flat: the blocks in flight are the same size). Linux
    with glibc only; elsewhere nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl or no libc to speak to
        return
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3
    mallopt(m_mmap_threshold, 32 << 20)
    mallopt(m_trim_threshold, 128 << 20)
    mallopt(m_top_pad, 16 << 20)


def _terminate(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)  # unwinds through the writer's clean-up


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``leaky-relu``; returns the exit status."""
    args_in = sys.argv[1:] if argv is None else list(argv)
    if argv is None:
        signal.signal(signal.SIGTERM, _terminate)
        atexit.register(remove_temporaries)  # whatever way the process ends
    try:
        args = build_parser().parse_args(_protect_negative_numbers(args_in))
        if argv is None:
            _tune_the_process()
        if args.command == "sweep":
            return run_sweep(args)
        if args.command == "stats":
            return run_stats(args)
        return run_eval(args)
    except (UsageError, ParameterError, OutputPathError, ValuesFileError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        remove_temporaries()
        print(f"{PROG}: interrupted (an --output file is left as it was)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); stop quietly, as `cat` does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"{PROG}: error: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
