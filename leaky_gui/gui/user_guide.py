"""Help > User Guide (F1): the user guide, read offline from the installed package.

The guide is one Markdown file, ``resources/user-guide.md`` (shipped as package data of
``leaky_gui.resources``, and by the PyInstaller spec to the same place), with the
screenshots it shows beside it. Qt renders Markdown itself (``QTextBrowser``), but gives
headings no anchors, so ``#the-command-line`` links would lead nowhere: each heading gets
the anchor GitHub gives it, and the same link works on GitHub and in the app.
"""

from __future__ import annotations

import importlib.resources
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCharFormat, QTextCursor, QTextImageFormat
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from leaky_gui.gui.language import QT_TRANSLATE_NOOP, translate

GUIDE_FILE = "user-guide.md"
TITLE = QT_TRANSLATE_NOOP("UserGuide", "Leaky ReLU Calculator: User Guide")
#: Screenshots are shown at most this wide (logical pixels), so that they fit the window.
IMAGE_WIDTH = 640


def guide_path() -> Path:
    """The user guide inside the package: installed, editable or frozen alike."""
    return Path(str(importlib.resources.files("leaky_gui.resources").joinpath(GUIDE_FILE)))


def heading_anchor(text: str, taken: dict[str, int] | None = None) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as '-'.

    With ``taken`` (anchors so far in the document), a repeated heading gets ``-1``, ``-2``...
    """
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
    if taken is None:
        return slug
    count = taken.get(slug, 0)
    taken[slug] = count + 1
    return f"{slug}-{count}" if count else slug


class UserGuide(QDialog):
    """A window beside the main one (not modal) that shows the user guide; Escape closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(translate("UserGuide", TITLE))
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuideText")
        self.browser.setAccessibleName(translate("UserGuide", "User guide"))
        # Links are followed here: QTextBrowser would reload the Markdown for each '#anchor'
        # link, dropping the headings' anchors with the old document.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(860, 680)
        self.browser.setSearchPaths([str(guide_path().parent)])  # the screenshots beside the guide
        self._load()

    def _load(self) -> None:
        self.browser.setMarkdown(guide_path().read_text(encoding="utf-8"))
        self.browser.document().setDocumentMargin(16)
        self._prepare()

    def changeEvent(self, event: QEvent) -> None:
        """Light or dark: links take their colour from the palette when the Markdown is read,
        so read it again (at the same place) when the palette changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "browser"):
            at = self.browser.verticalScrollBar().value()
            self._load()
            self.browser.verticalScrollBar().setValue(at)

    def _prepare(self) -> None:
        """Give each heading its anchor, fit each screenshot to IMAGE_WIDTH, let code wrap."""
        document = self.browser.document()
        taken: dict[str, int] = {}
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().nonBreakableLines():  # code: wrap rather than scroll sideways
                wrapping = block.blockFormat()
                wrapping.setNonBreakableLines(False)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(wrapping)
            if block.blockFormat().headingLevel() and block.length() > 1:
                anchor = QTextCharFormat()
                anchor.setAnchor(True)
                anchor.setAnchorNames([heading_anchor(block.text(), taken)])
                cursor.setPosition(block.position())
                cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(anchor)
            for image_at, image in self._images(block):
                size = QImage(self.image_file(image.name())).size()
                if size.width() > IMAGE_WIDTH:
                    image.setWidth(IMAGE_WIDTH)
                    image.setHeight(size.height() * IMAGE_WIDTH / size.width())
                    cursor.setPosition(image_at)
                    cursor.setPosition(image_at + 1, QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
            block = block.next()
        cursor.endEditBlock()

    @staticmethod
    def _images(block) -> list[tuple[int, QTextImageFormat]]:
        found = []
        pieces = block.begin()
        while not pieces.atEnd():
            piece = pieces.fragment()
            if piece.charFormat().isImageFormat():
                for offset in range(piece.length()):  # one object character per image
                    found.append((piece.position() + offset, piece.charFormat().toImageFormat()))
            pieces += 1
        return found

    def follow(self, url: QUrl) -> None:
        """A link: to a heading of the guide, or a web page in the desktop's browser."""
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())

    @staticmethod
    def image_file(name: str) -> str:
        """The file of an image the guide names (relative to the guide)."""
        return str(guide_path().parent / name)

    def anchors(self) -> set[str]:
        """Every anchor name in the guide as shown."""
        return {name for _, fmt in self._fragments() for name in fmt.anchorNames()}

    def links(self) -> list[str]:
        """Every link target in the guide as shown (``#anchor``, or a web address)."""
        return [fmt.anchorHref() for _, fmt in self._fragments() if fmt.anchorHref()]

    def broken_links(self) -> list[str]:
        """Links to anchors the guide lacks, and images that cannot be read: empty when all work."""
        anchors = self.anchors()
        broken = [
            href
            for href in self.links()
            if not href.startswith(("https://", "http://"))
            and not (href.startswith("#") and href[1:] in anchors)
        ]
        block = self.browser.document().begin()
        while block.isValid():
            broken += [
                image.name()
                for _, image in self._images(block)
                if QImage(self.image_file(image.name())).isNull()
            ]
            block = block.next()
        return broken

    def _fragments(self):
        block = self.browser.document().begin()
        while block.isValid():
            pieces = block.begin()
            while not pieces.atEnd():
                yield pieces.fragment(), pieces.fragment().charFormat()
                pieces += 1
            block = block.next()


def show_user_guide(parent: QWidget) -> UserGuide:
    """Show the user guide beside ``parent`` (one guide per window: raised if already open)."""
    guide = parent.findChild(UserGuide, "userGuide")
    if guide is None:
        guide = UserGuide(parent)
    if guide.isVisible():
        guide.raise_()  # a new window comes up on top anyway
    guide.show()
    guide.activateWindow()
    guide.browser.setFocus()  # the keys scroll and follow links at once
    return guide
