"""SetsPanel: the sets half of the main window (a bottom dock).

Left, the list of sets (SetList: create, rename, duplicate, delete, all undoable); right,
the current set's board (a 花絮图 set's five slots or a 上新帖 post's grid) and under it
its findings with the Export and Preview buttons (SetStatus).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from aedesk.core.sets import NEW_ARRIVAL, ImageSet, SetFull
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.board import HuaxuBoard, PostBoard
from aedesk.ui.sets.board_model import Role
from aedesk.ui.sets.commands import put_in_slots, refusal
from aedesk.ui.sets.preview import SetPreviewDialog
from aedesk.ui.sets.set_list import SetList
from aedesk.ui.sets.set_status import SetStatus


class SetsPanel(QWidget):
    #: the current set changed (an ImageSet, or None)
    currentSetChanged = Signal(object)
    #: Export was clicked (the ImageSet to export)
    exportRequested = Signal(object)
    #: a slot was clicked or became current: the inspector shows that image id
    imageActivated = Signal(int)
    #: an edit was refused: its message in the interface language (for the status bar)
    refused = Signal(str)

    def __init__(self, store: ImageStore, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._undo = store, undo
        self._current: ImageSet[int] | None = None
        self.list = SetList(store, undo, self)
        self.huaxu, self.post = HuaxuBoard(store, undo, self), PostBoard(store, undo, self)
        self.boards = QStackedWidget(self)
        self.boards.addWidget(self.huaxu)
        self.boards.addWidget(self.post)
        self.status = SetStatus(store, self)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.boards)
        self.right.addWidget(self.status)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(self.splitter)
        self.list.chosen.connect(self._on_chosen)
        for board in (self.huaxu, self.post):
            board.model.refused.connect(self.refused)
            board.view.selectionModel().currentChanged.connect(self._on_slot)
            board.view.clicked.connect(self._on_slot)
        self.status.exportRequested.connect(self.exportRequested)
        self.status.previewRequested.connect(self.preview_current)
        self._enable_set_actions()
        self.list.select(self.list.model.set_at(0))

    def current_set(self) -> ImageSet[int] | None:
        return self._current

    def select(self, s: ImageSet[int] | None) -> None:
        """Make `s` the current set (None: no set)."""
        self.list.select(s)

    def put_in_slot(self, slot: int, ids: list[int]) -> None:
        """Put `ids` in the current set from `slot` (1-based), replacing what is there."""
        s = self._current
        if s is None:
            self.refused.emit(self.tr("Choose or create a set first."))
            return
        try:
            self._undo.push(put_in_slots(self._store, s, slot, ids))
        except SetFull as full:
            self.refused.emit(refusal(full, self._store.language))

    def preview_current(self) -> None:
        if self._current is not None:
            SetPreviewDialog(self._store, self._current, self).exec()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("sets/current", self._current.id if self._current else "")
        settings.setValue("sets/splitter", self.splitter.saveState())
        settings.setValue("sets/right", self.right.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, splitter in (("sets/splitter", self.splitter), ("sets/right", self.right)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        wanted = str(settings.value("sets/current", ""))
        self.select(next((s for s in self._store.sets() if s.id == wanted), self._current))

    def _on_chosen(self, s: ImageSet[int] | None) -> None:
        if s is self._current:
            return
        self._current = s
        board = self.post if s is not None and s.kind == NEW_ARRIVAL else self.huaxu
        (self.huaxu if board is self.post else self.post).set_set(None)
        board.set_set(s)
        self.boards.setCurrentWidget(board)
        self.status.set_set(s)
        self._enable_set_actions()
        self.currentSetChanged.emit(s)

    def _enable_set_actions(self) -> None:
        for name in ("rename", "duplicate", "delete"):
            self.list.actions_[name].setEnabled(self._current is not None)

    def _on_slot(self, current: QModelIndex) -> None:
        image_id = current.data(Role.ID) if current.isValid() else None
        if image_id is not None:
            self.imageActivated.emit(int(image_id))
