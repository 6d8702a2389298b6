"""What a drop on a set board does, as one undo command.

From the thumbnail grid: insert. From the same board: reorder. From another board: move
(copy with Ctrl, i.e. CopyAction). Image files from the file manager: catalogued where they
are, then inserted. A drop that would overflow the set changes nothing and is refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack

from aedesk.core.sets import ImageSet, SetFull
from aedesk.ui.images import ImageStore
from aedesk.ui.mime import IMAGE_IDS, image_ids, set_rows
from aedesk.ui.sets.commands import InsertImages, MoveRows, check_room, move_between, refusal


def _files(data: QMimeData) -> list[Path]:
    return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] if data.hasUrls() else []


def acceptable(data: QMimeData) -> bool:
    return data.hasFormat(IMAGE_IDS) or bool(_files(data))


def _source(store: ImageStore, data: QMimeData) -> tuple[ImageSet[int], list[int]] | None:
    origin = set_rows(data)
    if origin is None:
        return None
    s = next((s for s in store.sets() if s.id == origin[0]), None)
    rows = [r for r in origin[1] if s is not None and 0 <= r < len(s)]
    return (s, rows) if s is not None and rows else None


def command(store: ImageStore, target: ImageSet[int], data: QMimeData, action: Qt.DropAction,
            at: int) -> QUndoCommand | None:
    """The command for the drop, None when it changes nothing; raises SetFull on overflow."""
    source = _source(store, data)
    if source is not None and source[0] is target:
        move = MoveRows(store, target, source[1], at)
        return move if move.changes() else None
    ids = image_ids(data) if data.hasFormat(IMAGE_IDS) else store.library.catalogue_files(_files(data))
    if not ids:
        return None
    check_room(target, len(ids))
    if source is not None and action != Qt.DropAction.CopyAction:
        return move_between(store, source[0], source[1], target, at)
    return InsertImages(store, target, at, ids)


def drop(store: ImageStore, undo: QUndoStack, target: ImageSet[int], data: QMimeData,
         action: Qt.DropAction, at: int) -> str | None:
    """Push the drop's command; the refusal message when the set would overflow."""
    try:
        cmd = command(store, target, data, action, at)
    except SetFull as full:
        return refusal(full, store.language)
    if cmd is not None:
        undo.push(cmd)
    return None
