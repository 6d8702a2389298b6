"""SetModel: the Qt list model of one set's slots, a thin adapter over an ImageSet.

The model never edits rows itself: drops become undo commands (`board_drop`), the commands
call ImageSet methods, and the set's events drive beginInsertRows/endInsertRows and the
rest here. The set shown can be changed (`set_set`); the model then resets.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack

from aedesk.core.sets import ImageSet, SetEvent
from aedesk.ui.images import ImageStore
from aedesk.ui.mime import IMAGE_IDS, SET_ROWS, image_ids_mime
from aedesk.ui.sets import board_drop

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1  # the catalog image id
    SLOT = Qt.ItemDataRole.UserRole + 2  # the slot number, from 1
    THUMBNAIL = Qt.ItemDataRole.UserRole + 3  # QImage, or None while loading
    VERDICT = Qt.ItemDataRole.UserRole + 4  # worst Severity of the image, or None
    MISSING = Qt.ItemDataRole.UserRole + 5  # True when the file is gone


class SetModel(QAbstractListModel):
    #: a drop was refused (the set would overflow): the message in the interface language
    refused = Signal(str)

    def __init__(self, store: ImageStore, undo: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.store, self.undo = store, undo
        self.set: ImageSet[int] | None = None
        store.changed.connect(self._on_images_changed)

    def set_set(self, s: ImageSet[int] | None) -> None:
        if s is self.set:
            return
        self.beginResetModel()
        if self.set is not None:
            self.set.disconnect(self._on_set_event)
        self.set = s
        if s is not None:
            s.connect(self._on_set_event)
        self.endResetModel()

    # reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.set is None else len(self.set)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.set is None or not 0 <= index.row() < len(self.set):
            return None
        image_id = self.set[index.row()]
        if role == Role.ID:
            return image_id
        if role == Role.SLOT:
            return index.row() + 1
        if role == Role.THUMBNAIL:
            return self.store.thumbnail(image_id)
        if role == Role.VERDICT:
            return self.store.verdict(image_id)
        if role == Role.MISSING:
            record = self.store.record(image_id)
            return record is None or record.missing
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            record = self.store.record(image_id)
            return record.path.name if record else str(image_id)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # drag and drop
    def mimeTypes(self) -> list[str]:
        return [IMAGE_IDS, SET_ROWS, "text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        assert self.set is not None
        return image_ids_mime([self.set[r] for r in rows], self.set.id, rows)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.set is not None and board_drop.acceptable(data)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Drop at `row` (-1: after the last slot): one undo command, or a refusal."""
        if self.set is None or not board_drop.acceptable(data):
            return False
        at = len(self.set) if row < 0 else min(row, len(self.set))
        problem = board_drop.drop(self.store, self.undo, self.set, data, action, at)
        if problem:
            self.refused.emit(problem)
        return problem is None

    # the set's events
    def _on_set_event(self, e: SetEvent) -> None:
        if e.type == "inserting":
            self.beginInsertRows(QModelIndex(), e.index, e.index + e.count - 1)
        elif e.type == "inserted":
            self.endInsertRows()
        elif e.type == "removing":
            self.beginRemoveRows(QModelIndex(), e.index, e.index + e.count - 1)
        elif e.type == "removed":
            self.endRemoveRows()
        elif e.type == "moving":
            # Qt names the row the item goes before, counted before the move
            before = e.dest + 1 if e.dest > e.index else e.dest
            self.beginMoveRows(QModelIndex(), e.index, e.index, QModelIndex(), before)
        elif e.type == "moved":
            self.endMoveRows()
        elif e.type == "replaced":
            self.dataChanged.emit(self.index(e.index), self.index(e.index))

    def _on_images_changed(self, ids: list[int]) -> None:
        if self.set is None:
            return
        wanted = set(ids)
        for row, image_id in enumerate(self.set):
            if image_id in wanted:
                self.dataChanged.emit(self.index(row), self.index(row))
