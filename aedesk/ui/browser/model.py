"""The grid's rows: every catalogued image, by path, as a flat Qt list model.

Rows are the ids of `store.entries()`; everything else is read through the store's per-id
caches when a row is painted, so 10,000 images cost a list of ids and a dict. Catalog
changes arrive as a diff of the id lists (remove/insert rows), so selection and scroll
position survive a file landing; record changes repaint only their rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from aedesk.library.records import ImageEntry
from aedesk.ui.background import BackgroundCall
from aedesk.ui.browser.throttle import Throttle
from aedesk.ui.images import ImageStore
from aedesk.ui.mime import IMAGE_IDS, image_ids_mime

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    IdRole = Qt.ItemDataRole.UserRole + 1  # catalog id (int)
    PathRole = IdRole + 1  # pathlib.Path
    RecordRole = IdRole + 2  # ImageRecord | None
    FindingsRole = IdRole + 3  # list[Finding] for the store's profile
    ThumbnailRole = IdRole + 4  # QImage | None (None queues the load)
    HoldersRole = IdRole + 5  # how many sets hold the image
    DuplicateRole = IdRole + 6  # bool: an exact or near twin exists


class ImageListModel(QAbstractListModel):
    def __init__(self, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._entries: list[ImageEntry] = list(store.entries())
        self._rows = {e.id: n for n, e in enumerate(self._entries)}
        self._duplicates: set[int] = set()
        # the duplicate search reads every image's hashes: at most once a second, on a worker
        self._dup_search = BackgroundCall(lambda: store.library.duplicate_ids(store.profile), self)
        self._dup_search.finished.connect(self._on_duplicates)
        self._dup_refresh = Throttle(self._dup_search.start, 1000, self)
        store.changed.connect(self._on_changed)
        store.entriesChanged.connect(self._on_entries_changed)
        store.profileChanged.connect(self._dup_refresh.poke)
        self._dup_search.start()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return entry.path.name
            case Role.IdRole:
                return entry.id
            case Role.PathRole:
                return entry.path
            case Role.RecordRole:
                return self._store.record(entry.id)
            case Role.FindingsRole:
                return self._store.findings(entry.id)
            case Role.ThumbnailRole:
                return self._store.thumbnail(entry.id)
            case Role.HoldersRole:
                return self._store.holders(entry.id)
            case Role.DuplicateRole:
                return entry.id in self._duplicates
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {**super().roleNames(), **{int(r): QByteArray(r.name.encode()) for r in Role}}

    def row_of(self, image_id: int) -> int | None:
        return self._rows.get(image_id)

    def entries(self) -> list[ImageEntry]:
        """The rows' entries, in row order (for filters that look at every row)."""
        return self._entries

    # dragging
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [IMAGE_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return image_ids_mime([self._entries[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # the store's events
    def _on_changed(self, ids: list[int]) -> None:
        self._dup_refresh.poke()
        self._repaint(ids)

    def _repaint(self, ids: list[int]) -> None:
        rows = sorted(r for r in (self._rows.get(i) for i in ids) if r is not None)
        start = 0
        for n in range(1, len(rows) + 1):
            if n == len(rows) or rows[n] != rows[n - 1] + 1:  # end of a contiguous run
                self.dataChanged.emit(self.index(rows[start]), self.index(rows[n - 1]))
                start = n

    def _on_entries_changed(self) -> None:
        new = list(self._store.entries())
        matcher = SequenceMatcher(None, [e.id for e in self._entries], [e.id for e in new], autojunk=False)
        ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        moved = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in ops)
        if moved * 2 > max(len(new), len(self._entries)):
            self.beginResetModel()
            self._entries = new
            self.endResetModel()
        else:
            for tag, i1, i2, j1, j2 in reversed(ops):  # from the end: earlier rows keep their numbers
                if tag in ("delete", "replace"):
                    self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                    del self._entries[i1:i2]
                    self.endRemoveRows()
                if tag in ("insert", "replace"):
                    self.beginInsertRows(QModelIndex(), i1, i1 + j2 - j1 - 1)
                    self._entries[i1:i1] = new[j1:j2]
                    self.endInsertRows()
            self._entries = new  # same ids in the same order: the entries' flags may be newer
        self._rows = {e.id: n for n, e in enumerate(self._entries)}
        self._dup_refresh.poke()

    def _on_duplicates(self, found: set[int]) -> None:
        before, self._duplicates = self._duplicates, found
        flipped = before ^ self._duplicates
        if flipped:
            self._repaint(sorted(flipped))
