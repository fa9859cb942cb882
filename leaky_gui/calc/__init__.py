"""The calculation, free of Qt: exact numbers, precisions, number text, alpha rules, CSV writing.

Nothing here imports PySide6, pyqtgraph, ``leaky_gui.gui`` or ``leaky_gui.cli``: an
import-linter contract in pyproject.toml checks it in CI. The command line and the
window both come here for every number, so each is defined exactly once.

* ``text``: the one engine for number text, in and out (typed text judged, decimals to
  doubles exactly, doubles to their shortest text, columns of text for the CSV writer,
  ``eval --input``'s rows), its vectorised and general paths byte for byte the same;
* ``exact``: exact decimals as scaled integers, and the double nearest an exact result;
* ``sweep``: the exact sweep ``SweepParams``, f and f', and the one judge of inputs;
* ``inputs``: one model of the window's inputs (values, texts, refusals), judged once a change;
* ``precision``: float32, float16 and bfloat16 as PyTorch computes them, and their
  shortest digits;
* ``alphas`` and ``alpha_scale``: presets, names, the Kaiming gain, the unusual-alpha rule,
  the slider's positions;
* ``source``: ``XSource``, the one interface of a source of x (the sweep, your values);
* ``values`` and ``value_data``: your own x values and the data behind them;
* ``readers`` and ``text_reader``: that data from text or ``.npy``, read
  safely and lazily;
* ``csv_export``: CSV text a chunk at a time, streamed;
* ``atomic_file``: files written whole or not at all;
* ``layer_stats``: what alpha does to a network: Leaky ReLU of a Gaussian, the signal and the
  gradient through depth under each initialisation.
"""
