"""SetListModel: the user's sets as a list (name, kind, count, worst set-level verdict).

Rows are `store.sets()` in order, re-read on `store.setsChanged`; a rename typed in the
view becomes an undo command (the model never edits a set itself).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QUndoStack

from aedesk.core.findings import Severity, worst
from aedesk.core.sets import HUAXU, ImageSet
from aedesk.ui import palette
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.set_commands import RenameSet

Index = QModelIndex | QPersistentModelIndex

SET_ROLE = Qt.ItemDataRole.UserRole + 1  # the ImageSet of the row


@cache
def verdict_dot(verdict: Severity | None) -> QIcon:
    """A round mark in the verdict's colour (green: nothing found)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(palette.SEVERITY[verdict]))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class SetListModel(QAbstractListModel):
    def __init__(self, store: ImageStore, undo: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.store, self.undo = store, undo
        self._sets: list[ImageSet[int]] = store.sets()
        self._verdicts: dict[str, Severity | None] = {}
        store.setsChanged.connect(self._on_sets_changed)
        store.changed.connect(self._on_images_changed)
        store.languageChanged.connect(self._on_language_changed)

    def set_at(self, row: int) -> ImageSet[int] | None:
        return self._sets[row] if 0 <= row < len(self._sets) else None

    def row_of(self, s: ImageSet[int] | None) -> int:
        return next((n for n, other in enumerate(self._sets) if other is s), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.set_at(index.row()) if index.isValid() else None
        if s is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            kind = self.tr("花絮图 set") if s.kind == HUAXU else self.tr("上新帖 post")
            return f"{s.name}\n{kind} · {len(s)}/{s.capacity}"
        if role == Qt.ItemDataRole.EditRole:
            return s.name
        if role == Qt.ItemDataRole.DecorationRole:
            return verdict_dot(self._verdict(s))
        if role == SET_ROLE:
            return s
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        s = self.set_at(index.row()) if index.isValid() else None
        name = str(value).strip()
        if s is None or role != Qt.ItemDataRole.EditRole or not name or name == s.name:
            return False
        self.undo.push(RenameSet(self.store, s, name))
        return True

    def _verdict(self, s: ImageSet[int]) -> Severity | None:
        if s.id not in self._verdicts:
            gone = any(r is None or r.missing for r in map(self.store.record, s))
            self._verdicts[s.id] = Severity.ERROR if gone else worst(self.store.library.set_findings(s))
        return self._verdicts[s.id]

    def _on_sets_changed(self) -> None:
        self._verdicts.clear()
        sets = self.store.sets()
        if [s.id for s in sets] != [s.id for s in self._sets]:
            self.beginResetModel()
            self._sets = sets
            self.endResetModel()
        elif sets:
            self.dataChanged.emit(self.index(0), self.index(len(sets) - 1))

    def _on_images_changed(self, ids: list[int]) -> None:
        """Repaint the sets whose verdict changed, only: a dataChanged would also reset the
        name a user is typing in that row (thumbnails arrive at any time)."""
        wanted = set(ids)
        for row, s in enumerate(self._sets):
            if wanted.intersection(s) and self._verdicts.pop(s.id, None) != self._verdict(s):
                self.dataChanged.emit(self.index(row), self.index(row))

    def _on_language_changed(self) -> None:
        if self._sets:
            self.dataChanged.emit(self.index(0), self.index(len(self._sets) - 1))
