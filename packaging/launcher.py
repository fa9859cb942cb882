"""Entry script of the bundle: the same main() as the `leaky-gui` command."""

from leaky_gui.app import main

raise SystemExit(main())
