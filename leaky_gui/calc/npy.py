"""Reading a ``.npy`` of x values (no Qt): mapped read-only, never copied whole.

float16, float32, float64 or any integer type, any shape (flattened in C order). The header
is checked before numpy maps the file: object arrays, structured arrays and other dtypes are
refused with what to do instead.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

import numpy as np

from leaky_gui.calc.file_kinds import SAVE_HINT
from leaky_gui.calc.text_reader import checked
from leaky_gui.calc.value_data import Progress, ShouldStop, StoredArray, ValuesFileError, find_extent
from leaky_gui.calc.values import Values

__all__ = ["npy_from_bytes", "read_npy"]


def read_npy(
    path: str | os.PathLike[str], progress: Progress | None = None, should_stop: ShouldStop | None = None
) -> Values:
    """A ``.npy`` mapped read-only; its header is checked before numpy maps it."""
    target = Path(path)
    name = target.name
    with open(target, "rb") as stream:
        dtype, shape, offset = _npy_header(stream, name)
    expected = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    size = target.stat().st_size
    if size < expected:
        raise ValuesFileError(
            f"{name}: truncated: the header promises {expected - offset:,} bytes of data, the file holds {max(size - offset, 0):,}"
        )
    try:
        array = np.load(target, mmap_mode="r", allow_pickle=False)
    except (ValueError, OSError) as exc:
        raise ValuesFileError(f"{name}: not a readable .npy: {exc}") from None
    return _values_of_array(array, name, progress, should_stop)


def npy_from_bytes(data: bytes, name: str) -> Values:
    stream = io.BytesIO(data)
    dtype, shape, offset = _npy_header(stream, name)
    expected = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if len(data) < expected:
        raise ValuesFileError(
            f"{name}: truncated .npy: {len(data) - offset:,} of {expected - offset:,} bytes of data"
        )
    stream.seek(0)
    return _values_of_array(np.load(stream, allow_pickle=False), name)


def _npy_header(stream: BinaryIO, name: str) -> tuple[np.dtype, tuple[int, ...], int]:
    """(dtype, shape, data offset), refusing what is not a plain float or integer array."""
    fmt = np.lib.format
    try:
        version = fmt.read_magic(stream)
        if version == (1, 0):
            shape, _fortran, dtype = fmt.read_array_header_1_0(stream)
        else:
            shape, _fortran, dtype = fmt.read_array_header_2_0(stream)
    except (ValueError, OSError, SyntaxError) as exc:
        raise ValuesFileError(f"{name}: not a readable .npy ({exc})") from None
    if dtype.hasobject:
        raise ValuesFileError(
            f"{name}: holds Python objects, which would need a pickle to load and are never loaded; "
            f"{SAVE_HINT}, or np.save(path, np.asarray(values, dtype=np.float32))"
        )
    if dtype.fields is not None or dtype.subdtype is not None:
        raise ValuesFileError(f"{name}: a structured array; save the one column of x as its own .npy")
    if not (dtype.kind in "iu" or (dtype.kind == "f" and dtype.itemsize in (2, 4, 8))):
        raise ValuesFileError(
            f"{name}: holds {dtype.name} values; only float16, float32, float64 and integer arrays are read"
        )
    return dtype, shape, stream.tell()


def _values_of_array(
    array: np.ndarray, name: str, progress: Progress | None = None, should_stop: ShouldStop | None = None
) -> Values:
    if array.size == 0:
        raise ValuesFileError(f"{name}: holds no values (shape {array.shape})")
    data = StoredArray(array)
    find_extent(data, progress, should_stop)
    return checked(lambda: Values(data, name=name, shape=tuple(array.shape)))
