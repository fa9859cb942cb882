"""The window's limits, in one place (the command line has none of them)."""

from __future__ import annotations

#: The window's largest sweep; the command line streams any count. QTableView places rows
#: at int pixel offsets, so MAX_GUI_COUNT * ROW_HEIGHT must stay below 2**31.
MAX_GUI_COUNT = 100_000_000
ROW_HEIGHT = min(21, (2**31 - 1) // MAX_GUI_COUNT)
#: More rows than this are not put on the clipboard (File > Export CSV is for that). Copying
#: this many takes about 25 ms (tests/benchmarks/bench_table_keys.py): every key stays instant.
COPY_LIMIT = 50_000
#: At most this many alphas can be pinned beside the current one (7 colours x 5 dashes, fewer used).
MAX_PINNED = 32
#: Your own values: markers on the current curve up to this many, a histogram of x above.
VALUE_MARKER_LIMIT = 2_000
#: Bars of that histogram.
HISTOGRAM_BINS = 80
