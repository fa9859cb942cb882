#!/usr/bin/env bash
# Build the standalone app into dist/leaky-gui/ (run from anywhere; needs the package
# and PyInstaller installed: pip install -e '.[bundle]').
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
cd "$root"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build" packaging/leaky_gui.spec
# COLLECT links top-level names to Qt libraries that the spec filtered out: drop the dangling links.
find "$root/dist/leaky-gui" -xtype l -delete
du -sm "$root/dist/leaky-gui" | awk '{print "built dist/leaky-gui: " $1 " MB"}'
