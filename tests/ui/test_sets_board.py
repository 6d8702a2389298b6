"""Boards driven as a user does: drags from the grid and between boards, keys, the layout picker."""
# ruff: noqa: F811  (fixtures imported from sets_support are redefined as parameters)

from __future__ import annotations

from pathlib import Path

import pytest
from library_support import photo
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QAction, QDrag, QKeySequence, QUndoStack
from sets_support import OFFSCREEN_SIZE_HINTS, drag_to, ids, left_of, panel, slot_centre, undo  # noqa: F401

from aedesk.ui.images import ImageStore
from aedesk.ui.mime import image_ids_mime
from aedesk.ui.sets import SetsPanel

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = OFFSCREEN_SIZE_HINTS


def huaxu(panel: SetsPanel, store: ImageStore, items: list[int], name: str = "A"):
    s = store.library.create_set("huaxu", name)
    s.append(items)
    store.sets_edited()
    panel.select(s)
    return s


def test_grid_drop_inserts_at_the_slot_and_appends_after_the_last(qtbot, panel: SetsPanel, store: ImageStore,
                                                                  undo: QUndoStack, ids: list[int]) -> None:
    s = huaxu(panel, store, [])
    view = panel.huaxu.view
    assert drag_to(view, image_ids_mime(ids[:2]), slot_centre(view, 3)).isAccepted()  # on a placeholder: append
    assert list(s) == ids[:2]
    assert drag_to(view, image_ids_mime([ids[2]]), left_of(view, 1)).isAccepted()
    assert list(s) == [ids[0], ids[2], ids[1]] and view.model().rowCount() == 3
    ctrl_z = QAction(panel, shortcut=QKeySequence.StandardKey.Undo)
    ctrl_z.triggered.connect(undo.undo)
    panel.addAction(ctrl_z)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert list(s) == ids[:2]
    undo.redo()
    assert list(s) == [ids[0], ids[2], ids[1]]


def test_reorder_within_a_board_keeps_the_count(panel: SetsPanel, store: ImageStore, undo: QUndoStack,
                                                ids: list[int]) -> None:
    s = huaxu(panel, store, ids[:4])
    view = panel.huaxu.view
    mime = view.model().mimeData([view.model().index(0)])
    drop = drag_to(view, mime, left_of(view, 3))
    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.MoveAction
    assert list(s) == [ids[1], ids[2], ids[0], ids[3]] and view.model().rowCount() == 4
    undo.undo()
    assert list(s) == ids[:4]


def test_drop_from_another_board_moves_or_copies_with_ctrl(panel: SetsPanel, store: ImageStore, undo: QUndoStack,
                                                           ids: list[int]) -> None:
    source = huaxu(panel, store, ids[:3], "source")
    source_model = panel.huaxu.model
    move_mime = source_model.mimeData([source_model.index(0), source_model.index(2)])
    copy_mime = source_model.mimeData([source_model.index(1)])
    post = store.library.create_set("new-arrival", "post")
    store.sets_edited()
    panel.select(post)
    view = panel.post.view
    assert drag_to(view, move_mime, slot_centre(view, 0)).isAccepted()
    assert list(post) == [ids[0], ids[2]] and list(source) == [ids[1]]
    assert drag_to(view, copy_mime, left_of(view, 0), CTRL).dropAction() == Qt.DropAction.CopyAction
    assert list(post) == [ids[1], ids[0], ids[2]] and list(source) == [ids[1]]
    undo.undo()
    undo.undo()  # the move: both sets back in one step
    assert list(post) == [] and list(source) == ids[:3]


def test_a_sixth_image_is_refused(qtbot, panel: SetsPanel, store: ImageStore, undo: QUndoStack,
                                  ids: list[int]) -> None:
    s = huaxu(panel, store, ids[:5])
    view = panel.huaxu.view
    with qtbot.waitSignal(panel.refused) as refused:
        assert not drag_to(view, image_ids_mime([ids[5]]), slot_centre(view, 2)).isAccepted()
    assert len(s) == 5 and not undo.canUndo()
    assert refused.args == ["A 花絮图 set holds at most 5 images; this one is full."]
    store.set_language("zh")
    with qtbot.waitSignal(panel.refused) as refused:
        panel.put_in_slot(5, ids[4:6])
    assert refused.args == ["花絮图最多 5 张图，已满。"]


def test_delete_key_and_dragging_out_remove_slots(qtbot, panel: SetsPanel, store: ImageStore, undo: QUndoStack,
                                                  ids: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    s = huaxu(panel, store, ids[:4])
    view = panel.huaxu.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=slot_centre(view, 1))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert list(s) == [ids[0], ids[2], ids[3]]
    monkeypatch.setattr(QDrag, "exec", lambda drag, *args: Qt.DropAction.IgnoreAction)  # dropped nowhere
    view.selectionModel().select(view.model().index(0), view.selectionModel().SelectionFlag.ClearAndSelect)
    view.startDrag(Qt.DropAction.MoveAction)
    assert list(s) == [ids[2], ids[3]]
    monkeypatch.setattr(QDrag, "target", lambda drag: panel.post.view.viewport())  # refused by another board
    view.selectionModel().select(view.model().index(0), view.selectionModel().SelectionFlag.ClearAndSelect)
    view.startDrag(Qt.DropAction.MoveAction)
    assert list(s) == [ids[2], ids[3]]
    undo.undo()
    undo.undo()
    assert list(s) == ids[:4]


def test_files_from_the_file_manager_go_into_a_slot(tmp_path: Path, panel: SetsPanel, store: ImageStore,
                                                    ids: list[int]) -> None:
    s = huaxu(panel, store, [ids[0]])
    elsewhere = tmp_path / "desktop"
    elsewhere.mkdir()
    files = [photo(elsewhere / "new.jpg", seed=9, size=(1300, 1300)), elsewhere / "notes.txt"]
    files[1].write_text("not an image")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    view = panel.huaxu.view
    assert drag_to(view, mime, left_of(view, 0)).isAccepted()
    new = store.library.id_for_path(files[0])
    assert new is not None and list(s) == [new, ids[0]]


def test_layout_picker_and_the_exposure_note(qtbot, panel: SetsPanel, store: ImageStore, undo: QUndoStack,
                                             ids: list[int]) -> None:
    post = store.library.create_set("new-arrival", "post")
    post.append(ids[:4])
    store.sets_edited()
    panel.select(post)
    board = panel.post
    assert board.view.columns == 2 and board.note.isHidden()
    qtbot.mouseClick(board.layouts.button(9), Qt.MouseButton.LeftButton)
    assert post.layout == 9 and board.view.columns == 3 and board.layouts.button(9).isChecked()
    assert board.view.slots() == 9
    undo.undo()
    assert post.layout == 0 and not board.layouts.button(9).isChecked() and board.view.columns == 2
    drag_to(board.view, image_ids_mime([ids[4]]), slot_centre(board.view, 5))
    assert len(post) == 5 and not board.note.isHidden()
    assert "5 products get no channel exposure" in board.note.text()
