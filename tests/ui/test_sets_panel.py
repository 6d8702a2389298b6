"""The sets panel as a user drives it: set buttons, live findings, Export, put_in_slot, state."""
# ruff: noqa: F811  (fixtures imported from sets_support are redefined as parameters)

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit
from sets_support import OFFSCREEN_SIZE_HINTS, drag_to, ids, panel, slot_centre, undo  # noqa: F401

from aedesk.ui.images import ImageStore
from aedesk.ui.mime import image_ids_mime
from aedesk.ui.sets import SetsPanel
from aedesk.ui.sets.board_model import Role

pytestmark = OFFSCREEN_SIZE_HINTS
CLICK = Qt.MouseButton.LeftButton


def findings(panel: SetsPanel) -> list[str]:
    items = panel.status.findings
    return [items.item(n).text() for n in range(items.count())]


def test_set_buttons_create_rename_duplicate_delete_and_undo(qtbot, panel: SetsPanel, store: ImageStore,
                                                             undo: QUndoStack, ids: list[int]) -> None:
    with qtbot.waitSignal(panel.currentSetChanged) as changed:
        qtbot.mouseClick(panel.list.buttons["huaxu"], CLICK)
    s = changed.args[0]
    assert s.kind == "huaxu" and panel.current_set() is s and panel.boards.currentWidget() is panel.huaxu
    qtbot.mouseClick(panel.list.buttons["post"], CLICK)
    assert panel.current_set().kind == "new-arrival" and panel.boards.currentWidget() is panel.post
    panel.select(s)
    panel.put_in_slot(1, ids[:2])
    qtbot.mouseClick(panel.list.buttons["rename"], CLICK)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "Spring")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: s.name == "Spring", timeout=1000)  # the delegate commits on the next turn
    qtbot.mouseClick(panel.list.buttons["duplicate"], CLICK)
    copy = panel.current_set()
    assert copy.name == "Spring copy" and list(copy) == ids[:2] and store.sets()[1] is copy
    panel.select(s)
    qtbot.mouseClick(panel.list.buttons["delete"], CLICK)
    assert [x.name for x in store.sets()] == ["Spring copy", store.sets()[1].name] and s not in store.sets()
    assert panel.current_set() is copy
    undo.undo()
    assert store.sets()[0] is s and list(s) == ids[:2] and panel.list.model.rowCount() == 3
    undo.undo()
    undo.undo()
    assert s.name != "Spring"


def test_findings_follow_edits_and_files_on_disk(qtbot, panel: SetsPanel, store: ImageStore,
                                                 ids: list[int]) -> None:
    s = store.library.create_set("huaxu", "A")
    s.append(ids[:2])
    store.sets_edited()
    panel.select(s)
    recommended = next(f.text("en") for f in store.library.set_findings(s) if f.rule == "set-recommended-size")
    assert recommended in findings(panel)
    view = panel.huaxu.view
    drag_to(view, image_ids_mime([ids[2]]), slot_centre(view, 4))
    qtbot.waitUntil(lambda: recommended not in findings(panel), timeout=2000)
    store.record(ids[1]).path.unlink()
    qtbot.waitUntil(lambda: "Slot 2: The file is missing." in findings(panel), timeout=8000)
    assert not panel.status.export.isEnabled()
    assert "Slot 2: The file is missing." in panel.status.export.toolTip()
    assert view.model().index(1).data(Role.MISSING)
    store.set_language("zh")
    qtbot.waitUntil(lambda: any(line.endswith("文件不见了。") for line in findings(panel)), timeout=2000)


def test_export_button_state_and_signal(qtbot, panel: SetsPanel, store: ImageStore, ids: list[int]) -> None:
    s = store.library.create_set("huaxu", "A")
    store.sets_edited()
    panel.select(s)
    export = panel.status.export
    assert not export.isEnabled()
    size = next(f.text("en") for f in store.library.set_findings(s) if f.rule == "set-size")
    assert export.toolTip() == "Export is blocked:\n" + size
    panel.put_in_slot(1, ids[:3])
    qtbot.waitUntil(export.isEnabled, timeout=2000)
    with qtbot.waitSignal(panel.exportRequested) as requested:
        qtbot.mouseClick(export, CLICK)
    assert requested.args == [s]


def test_slot_click_activates_image_and_state_round_trips(qtbot, tmp_path, panel: SetsPanel, store: ImageStore,
                                                          ids: list[int]) -> None:
    a = store.library.create_set("huaxu", "A")
    b = store.library.create_set("new-arrival", "B")
    b.append(ids[:3])
    store.sets_edited()
    panel.select(b)
    with qtbot.waitSignal(panel.imageActivated) as activated:
        qtbot.mouseClick(panel.post.view.viewport(), CLICK, pos=slot_centre(panel.post.view, 1))
    assert activated.args == [ids[1]]
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    panel.splitter.setSizes([300, 800])
    saved = panel.splitter.sizes()
    panel.save_state(settings)
    panel.select(a)
    panel.splitter.setSizes([600, 500])
    assert panel.splitter.sizes() != saved
    panel.restore_state(settings)
    assert panel.current_set() is b and panel.splitter.sizes() == saved
