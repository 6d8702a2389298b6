"""What the grid shows: the image list narrowed by verdict, set use, name and folder.

Verdicts for every image come from one query (`Library.verdicts`), refreshed once per burst
of changes; ids the query does not know are not analysed yet and show under "all" only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)

from aedesk.library.records import ImageEntry
from aedesk.ui.browser.model import ImageListModel
from aedesk.ui.browser.throttle import Throttle
from aedesk.ui.images import ImageStore

KINDS = ("all", "errors", "warnings", "ok", "unused")


class ImageFilterModel(QSortFilterProxyModel):
    #: the number of images per filter kind changed ({kind: count}, within folder and search)
    countsChanged = Signal(dict)

    def __init__(self, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._kind = "all"
        self._search = ""
        self._folder: str | None = None
        self._verdicts: dict[int, int] = {}
        self.counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        self._refresh = Throttle(self._refresh_verdicts, 250, self)
        for signal in (store.profileChanged, store.changed, store.setsChanged, store.entriesChanged):
            signal.connect(self._refresh.poke)
        self._verdicts = store.library.verdicts(store.profile)

    def set_filter(self, kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown filter {kind!r}; known: {', '.join(KINDS)}")
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._count()

    def set_folder(self, path: Path | None) -> None:
        self.beginFilterChange()
        self._folder = None if path is None else str(path.resolve())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._count()

    def _entries(self) -> list[ImageEntry]:
        source = self.sourceModel()
        return source.entries() if isinstance(source, ImageListModel) else []

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        entry = self._entries()[source_row]
        return self._in_scope(entry) and self._is_kind(self._kind, entry.id)

    def _in_scope(self, entry: ImageEntry) -> bool:
        """Inside the folder and matching the search (what the counts count)."""
        if self._folder is not None and not str(entry.path).startswith(self._folder + os.sep):
            return False
        return not self._search or self._search in entry.path.name.casefold()

    def _is_kind(self, kind: str, image_id: int) -> bool:
        if kind == "all":
            return True
        verdict = self._verdicts.get(image_id)
        if verdict is None:
            return False  # not analysed yet
        if kind == "unused":
            return self._store.holders(image_id) == 0
        return {"errors": verdict == 2, "warnings": verdict == 1, "ok": verdict < 1}[kind]

    def _refresh_verdicts(self) -> None:
        verdicts = self._store.library.verdicts(self._store.profile)
        if verdicts != self._verdicts or self._kind == "unused":
            self.beginFilterChange()
            self._verdicts = verdicts
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._count()

    def _count(self) -> None:
        counts = dict.fromkeys(KINDS, 0)
        for entry in self._entries():
            if self._in_scope(entry):
                for kind in KINDS:
                    counts[kind] += self._is_kind(kind, entry.id)
        if counts != self.counts:
            self.counts = counts
            self.countsChanged.emit(counts)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        self._count()
