# The compiled kernel (_kernel.c): present where a C compiler built it.
# Buffers: any object with the buffer protocol (bytes, bytearray, numpy arrays).
Buffer = object

VERSION: int

def rows(
    block: Buffer,
    point: int,
    separator: int,
    column: int,
    n_columns: int,
    alphas: tuple[tuple[int, int, bool], ...],
    derivatives: tuple[bytes, ...] | None,
    out_point: int,
    out_separator: int,
    /,
) -> tuple[bytearray, int] | None: ...
def set_tables(
    t_high: Buffer, t_low: Buffer, t_shift: Buffer, t_exact: Buffer, g_high: Buffer, g_low: Buffer, /
) -> None: ...
def decimals(
    block: Buffer, final: bool, point: int, separator: int, column: int, n_columns: int, /
) -> tuple[bytearray, bytearray, bytearray, bytearray] | None: ...
