"""SetsPanel: the sets half of the main window (a bottom dock).

Left, the list of sets with New 花絮图 set / New 上新帖 post / Rename / Duplicate / Delete
(all undo commands on the window's stack); right, the current set's board (by kind) and
under it its findings with the Export and Preview buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QListView,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aedesk.core.sets import HUAXU, NEW_ARRIVAL, ImageSet, SetFull
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.board import HuaxuBoard, PostBoard
from aedesk.ui.sets.board_model import Role
from aedesk.ui.sets.commands import put_in_slots, refusal
from aedesk.ui.sets.list_model import SET_ROLE, SetListModel
from aedesk.ui.sets.preview import SetPreviewDialog
from aedesk.ui.sets.set_commands import DeleteSet, create_set, duplicate_set
from aedesk.ui.sets.set_status import SetStatus


class SetsPanel(QWidget):
    #: the current set changed (an ImageSet, or None)
    currentSetChanged = Signal(object)
    #: Export was clicked (the ImageSet to export)
    exportRequested = Signal(object)
    #: a slot became current: the inspector shows that image id
    imageActivated = Signal(int)
    #: an edit was refused: its message in the interface language (for the status bar)
    refused = Signal(str)

    def __init__(self, store: ImageStore, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._undo = store, undo
        self.model = SetListModel(store, undo, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                  QAbstractItemView.EditTrigger.EditKeyPressed)
        self.huaxu, self.post = HuaxuBoard(store, undo, self), PostBoard(store, undo, self)
        self.boards = QStackedWidget(self)
        self.boards.addWidget(self.huaxu)
        self.boards.addWidget(self.post)
        self.status = SetStatus(store, self)
        self.actions_ = {name: QAction(self) for name in ("huaxu", "post", "rename", "duplicate", "delete")}
        self.buttons = {name: QToolButton(self) for name in self.actions_}
        self._layout()
        self.actions_["rename"].setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.actions_["rename"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for name, action in self.actions_.items():
            self.buttons[name].setDefaultAction(action)
            self.list.addAction(action)
        self.actions_["huaxu"].triggered.connect(lambda: self._on_new(HUAXU))
        self.actions_["post"].triggered.connect(lambda: self._on_new(NEW_ARRIVAL))
        self.actions_["rename"].triggered.connect(self._on_rename)
        self.actions_["duplicate"].triggered.connect(self._on_duplicate)
        self.actions_["delete"].triggered.connect(self._on_delete)
        self._current: ImageSet[int] | None = None
        self.list.selectionModel().currentChanged.connect(self._on_current_row)
        self.model.modelReset.connect(self._on_sets_reset)
        for board in (self.huaxu, self.post):
            board.model.refused.connect(self.refused)
            board.view.selectionModel().currentChanged.connect(self._on_current_slot)
            board.view.clicked.connect(self._on_current_slot)
        self.status.exportRequested.connect(self.exportRequested)
        self.status.previewRequested.connect(self.preview_current)
        self._retranslate()
        self.select(self.model.set_at(0))

    def _layout(self) -> None:
        tools = QGridLayout()  # two rows: new sets, then edits of the current one
        for n, button in enumerate(self.buttons.values()):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            tools.addWidget(button, *divmod(n + (n > 1), 3))
        tools.setColumnStretch(3, 1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(self.list, 1)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.boards)
        self.right.addWidget(self.status)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(self.splitter)

    # the lead's API
    def current_set(self) -> ImageSet[int] | None:
        return self._current

    def select(self, s: ImageSet[int] | None) -> None:
        """Make `s` the current set (None: no set)."""
        row = self.model.row_of(s)
        if row < 0:
            self.list.selectionModel().clear()
            self._show(None)
            return
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show(s)

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

    # translations
    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)

    def _retranslate(self) -> None:
        texts = {"huaxu": self.tr("New 花絮图 set"), "post": self.tr("New 上新帖 post"), "rename": self.tr("Rename"),
                 "duplicate": self.tr("Duplicate"), "delete": self.tr("Delete set")}
        for name, text in texts.items():
            self.actions_[name].setText(text)

    # slots
    def _show(self, s: ImageSet[int] | None) -> None:
        if s is self._current:
            return
        self._current = s
        board = self.post if s is not None and s.kind == NEW_ARRIVAL else self.huaxu
        other = self.huaxu if board is self.post else self.post
        other.set_set(None)
        board.set_set(s)
        self.boards.setCurrentWidget(board)
        self.status.set_set(s)
        for name in ("rename", "duplicate", "delete"):
            self.actions_[name].setEnabled(s is not None)
        self.currentSetChanged.emit(s)

    def _on_current_row(self, current: QModelIndex) -> None:
        self._show(current.data(SET_ROLE) if current.isValid() else None)

    def _on_sets_reset(self) -> None:
        kept = self._current if self.model.row_of(self._current) >= 0 else self.model.set_at(0)
        self._current = None
        self.select(kept)

    def _on_new(self, kind: str) -> None:
        name = self.tr("New 花絮图 set") if kind == HUAXU else self.tr("New 上新帖 post")
        command = create_set(self._store, kind, f"{name} {len(self._store.sets()) + 1}")
        self._undo.push(command)
        self.select(command.set)

    def _on_rename(self) -> None:
        row = self.model.row_of(self._current)
        if row >= 0:
            self.list.edit(self.model.index(row))

    def _on_duplicate(self) -> None:
        if self._current is not None:
            command = duplicate_set(self._store, self._current, self.tr("%1 copy").replace("%1", self._current.name))
            self._undo.push(command)
            self.select(command.set)

    def _on_delete(self) -> None:
        if self._current is not None:
            self._undo.push(DeleteSet(self._store, self._current))

    def _on_current_slot(self, current: QModelIndex) -> None:
        image_id = current.data(Role.ID) if current.isValid() else None
        if image_id is not None:
            self.imageActivated.emit(int(image_id))
