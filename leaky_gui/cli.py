"""``leaky-relu``: the whole calculation and CSV export from the command line (no Qt).

    leaky-relu sweep [--start S] [--step T] [--count N] [--alpha A]... [--derivative] [-o FILE]
    leaky-relu eval X [X ...] [--alpha A]... [--derivative] [-o FILE]
    leaky-relu eval --input FILE|- [--column N|NAME] [--alpha A]... [--derivative] [-o FILE]
    leaky-relu stats [--mean M] [--std S] [--alpha A ...] [--depth L] [--init NAME] [--per-layer] [-o FILE]

Bad input exits with status 2 and one line on stderr naming the field.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import queue
import re
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from decimal import Decimal
from typing import BinaryIO, NoReturn, TypeVar

# numpy's BLAS would start a thread per core at import (70 ms here), and the command line
# does no linear algebra; a value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from leaky_gui.calc.alphas import unusual_alpha_note
from leaky_gui.calc.atomic_file import OutputPathError, atomic_output, check_output_path, remove_temporaries
from leaky_gui.calc.csv_export import csv_header, iter_csv_chunks, write_csv, write_csv_stream
from leaky_gui.calc.layer_stats import (
    DEFAULT_DEPTH,
    DEFAULT_INIT,
    DEFAULT_MEAN,
    DEFAULT_STD,
    LayerParams,
    stats_csv_lines,
)
from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISIONS
from leaky_gui.calc.readers import ValuesFileError, iter_values
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    ExactNumber,
    ParameterError,
    SweepParams,
    format_label,
    format_number,
    leaky_point,
    parse_decimal,
)
from leaky_gui.calc.text import csv_line
from leaky_gui.calc.text.rows import DoubleRows

T = TypeVar("T")
PROG = "leaky-relu"
EXIT_USAGE = 2

# argparse takes '-2.5e2' and '-1e-3' for options (its own test only knows -2 and -.5);
# '-inf' and '-nan' are caught too, so that they get the field's own message.
_NEGATIVE_NUMBER = re.compile(r"-(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)", re.IGNORECASE)


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit status 2."""


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


def _alphas(texts: list[str] | None) -> tuple[Decimal, ...]:
    alphas = tuple(parse_decimal(t, "alpha") for t in texts or [str(DEFAULT_ALPHA)])
    seen: set[Decimal] = set()
    for alpha in alphas:
        if alpha in seen:
            raise ParameterError("alpha", f"{format_label(alpha)} is given twice")
        seen.add(alpha)
    return alphas


def _warn_unusual(alphas: tuple[Decimal, ...]) -> None:
    for alpha in alphas:
        note = unusual_alpha_note(alpha)
        if note is not None:
            print(f"{PROG}: warning: alpha={format_label(alpha)}: {note}", file=sys.stderr)


def _run_sweep(args: argparse.Namespace) -> int:
    params = SweepParams.from_text(
        args.start, args.step, args.count, _alphas(args.alpha), precision=args.dtype
    )
    _warn_unusual(params.alphas)
    if args.output is not None:
        write_csv(args.output.strip(), params, args.derivative, decimal_comma=args.decimal_comma)
    else:
        write_csv_stream(sys.stdout.buffer, params, args.derivative, decimal_comma=args.decimal_comma)
        sys.stdout.buffer.flush()
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    if args.input is not None:
        return _run_eval_input(args)
    if args.column is not None:
        raise UsageError("--column needs --input (see 'leaky-relu eval --help')")
    if not args.x:
        raise UsageError("give X values or --input FILE (see 'leaky-relu eval --help')")
    alphas = _alphas(args.alpha)
    xs = [parse_decimal(t, "x") for t in args.x]
    rows = [csv_header(alphas, args.derivative, args.decimal_comma)]
    text = SweepParams(precision=args.dtype).text
    for x in xs:
        points = [leaky_point(x, a, args.dtype) for a in alphas]
        cells = [text(points[0][0])] + [text(fx) for _, fx, _ in points]
        if args.derivative:
            cells += [text(dfx) for _, _, dfx in points]
        rows.append(csv_line(cells, args.decimal_comma))
    _warn_unusual(alphas)  # only once the input is known to be good
    if args.output is not None:
        target = check_output_path(args.output.strip())
        with atomic_output(target) as temp_name, open(temp_name, "w", encoding="ascii", newline="") as out:
            out.write("".join(rows))
        return 0
    sys.stdout.write("".join(rows))
    sys.stdout.flush()
    return 0


def _run_stats(args: argparse.Namespace) -> int:
    params = LayerParams.from_text(args.mean, args.std, args.depth, args.init)
    alphas = _alphas(args.alpha)
    for alpha in alphas:
        params.check_alpha(alpha)
    target = check_output_path(args.output.strip()) if args.output is not None else None
    lines = stats_csv_lines(alphas, params, args.per_layer)
    _warn_unusual(alphas)
    if target is not None:
        with atomic_output(target) as temp_name, open(temp_name, "w", encoding="ascii", newline="") as out:
            out.writelines(lines)
        return 0
    sys.stdout.writelines(lines)
    sys.stdout.flush()
    return 0


def _run_eval_input(args: argparse.Namespace) -> int:
    """x from a file, a block at a time, with flat memory; a bad file writes nothing.

    The rows go to a temporary file (beside ``-o``'s target, renamed into place when
    complete; for standard output an anonymous one, copied out when complete), so an
    error in the last line still leaves no output. In float64, blocks of one plain decimal
    a line are made into rows on worker threads (``DoubleRows``); any other block is read and
    parsed on a second thread while this one writes.
    """
    if args.x:
        raise UsageError("give either X values or --input, not both")
    alphas = _alphas(args.alpha)
    target = check_output_path(args.output.strip()) if args.output is not None else None
    decimal_comma = True if args.decimal_comma else None  # else: ';'-separated files have them
    header = csv_header(alphas, args.derivative, args.decimal_comma).encode("ascii")

    exact = tuple(ExactNumber.of(a) for a in alphas)
    rows_of = None
    if args.dtype == DEFAULT_PRECISION:
        derivative_texts = tuple(format_number(float(a)) for a in alphas) if args.derivative else ()
        rows_of = DoubleRows(exact, derivative_texts, args.decimal_comma)

    def write_all(out: BinaryIO, early: bool = False) -> None:
        out.write(header)
        written = _EarlyWriteback(out) if early else None
        with _prefetched(
            iter_values(args.input, args.column, decimal_comma, rows_of=rows_of, alphas=alphas)
        ) as parts:
            for part in parts:
                if isinstance(part, (bytes, bytearray)):  # rows made already
                    out.write(part)
                else:
                    source = part.with_alphas(alphas).with_precision(args.dtype)
                    chunks = iter_csv_chunks(source, args.derivative, decimal_comma=args.decimal_comma)
                    next(chunks)  # the header, written once above
                    for data, _ in chunks:
                        out.write(data)
                if written is not None:
                    written.grown()

    if target is not None:
        with atomic_output(target) as temp_name, open(temp_name, "wb") as out:
            write_all(out, early=True)
            out.flush()
            os.fsync(out.fileno())
        _warn_unusual(alphas)
        return 0
    with tempfile.TemporaryFile() as spool:
        write_all(spool)
        _warn_unusual(alphas)
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout.buffer, 1 << 20)
    sys.stdout.buffer.flush()
    return 0


class _EarlyWriteback:
    """Starts the disk writes of an output file as it grows, so that the closing fsync
    waits for the last few megabytes only (Linux; elsewhere it does nothing)."""

    STEP = 16 << 20

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.started = 0
        self.usable = hasattr(os, "posix_fadvise")

    def grown(self) -> None:
        """After a write: start the writes of what has grown by STEP since the last start."""
        if not self.usable:
            return
        end = self.out.tell()  # whatever wrote it: the header, fast rows or the general writer
        if end - self.started < self.STEP:
            return
        self.out.flush()
        # On Linux DONTNEED starts writing the range back without waiting for it (and then
        # drops the pages already on disk: nobody reads them here). Only a hint: a file
        # system that refuses it changes nothing.
        try:
            os.posix_fadvise(self.out.fileno(), self.started, end - self.started, os.POSIX_FADV_DONTNEED)
        except OSError:
            self.usable = False
        self.started = end


@contextmanager
def _prefetched(parts: Iterator[T]) -> Iterator[Iterator[T]]:
    """The items of ``parts``, each made on a worker thread while the caller uses the one before.

    numpy lets go of the GIL in its loops, so parsing the next block overlaps writing this
    one on a second core. An exception in the worker comes out of the caller's loop; a
    caller that stops early stops the worker.
    """
    handoff: queue.Queue[tuple[bool, object]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def work() -> None:
        try:
            for item in parts:
                while not stop.is_set():
                    try:
                        handoff.put((True, item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            handoff.put((False, None))
        except BaseException as exc:  # handed to the caller, raised there
            handoff.put((False, exc))

    def items() -> Iterator[T]:
        while True:
            more, item = handoff.get()
            if not more:
                if item is not None:
                    raise item  # type: ignore[misc]
                return
            yield item  # type: ignore[misc]

    worker = threading.Thread(target=work, name="leaky-relu-reader", daemon=True)
    worker.start()
    try:
        yield items()
    finally:
        stop.set()
        with suppress(queue.Empty):
            while True:
                handoff.get_nowait()
        worker.join(timeout=1.0)  # a worker blocked on standard input is a daemon: it ends with us


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
            return _run_sweep(args)
        if args.command == "stats":
            return _run_stats(args)
        return _run_eval(args)
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
