"""Undo commands for the images in a set: insert, remove, reorder, replace, move between sets.

Every command edits the set only through `ImageSet` methods (whose events drive the Qt
models and the catalog) and calls `store.sets_edited()` after each step, so holders counts,
set lists and findings follow. Capacity is checked before a command is made (`check_room`):
a command on the stack always succeeds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from aedesk.core.sets import ImageSet, SetFull
from aedesk.ui.images import ImageStore


def command_text(text: str) -> str:
    """A command's name in the undo menu, translated (commands are not QObjects)."""
    return QCoreApplication.translate("SetCommands", text)


def check_room(s: ImageSet[int], adding: int) -> None:
    """Raise SetFull when `adding` more images would overflow `s`."""
    if adding > s.free():
        raise SetFull(s.capacity, s.kind)


def refusal(error: SetFull, language: str) -> str:
    """The SetFull message in the interface language ("zh" or "en")."""
    return error.message_zh if language == "zh" else str(error)


class SetEdit(QUndoCommand):
    """Base of the set commands: runs `_do`/`_undo`, then tells the store."""

    def __init__(self, store: ImageStore, text: str) -> None:
        super().__init__(text)
        self._store = store

    def redo(self) -> None:
        self._do()
        self._store.sets_edited()

    def undo(self) -> None:
        self._undo()
        self._store.sets_edited()

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class InsertImages(SetEdit):
    def __init__(self, store: ImageStore, s: ImageSet[int], index: int, ids: list[int]) -> None:
        super().__init__(store, command_text("Add images to set"))
        self._set, self._ids = s, list(ids)
        self._index = max(0, min(index, len(s)))

    def _do(self) -> None:
        self._set.insert(self._index, self._ids)

    def _undo(self) -> None:
        self._set.remove(self._index, len(self._ids))


class RemoveImages(SetEdit):
    def __init__(self, store: ImageStore, s: ImageSet[int], rows: list[int]) -> None:
        super().__init__(store, command_text("Remove images from set"))
        self._set = s
        self._rows = sorted(set(rows))
        self._ids = [s[r] for r in self._rows]

    def _do(self) -> None:
        for row in reversed(self._rows):
            self._set.remove(row)

    def _undo(self) -> None:
        for row, image_id in zip(self._rows, self._ids, strict=True):
            self._set.insert(row, [image_id])


def _reorder(s: ImageSet[int], order: list[int]) -> None:
    """Rearrange `s` so that the item now at `order[p]` ends at p, one ImageSet.move each."""
    current = list(range(len(s)))
    for p, wanted in enumerate(order):
        q = current.index(wanted)
        if q != p:
            s.move(q, p)
            current.insert(p, current.pop(q))


class MoveRows(SetEdit):
    """Moves `rows` of a set, in their order, to drop position `row` (0..len: before that row)."""

    def __init__(self, store: ImageStore, s: ImageSet[int], rows: list[int], row: int) -> None:
        super().__init__(store, command_text("Reorder set"))
        self._set = s
        moved = sorted(set(rows))
        rest = [r for r in range(len(s)) if r not in moved]
        at = row - sum(1 for r in moved if r < row)
        self._order = rest[:at] + moved + rest[at:]
        self._back = sorted(range(len(self._order)), key=self._order.__getitem__)

    def changes(self) -> bool:
        return self._order != sorted(self._order)

    def _do(self) -> None:
        _reorder(self._set, self._order)

    def _undo(self) -> None:
        _reorder(self._set, self._back)


class ReplaceImage(SetEdit):
    def __init__(self, store: ImageStore, s: ImageSet[int], index: int, image_id: int) -> None:
        super().__init__(store, command_text("Replace image in set"))
        self._set, self._index, self._id = s, index, image_id
        self._old = s[index]

    def _do(self) -> None:
        self._set.replace(self._index, self._id)

    def _undo(self) -> None:
        self._set.replace(self._index, self._old)


class Steps(QUndoCommand):
    """Several edits as one undo step. The steps are kept here, not as Qt child commands:
    PySide would not keep the Python objects of unowned children alive."""

    def __init__(self, text: str, steps: list[SetEdit]) -> None:
        super().__init__(text)
        self._steps = steps

    def redo(self) -> None:
        for step in self._steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self._steps):
            step.undo()


def move_between(store: ImageStore, source: ImageSet[int], rows: list[int], target: ImageSet[int],
                 index: int) -> QUndoCommand:
    """One command (one undo) that puts `rows` of `source` into `target` at `index`."""
    moved = [source[r] for r in sorted(set(rows))]
    return Steps(command_text("Move images to another set"),
                 [InsertImages(store, target, index, moved), RemoveImages(store, source, rows)])


def put_in_slots(store: ImageStore, s: ImageSet[int], slot: int, ids: list[int]) -> QUndoCommand:
    """`ids` fill the slots from `slot` (1-based): held slots are replaced, the rest appended."""
    start = max(0, min(slot - 1, len(s)))
    replaced = ids[: max(0, len(s) - start)]
    check_room(s, len(ids) - len(replaced))
    steps: list[SetEdit] = [ReplaceImage(store, s, start + n, image_id) for n, image_id in enumerate(replaced)]
    if len(ids) > len(replaced):
        steps.append(InsertImages(store, s, len(s), ids[len(replaced):]))
    return Steps(command_text("Put images in slots"), steps)
