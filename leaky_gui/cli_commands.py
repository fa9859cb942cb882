"""The bodies of ``leaky-relu``'s commands (no Qt): ``sweep``, ``eval`` (X values or
``--input``, streamed with flat memory) and ``stats``.

``cli.py`` parses the arguments and calls ``run_sweep``, ``run_eval`` or ``run_stats`` with
them; each writes its CSV to standard output or atomically to ``-o``, and raises
``UsageError``, ``ParameterError``, ``OutputPathError`` or ``ValuesFileError`` on bad input.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from decimal import Decimal
from typing import BinaryIO, TypeVar

from leaky_gui.calc.alphas import unusual_alpha_note
from leaky_gui.calc.atomic_file import atomic_output, check_output_path
from leaky_gui.calc.csv_export import csv_header, iter_csv_chunks, write_csv, write_csv_stream
from leaky_gui.calc.layer_stats import LayerParams, stats_csv_lines
from leaky_gui.calc.precision import DEFAULT_PRECISION
from leaky_gui.calc.readers import iter_values
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    ExactNumber,
    ParameterError,
    SweepParams,
    format_label,
    format_number,
    leaky_point,
    parse_decimal,
)
from leaky_gui.calc.text import csv_line
from leaky_gui.calc.text.framework_digits import format_in
from leaky_gui.calc.text.rows import DoubleRows

__all__ = ["PROG", "UsageError", "run_eval", "run_stats", "run_sweep"]

T = TypeVar("T")
PROG = "leaky-relu"


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit status 2."""


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


def run_sweep(args: argparse.Namespace) -> int:
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


def run_eval(args: argparse.Namespace) -> int:
    if args.input is not None:
        return _run_eval_input(args)
    if args.column is not None:
        raise UsageError("--column needs --input (see 'leaky-relu eval --help')")
    if not args.x:
        raise UsageError("give X values or --input FILE (see 'leaky-relu eval --help')")
    alphas = _alphas(args.alpha)
    xs = [parse_decimal(t, "x") for t in args.x]
    rows = [csv_header(alphas, args.derivative, args.decimal_comma)]

    def text(value: float) -> str:
        return format_in(value, args.dtype)

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


def run_stats(args: argparse.Namespace) -> int:
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
