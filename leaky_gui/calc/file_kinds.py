"""Opening a file of x values: what kind it is, from its first bytes (no Qt).

Compressed text (``.gz``, ``.bz2``, ``.xz``) is decompressed as it is read; UTF-16 (by its
byte-order mark, or ASCII with every other byte NUL) is decoded to UTF-8 a block at a time;
archives, pickles and other binary files are refused with what to do instead. The readers
(``readers.py``) then see UTF-8 bytes, whatever the file was, a block at a time
(``next_block``).
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from typing import Any, BinaryIO, cast

from leaky_gui.calc.text_reader import not_text
from leaky_gui.calc.value_data import ValuesFileError

__all__ = ["CONTROL", "HEAD_BYTES", "NPY_MAGIC", "SAVE_HINT", "as_text", "next_block", "refuse_binary"]

NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGIC = b"PK\x03\x04"
HEAD_BYTES = 1 << 16  # what decides the kind of a file: compression, encoding, binary bytes
#: Compressed text, known by its first bytes: (magic, what to call it, the opener). The
#: decompressing stream lives as long as the read; closing the file under it ends it.
_COMPRESSED = (
    (b"\x1f\x8b", ".gz", lambda f: gzip.GzipFile(fileobj=f, mode="rb")),
    (b"BZh", ".bz2", lambda f: bz2.BZ2File(f, mode="rb")),
    (b"\xfd7zXZ\x00", ".xz", lambda f: lzma.LZMAFile(f, mode="rb")),  # noqa: SIM115
)
_DECOMPRESS_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error, ValueError)
#: Bytes no text file holds (tab, line ends, form feed and vertical tab are text).
CONTROL = bytes([*range(0, 9), *range(14, 26), *range(27, 32), 127])  # not ^Z, an old end of file
SAVE_HINT = "save the tensor with np.save(path, tensor.numpy()) and open the .npy"


def as_text(
    stream: BinaryIO, head: bytes, name: str, *, pushed_back: bool
) -> tuple[BinaryIO, Callable[[], int] | None]:
    """``stream`` (whose first bytes ``head`` are read already) as UTF-8 text, and where the
    read stands in the file when that is not the text's count of bytes (compressed files).

    ``pushed_back``: the stream cannot seek, so ``head`` is put back in front of it.
    """
    where = None
    for magic, kind, opener in _COMPRESSED:
        if head.startswith(magic):
            if not pushed_back:
                stream.seek(0)
                raw: BinaryIO = stream
            else:
                raw = cast(BinaryIO, _Text(stream, head, name))
            where = raw.tell if not pushed_back else None
            try:
                decompressed = opener(raw)
                inner = decompressed.read(HEAD_BYTES)
            except _DECOMPRESS_ERRORS as exc:
                raise ValuesFileError(f"{name}: not a readable {kind} file ({exc})") from None
            refuse_binary(inner, name)
            return cast(
                BinaryIO, _Text(decompressed, inner, name, kind=kind, encoding=_encoding(inner))
            ), where
    encoding = _encoding(head)
    if encoding is None and not pushed_back:
        stream.seek(0)
        return stream, None
    return cast(BinaryIO, _Text(stream, head, name, encoding=encoding)), None


def _encoding(head: bytes) -> str | None:
    """UTF-16 (by its byte-order mark, or ASCII text with every other byte NUL), else None: UTF-8."""
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = head[:64]
    if len(sample) >= 4 and len(sample) % 2 == 0:  # no mark: NUL bytes in every other place
        if not sample[1::2].strip(b"\x00") and b"\x00" not in sample[0::2]:
            return "utf-16-le"
        if not sample[0::2].strip(b"\x00") and b"\x00" not in sample[1::2]:
            return "utf-16-be"
    return None


class _Text(io.RawIOBase):
    """The bytes of ``source`` after ``head`` (read from it already), as UTF-8.

    With ``encoding``, UTF-16 is decoded a block at a time (its byte-order mark dropped);
    with ``kind`` (a compressed file), a broken or truncated stream is said as the file's problem.
    """

    def __init__(
        self,
        source: BinaryIO | io.BufferedIOBase,
        head: bytes,
        name: str,
        *,
        kind: str = "",
        encoding: str | None = None,
    ) -> None:
        super().__init__()
        self._source = source
        self._name = name
        self._kind = kind
        self._decoder = codecs.getincrementaldecoder(encoding)("replace") if encoding else None
        self._pending = memoryview(b"")
        self._at = 0
        self._done = False
        self._put(head, skip_mark=True)

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._at

    def _put(self, data: bytes, *, skip_mark: bool = False, final: bool = False) -> None:
        if self._decoder is not None:
            text = self._decoder.decode(data, final)
            if skip_mark and text.startswith("\ufeff"):
                text = text[1:]
            data = text.encode("utf-8")
        self._pending = memoryview(data)

    def readinto(self, buffer: Any) -> int:
        out = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(out):
            if not self._pending:
                if self._done:
                    break
                try:
                    chunk = self._source.read(max(len(out) - filled, 1 << 16))
                except _DECOMPRESS_ERRORS as exc:
                    if not self._kind:
                        raise
                    raise ValuesFileError(f"{self._name}: not a readable {self._kind} file ({exc})") from None
                self._done = not chunk
                self._put(chunk, final=self._done)
                continue
            n = min(len(out) - filled, len(self._pending))
            out[filled : filled + n] = self._pending[:n]
            self._pending = self._pending[n:]
            filled += n
        self._at += filled
        return filled


def refuse_binary(head: bytes, name: str, suffix: str = "") -> None:
    """Say what to do with archives, pickles and other binary files, from their first bytes."""
    if suffix == ".npz" or (head.startswith(_ZIP_MAGIC) and suffix not in {".pt", ".pth"}):
        raise ValuesFileError(
            f"{name}: an .npz archive is not read (it would load into memory and may hold pickles); "
            "save one array with np.save(path, array) and open the .npy"
        )
    if suffix in {".pt", ".pth", ".pkl", ".pickle"} or head.startswith(_ZIP_MAGIC) or head[:1] == b"\x80":
        raise ValuesFileError(
            f"{name}: PyTorch and pickle files are never loaded (they can run code); {SAVE_HINT}"
        )
    if any(head.startswith(magic) for magic, _, _ in _COMPRESSED) or _encoding(head):
        return
    if head.translate(None, CONTROL) != head:
        raise not_text(name)


def next_block(stream: BinaryIO, tail: bytes, size: int) -> tuple[bytearray, int]:
    """``tail`` and up to ``size`` more bytes of ``stream`` (fewer only at its end) in one new
    buffer, read into it (the block is never copied); and how many bytes were read."""
    data = bytearray(len(tail) + size)
    data[: len(tail)] = tail
    got = 0
    readinto = getattr(stream, "readinto", None)
    if readinto is None:  # a stream of the caller's (every one the readers make has readinto)
        more = stream.read(size)
        got = len(more)
        data[len(tail) : len(tail) + got] = more
    else:
        with memoryview(data) as view:
            while got < size:
                n = readinto(view[len(tail) + got :])
                if not n:
                    break
                got += n
    del data[len(tail) + got :]
    return data, got
