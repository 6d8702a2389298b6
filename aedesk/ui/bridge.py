"""Carries the library's callbacks (made on worker threads) onto the GUI thread as signals.

The library is Qt-free and calls its listeners from its own threads; a QObject living on
the GUI thread re-emits them, and Qt's queued connections do the crossing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from aedesk.library.records import Progress


class LibraryBridge(QObject):
    """Subscribe with `library.subscribe(bridge)`; connect to the signals from GUI code."""

    #: ids of images that are new, re-analysed, or whose thumbnail is ready
    imagesChanged = Signal(list)
    #: ids of images deleted from the catalog
    imagesRemoved = Signal(list)
    #: ids of images whose file is gone but which a set still holds
    imagesMissing = Signal(list)
    #: the watched folders or their counts changed
    foldersChanged = Signal()
    #: a Progress of the scan / analysis / OCR stage
    progressed = Signal(object)
    #: a message for the user (watch limits, permissions, catalog recovery)
    noticed = Signal(str)

    # LibraryListener protocol: called on worker threads; Signal.emit is thread-safe and
    # delivery to receivers on the GUI thread is queued.
    def images_changed(self, ids: list[int]) -> None:
        self.imagesChanged.emit(list(ids))

    def images_removed(self, ids: list[int]) -> None:
        self.imagesRemoved.emit(list(ids))

    def images_missing(self, ids: list[int]) -> None:
        self.imagesMissing.emit(list(ids))

    def folders_changed(self) -> None:
        self.foldersChanged.emit()

    def progress(self, p: Progress) -> None:
        self.progressed.emit(p)

    def notice(self, message: str) -> None:
        self.noticed.emit(message)
