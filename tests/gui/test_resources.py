"""The icon set and the Linux desktop entry that the app and the bundle ship."""

from __future__ import annotations

import configparser
from pathlib import Path

from PySide6.QtGui import QImage

from leaky_gui.app import APP_ID, ICON_SIZES, resource_dir

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_icon_sizes_are_real_pngs_of_their_size(qapp):
    for size in ICON_SIZES:
        image = QImage(str(RESOURCES / f"leaky_gui_{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (RESOURCES / "leaky_gui.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # ICO header
    assert (RESOURCES / "leaky_gui.svg").read_text().lstrip().startswith("<?xml")


def test_desktop_entry_uses_the_reverse_dns_id():
    path = RESOURCES / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path)
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "leaky-gui"
    assert section["Icon"] == APP_ID
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")
    assert APP_ID.count(".") >= 2 and APP_ID.split(".")[0] in {"io", "org", "com", "net"}


def test_the_app_finds_the_same_resources():
    assert (resource_dir() / "leaky_gui_256.png").is_file()
