"""Files as other tools write them: UTF-16 and UTF-8 with a byte-order mark, compressed
text, and binary files or endless lines refused at once with one message naming the file."""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from leaky_gui.calc.readers import ValuesFileError, read_text, read_values

MAX_LINE_BYTES = 1 << 20  # the bound the readers promise

LEAKY_RELU = str(Path(sys.executable).with_name("leaky-relu"))

#: Full-precision doubles as numpy, pandas, polars and PyTorch write them.
XS = [float(v) for v in np.random.default_rng(22).standard_normal(2000) * 3]
CSV = "x,y\n" + "".join(f"{v!r},{-v!r}\n" for v in XS)


def xs(values) -> list[float]:
    return [values.x(i) for i in range(values.count)]


def test_excel_unicode_text_is_utf16_with_a_mark_and_tabs(tmp_path):
    """Excel's "Unicode Text": UTF-16 little-endian with a byte-order mark, tabs, CRLF."""
    text = CSV.replace(",", "\t").replace("\n", "\r\n")
    path = tmp_path / "book.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert xs(read_values(path, "x")) == XS
    assert xs(read_values(path, "y")) == [-v for v in XS]


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le"])
def test_utf16_either_way_and_without_a_mark_when_it_is_plainly_utf16(tmp_path, encoding):
    marked = tmp_path / "marked.csv"
    marked.write_bytes(("\ufeff" + CSV).encode(encoding))
    assert xs(read_values(marked, "x")) == XS
    bare = tmp_path / "bare.csv"
    bare.write_bytes(CSV.encode(encoding))
    assert xs(read_values(bare, "y")) == [-v for v in XS]


def test_utf8_with_a_mark_through_the_command_line(tmp_path):
    path = tmp_path / "marked.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"x\n-1.5\n2\n")
    done = subprocess.run(
        [LEAKY_RELU, "eval", "--input", str(path), "--column", "x"], capture_output=True, text=True
    )
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "x,f(alpha=0.01)\n-1.5,-0.015\n2.0,2.0\n")


COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_text_reads_as_the_text(tmp_path, suffix):
    path = tmp_path / f"x.csv{suffix}"
    path.write_bytes(COMPRESSORS[suffix](CSV.encode()))
    assert xs(read_values(path, "x")) == XS
    seen = []
    read_values(path, "y", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] <= seen[-1][1] == path.stat().st_size  # progress in the file's own bytes


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_text_through_the_command_line_and_standard_input(tmp_path, suffix):
    plain = tmp_path / "x.csv"
    plain.write_text(CSV)
    packed = tmp_path / f"x.csv{suffix}"
    packed.write_bytes(COMPRESSORS[suffix](CSV.encode()))
    want = subprocess.run([LEAKY_RELU, "eval", "--input", str(plain), "--column", "x"], capture_output=True)
    assert want.returncode == 0
    got = subprocess.run([LEAKY_RELU, "eval", "--input", str(packed), "--column", "x"], capture_output=True)
    assert (got.returncode, got.stdout) == (0, want.stdout)
    piped = subprocess.run(
        [LEAKY_RELU, "eval", "--input", "-", "--column", "x"], input=packed.read_bytes(), capture_output=True
    )
    assert (piped.returncode, piped.stdout) == (0, want.stdout)


def test_a_gzip_file_of_utf16_text(tmp_path):
    path = tmp_path / "x.txt.gz"
    path.write_bytes(gzip.compress(("\ufeff" + CSV.replace(",", "\t")).encode("utf-16-le")))
    assert xs(read_values(path, "x")) == XS


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_a_broken_compressed_file_is_one_message(tmp_path, suffix):
    path = tmp_path / f"x.csv{suffix}"
    path.write_bytes(COMPRESSORS[suffix](CSV.encode())[:200])
    with pytest.raises(ValuesFileError, match=rf"^x\.csv\{suffix}: not a readable \{suffix} file"):
        read_values(path)


@pytest.mark.parametrize(
    "content",
    [
        b"\x00" * 3_000_000,  # a file of NUL bytes was "only a header"
        b"x\n1.5\n" + b"2.5\n" * 100_000 + b"3\x005\n",  # a NUL far into the file
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        b"x\n\x01\x02\x03\n",
    ],
    ids=["nul bytes", "nul late", "program", "control bytes"],
)
def test_binary_files_are_not_text(tmp_path, content):
    path = tmp_path / "data.csv"
    path.write_bytes(content)
    with pytest.raises(ValuesFileError, match=r"^data\.csv: not a text file"):
        read_values(path)
    with pytest.raises(ValuesFileError, match=r"^pasted: not a text file"):
        read_text(io.BytesIO(content), "pasted")


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_line_beyond_the_bound_ends_the_read(tmp_path, where):
    long = b"1" * (MAX_LINE_BYTES + 10)
    lines = {"first": [long, b"1"], "middle": [b"x"] + [b"1.5"] * 2000 + [long, b"2"], "last": [b"1", long]}[
        where
    ]
    path = tmp_path / "long.csv"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(ValuesFileError, match=r"^long\.csv: a line longer than 1 MB"):
        read_values(path)


def test_a_line_just_within_the_bound_is_read_as_a_line(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_bytes(b"x\n" + b"0" * (MAX_LINE_BYTES - 10) + b"1\n2\n")
    assert xs(read_values(path)) == [1.0, 2.0]


def test_dev_zero_stops_at_once_with_flat_memory():
    start = time.perf_counter()
    done = subprocess.run(
        [LEAKY_RELU, "eval", "--input", "/dev/zero", "-o", "/dev/null"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    took = time.perf_counter() - start
    assert done.returncode == 2
    assert done.stderr == (
        "leaky-relu: error: zero: not a text file (it holds NUL or other binary bytes); "
        "open a CSV, TSV or text file of numbers (UTF-8 or UTF-16), or a .npy\n"
    )
    assert took < 30  # it stops: it does not read on for ever
    child_peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert child_peak_kb < 400_000


def test_an_endless_line_on_standard_input_stops_with_flat_memory():
    process = subprocess.Popen(
        [LEAKY_RELU, "eval", "--input", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        try:
            for _ in range(200):  # 200 MB of one line, far more than is ever held
                process.stdin.write(b"7" * (1 << 20))
        except BrokenPipeError:
            pass
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 2
    assert (
        err.decode()
        == "leaky-relu: error: standard input: a line longer than 1 MB; not a file of numbers as text\n"
    )


def test_next_block_puts_the_tail_first_and_fills_the_block_until_the_end():
    import io

    from leaky_gui.calc.file_kinds import next_block

    class Trickle(io.RawIOBase):  # at most 3 bytes a call, as a pipe may give them
        def __init__(self, data: bytes) -> None:
            self.data = data

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            n = min(3, len(buffer), len(self.data))
            buffer[:n], self.data = self.data[:n], self.data[n:]
            return n

    class ReadOnly:  # a caller's stream with read alone
        def __init__(self, data: bytes) -> None:
            self.stream = io.BytesIO(data)

        def read(self, size: int) -> bytes:
            return self.stream.read(size)

    for stream in (Trickle(b"1\n22\n333\n"), io.BytesIO(b"1\n22\n333\n"), ReadOnly(b"1\n22\n333\n")):
        data, got = next_block(stream, b"9", 4)
        assert (bytes(data), got) == (b"91\n22", 4) and isinstance(data, bytearray)
        data, got = next_block(stream, b"", 100)
        assert (bytes(data), got) == (b"\n333\n", 5)
        assert next_block(stream, b"tail", 100) == (bytearray(b"tail"), 0)
