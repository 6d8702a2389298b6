"""The sets' Qt models: consistent for Qt (qtmodeltester) and in step with the ImageSets."""
# ruff: noqa: F811  (fixtures imported from sets_support are redefined as parameters)

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from sets_support import ids, undo  # noqa: F401

from aedesk.core.findings import Severity
from aedesk.ui.images import ImageStore
from aedesk.ui.sets import SetListModel, SetModel
from aedesk.ui.sets.board_model import Role
from aedesk.ui.sets.commands import InsertImages, MoveRows, RemoveImages
from aedesk.ui.sets.list_model import SET_ROLE, verdict_dot


def test_set_model_follows_its_set(qtmodeltester, store: ImageStore, undo: QUndoStack, ids: list[int]) -> None:
    model = SetModel(store, undo)
    qtmodeltester.check(model)  # no set
    s = store.library.create_set("new-arrival", "post")
    model.set_set(s)
    qtmodeltester.check(model)  # empty set
    undo.push(InsertImages(store, s, 0, ids))
    qtmodeltester.check(model)
    first = QPersistentModelIndex(model.index(0))
    undo.push(MoveRows(store, s, [0], 4))  # down: before row 4 → ends at 3
    assert [model.index(r).data(Role.ID) for r in range(6)] == [ids[1], ids[2], ids[3], ids[0], ids[4], ids[5]]
    assert first.row() == 3 and first.data(Role.ID) == ids[0]
    undo.push(MoveRows(store, s, [5, 4], 0))  # up, two rows
    assert list(s) == [ids[4], ids[5], ids[1], ids[2], ids[3], ids[0]]
    assert first.row() == 5
    qtmodeltester.check(model)
    undo.push(RemoveImages(store, s, [1, 3]))
    assert model.rowCount() == 4 and [model.index(r).data(Role.SLOT) for r in range(4)] == [1, 2, 3, 4]
    qtmodeltester.check(model)
    while undo.canUndo():
        undo.undo()
    assert model.rowCount() == 0
    model.set_set(None)  # stops listening (no cycle through the set left for the collector)
    assert not s._listeners[1:]


def test_set_list_model_rows_names_and_rename(qtmodeltester, store: ImageStore, undo: QUndoStack,
                                              ids: list[int]) -> None:
    model = SetListModel(store, undo)
    qtmodeltester.check(model)
    a = store.library.create_set("huaxu", "Summer")
    a.append(ids[:3])
    store.library.create_set("new-arrival", "Autumn")
    store.sets_edited()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0).data() == "Summer\n花絮图 set · 3/5"
    assert model.index(1).data() == "Autumn\n上新帖 post · 0/50"
    red = verdict_dot(Severity.ERROR).cacheKey()
    assert model.index(1).data(Qt.ItemDataRole.DecorationRole).cacheKey() == red  # post-size: 0 < 3
    assert model.index(0).data(Qt.ItemDataRole.DecorationRole).cacheKey() != red
    assert model.setData(model.index(0), "  Winter ")
    assert a.name == "Winter" and model.index(0).data(Qt.ItemDataRole.EditRole) == "Winter"
    undo.undo()
    assert a.name == "Summer" and model.index(0).data(SET_ROLE) is a
    assert not model.setData(model.index(0), "   ")
