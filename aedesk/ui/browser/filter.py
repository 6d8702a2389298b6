"""What the grid shows: the image list narrowed by verdict, set use, name and folder.

Verdicts for every image come from one query (`Library.verdicts`, on a worker thread),
refreshed once per burst of changes; ids the query does not know are not analysed yet and show under "all" only.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
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
from aedesk.ui.background import BackgroundCall
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
        # verdicts of the whole catalog come from one query, run on a worker (findings not
        # computed yet are computed there, never on the GUI thread)
        self._query = BackgroundCall(lambda: store.library.verdicts(store.profile), self)
        self._query.finished.connect(self._on_verdicts)
        self._refresh = Throttle(self._query.start, 250, self)
        for signal in (store.profileChanged, store.changed, store.entriesChanged):
            signal.connect(self._refresh.poke)
        store.setsChanged.connect(self._on_sets_changed)
        self._query.start()

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
        folder = None if path is None else str(path.resolve())
        if folder == self._folder:
            return  # (the folder list was re-read): 10,000 rows need not be filtered again
        self.beginFilterChange()
        self._folder = folder
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

    def _on_verdicts(self, verdicts: dict[int, int]) -> None:
        if verdicts != self._verdicts:
            self._refilter(lambda: setattr(self, "_verdicts", verdicts), needed=self._kind != "all")
        self._count()

    def _on_sets_changed(self) -> None:
        if self._kind == "unused":
            self._refilter(lambda: None)
        self._count()

    def _refilter(self, change: Callable[[], None], needed: bool = True) -> None:
        """Apply `change`; filter the rows again only if the shown rows can depend on it
        ("all" shows every image whatever its verdict: 10,000 rows need not be re-filtered)."""
        if not needed:
            change()
            return
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _count(self) -> None:
        entries = self._entries()
        scoped = [e.id for e in entries if self._in_scope(e)] if self._folder or self._search else [
            e.id for e in entries]
        ranks = Counter(self._verdicts.get(i) for i in scoped)
        unused = sum(1 for i in scoped if i in self._verdicts and self._store.holders(i) == 0)
        counts = {"all": len(scoped), "errors": ranks[2], "warnings": ranks[1], "ok": ranks[-1] + ranks[0],
                  "unused": unused}
        if counts != self.counts:
            self.counts = counts
            self.countsChanged.emit(counts)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        self._count()
