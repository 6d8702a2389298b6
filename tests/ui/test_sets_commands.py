"""The set edits as undo commands: each undoes and redoes exactly, through the library."""
# ruff: noqa: F811  (fixtures imported from sets_support are redefined as parameters)

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from sets_support import ids, undo  # noqa: F401

from aedesk.core.sets import SetFull
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.commands import ReplaceImage, move_between, put_in_slots
from aedesk.ui.sets.set_commands import DeleteSet, SetLayout, create_set, duplicate_set


def names(store: ImageStore) -> list[str]:
    return [s.name for s in store.sets()]


def test_create_duplicate_delete_and_their_undo(store: ImageStore, undo: QUndoStack, ids: list[int]) -> None:
    undo.push(create_set(store, "huaxu", "A"))
    undo.push(create_set(store, "new-arrival", "B"))
    a, b = store.sets()
    a.append(ids[:3])
    undo.push(duplicate_set(store, a, "A copy"))
    assert names(store) == ["A", "A copy", "B"]
    copy = store.sets()[1]
    assert list(copy) == ids[:3] and copy is not a
    undo.push(DeleteSet(store, a))
    assert names(store) == ["A copy", "B"]
    undo.undo()
    assert names(store) == ["A", "A copy", "B"] and store.sets()[0] is a and list(a) == ids[:3]
    assert store.holders(ids[0]) == 2
    undo.undo()
    undo.undo()
    assert names(store) == ["A"]
    undo.redo()
    assert names(store) == ["A", "B"] and store.sets()[1] is b


def test_replace_layout_and_put_in_slots(store: ImageStore, undo: QUndoStack, ids: list[int]) -> None:
    s = store.library.create_set("huaxu", "A")
    s.append(ids[:2])
    undo.push(ReplaceImage(store, s, 1, ids[5]))
    assert list(s) == [ids[0], ids[5]] and store.holders(ids[1]) == 0
    undo.push(put_in_slots(store, s, 2, ids[2:5]))  # slot 2 replaced, two appended
    assert list(s) == [ids[0], ids[2], ids[3], ids[4]]
    undo.undo()
    assert list(s) == [ids[0], ids[5]]
    with pytest.raises(SetFull):
        put_in_slots(store, s, 3, ids[:4])
    post = store.library.create_set("new-arrival", "P")
    undo.push(SetLayout(store, post, 9))
    assert post.layout == 9
    undo.undo()
    assert post.layout == 0


def test_move_between_sets_is_one_undo(store: ImageStore, undo: QUndoStack, ids: list[int]) -> None:
    a = store.library.create_set("huaxu", "A")
    b = store.library.create_set("new-arrival", "B")
    a.append(ids[:3])
    b.append(ids[3:])
    undo.push(move_between(store, a, [0, 2], b, 1))
    assert list(a) == [ids[1]] and list(b) == [ids[3], ids[0], ids[2], ids[4], ids[5]]
    undo.undo()
    assert list(a) == ids[:3] and list(b) == ids[3:]
    undo.redo()
    assert len(a) == 1
