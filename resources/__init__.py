"""The app icon set and the Linux desktop entry, shipped inside the package as leaky_gui.resources."""
