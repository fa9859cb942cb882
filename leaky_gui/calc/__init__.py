"""The calculation, free of Qt: exact numbers, precisions, number text, alpha rules, CSV writing.

Nothing here imports PySide6, pyqtgraph, ``leaky_gui.gui`` or ``leaky_gui.cli``: an
import-linter contract in pyproject.toml checks it in CI. The command line and the
window both come here for every number, so each is defined exactly once.

* ``numtext``: typed text to Decimal, and the app's one number style;
* ``sweep``: the exact sweep ``SweepParams``, f and f', and the one judge of inputs;
* ``precision``: float32, float16 and bfloat16 as PyTorch computes them;
* ``alphas``: presets, names, the Kaiming gain, the unusual-alpha rule;
* ``source``: ``XSource``, the one interface of a source of x (the sweep, your values);
* ``values`` and ``readers``: your own x values from text or ``.npy``, read safely and lazily;
* ``text_columns`` and ``csv_export``: the streaming, atomic CSV writer.
"""
