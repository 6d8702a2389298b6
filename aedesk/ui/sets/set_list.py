"""SetList: the list of sets with New 花絮图 set / New 上新帖 post / Rename / Duplicate / Delete.

Every button is an undo command on the window's stack; Rename (F2, or a double-click) edits
the name in place and the model turns the new name into a command. `chosen` tells which set
the user is on, also after the list was re-read (the same set stays chosen when it still
exists, else the first).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QListView, QToolButton, QVBoxLayout, QWidget

from aedesk.core.sets import HUAXU, NEW_ARRIVAL, ImageSet
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.list_model import SET_ROLE, SetListModel
from aedesk.ui.sets.set_commands import DeleteSet, create_set, duplicate_set

ACTIONS = ("huaxu", "post", "rename", "duplicate", "delete")


class SetList(QWidget):
    #: the user is on another set (an ImageSet, or None when there is none)
    chosen = Signal(object)

    def __init__(self, store: ImageStore, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._undo = store, undo
        self._resetting = False
        self._kept: ImageSet[int] | None = None  # the set chosen when the list was re-read
        self.model = SetListModel(store, undo, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                  QAbstractItemView.EditTrigger.EditKeyPressed)
        self.actions_ = {name: QAction(self) for name in ACTIONS}
        self.buttons = {name: QToolButton(self) for name in ACTIONS}
        tools = QGridLayout()  # two rows: new sets, then edits of the current one
        for n, name in enumerate(ACTIONS):
            self.buttons[name].setDefaultAction(self.actions_[name])
            self.view.addAction(self.actions_[name])
            tools.addWidget(self.buttons[name], *divmod(n + (n > 1), 3))
        tools.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        self.actions_["rename"].setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.actions_["rename"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.actions_["huaxu"].triggered.connect(lambda: self._on_new(HUAXU))
        self.actions_["post"].triggered.connect(lambda: self._on_new(NEW_ARRIVAL))
        self.actions_["rename"].triggered.connect(self._on_rename)
        self.actions_["duplicate"].triggered.connect(self._on_duplicate)
        self.actions_["delete"].triggered.connect(self._on_delete)
        self.view.selectionModel().currentChanged.connect(self._on_current_row)
        self.model.modelAboutToBeReset.connect(self._on_about_to_reset)
        self.model.modelReset.connect(self._on_reset)
        self._retranslate()

    def current(self) -> ImageSet[int] | None:
        index = self.view.currentIndex()
        return self.model.set_at(index.row()) if index.isValid() else None

    def select(self, s: ImageSet[int] | None) -> None:
        row = self.model.row_of(s)
        if row < 0:
            self.view.selectionModel().clear()
            self.chosen.emit(None)
        else:
            self.view.selectionModel().setCurrentIndex(self.model.index(row),
                                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.chosen.emit(s)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)

    def _retranslate(self) -> None:
        texts = (self.tr("New 花絮图 set"), self.tr("New 上新帖 post"), self.tr("Rename"), self.tr("Duplicate"),
                 self.tr("Delete set"))
        for name, text in zip(ACTIONS, texts, strict=True):
            self.actions_[name].setText(text)

    def _on_current_row(self, current: QModelIndex) -> None:
        if not self._resetting:
            self.chosen.emit(current.data(SET_ROLE) if current.isValid() else None)

    def _on_about_to_reset(self) -> None:
        self._resetting, self._kept = True, self.current()

    def _on_reset(self) -> None:
        self._resetting = False
        self.select(self._kept if self.model.row_of(self._kept) >= 0 else self.model.set_at(0))

    def _on_new(self, kind: str) -> None:
        name = self.tr("New 花絮图 set") if kind == HUAXU else self.tr("New 上新帖 post")
        command = create_set(self._store, kind, f"{name} {len(self._store.sets()) + 1}")
        self._undo.push(command)
        self.select(command.set)

    def _on_rename(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.edit(self.view.currentIndex())

    def _on_duplicate(self) -> None:
        s = self.current()
        if s is not None:
            command = duplicate_set(self._store, s, self.tr("%1 copy").replace("%1", s.name))
            self._undo.push(command)
            self.select(command.set)

    def _on_delete(self) -> None:
        s = self.current()
        if s is not None:
            self._undo.push(DeleteSet(self._store, s))
