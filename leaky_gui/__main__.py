"""``python -m leaky_gui`` opens the window."""

from leaky_gui.app import main

raise SystemExit(main())
