"""What the views know about catalogued images: one shared, cached view of the library.

The grid, the set boards and the inspector all read images through this object, so a file
that changes on disk updates every place it is shown from one signal. Records and findings
are fetched on first use (a 10,000-image folder parses only what is on screen) and dropped
when the library reports the image again.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from aedesk.core.findings import Finding, Severity, worst
from aedesk.core.sets import ImageSet
from aedesk.library.library import Library
from aedesk.library.records import ImageEntry, ImageRecord
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.thumbnails import ThumbnailLoader


class ImageStore(QObject):
    #: ids whose record, findings, thumbnail or set count changed (rows to repaint)
    changed = Signal(list)
    #: images were added to or removed from the catalog: lists of ids must be re-read
    entriesChanged = Signal()
    #: the profile that colours the badges changed (its id)
    profileChanged = Signal(str)
    #: the sets changed (created, deleted, edited): set lists and counts must be re-read
    setsChanged = Signal()
    #: the interface language changed ("zh" or "en"): rule messages must be re-read
    languageChanged = Signal(str)

    def __init__(self, library: Library, bridge: LibraryBridge, profile: str = "huaxu",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.profile = profile
        self.language = "en"  # of rule messages: Finding.text(store.language)
        self._records: dict[int, ImageRecord | None] = {}
        self._findings: dict[int, list[Finding]] = {}
        self._holders: dict[int, int] = {}
        self._entries: list[ImageEntry] | None = None
        self.thumbnails = ThumbnailLoader(library.thumbnail, self)
        self.thumbnails.ready.connect(self.changed)
        bridge.imagesChanged.connect(self._on_images_changed)
        bridge.imagesMissing.connect(self._on_images_changed)
        bridge.imagesRemoved.connect(self._on_images_removed)
        self._count_holders()

    # reading
    def entries(self) -> list[ImageEntry]:
        """Every catalogued image, by path (cached until the library reports a change)."""
        if self._entries is None:
            self._entries = self.library.entries()
        return self._entries

    def record(self, image_id: int) -> ImageRecord | None:
        if image_id not in self._records:
            self._records[image_id] = self.library.record(image_id)
        return self._records[image_id]

    def findings(self, image_id: int) -> list[Finding]:
        """The image's findings for the current profile."""
        if image_id not in self._findings:
            self._findings[image_id] = self.library.findings(image_id, self.profile)
        return self._findings[image_id]

    def verdict(self, image_id: int) -> Severity | None:
        return worst(self.findings(image_id))

    def thumbnail(self, image_id: int) -> QImage | None:
        """The thumbnail if loaded; otherwise None, and `changed` reports it when it is."""
        record = self.record(image_id)
        if record is None or record.pending:
            return None
        return self.thumbnails.get(image_id, record.facts.sha256)

    def preview(self, image_id: int) -> QImage | None:
        """The 1280 px preview, decoded now (for the inspector and the set preview)."""
        data = self.library.preview(image_id)
        image = QImage()
        return image if data is not None and image.loadFromData(data) else None

    def holders(self, image_id: int) -> int:
        """How many sets hold the image."""
        return self._holders.get(image_id, 0)

    def sets(self) -> list[ImageSet[int]]:
        return self.library.sets()

    # changing
    def set_profile(self, profile: str) -> None:
        if profile == self.profile:
            return
        self.profile = profile
        self._findings.clear()
        self.profileChanged.emit(profile)
        self.changed.emit([e.id for e in self.entries()])

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.languageChanged.emit(language)

    def sets_edited(self) -> None:
        """Call after any set edit: recounts holders and tells the views."""
        before = self._holders
        self._count_holders()
        touched = [i for i in before.keys() | self._holders.keys() if before.get(i) != self._holders.get(i)]
        self.setsChanged.emit()
        if touched:
            self.changed.emit(sorted(touched))

    def _forget(self, ids: list[int]) -> None:
        for image_id in ids:
            self._records.pop(image_id, None)
            self._findings.pop(image_id, None)

    def _count_holders(self) -> None:
        counts: dict[int, int] = {}
        for s in self.library.sets():
            for image_id in set(s):
                counts[image_id] = counts.get(image_id, 0) + 1
        self._holders = counts

    def _on_images_changed(self, ids: list[int]) -> None:
        self._forget(ids)
        if self._entries is not None and self._update_entries(ids):
            self.entriesChanged.emit()
        self.changed.emit(list(ids))

    def _update_entries(self, ids: list[int]) -> bool:
        """Bring the entries of `ids` up to date in place (a batch costs its own rows, not a
        re-read of 10,000); True when images were added, renamed or moved."""
        assert self._entries is not None
        rows = {e.id: n for n, e in enumerate(self._entries)}
        placed = []
        for entry in self.library.entries_of(ids):
            n = rows.get(entry.id)
            if n is not None and self._entries[n].path == entry.path:
                self._entries[n] = entry  # flags only (pending, missing): same place
            else:
                placed.append(entry)
        if not placed:
            return False
        again = {e.id for e in placed}
        self._entries = [e for e in self._entries if e.id not in again]  # renamed or moved
        for entry in placed:
            bisect.insort(self._entries, entry, key=lambda e: str(e.path))
        return True

    def _on_images_removed(self, ids: list[int]) -> None:
        self._forget(ids)
        self.thumbnails.forget(ids)
        self._entries = None
        self.entriesChanged.emit()
