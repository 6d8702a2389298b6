"""The two boards: a 花絮图 set's five slots in a row, and a 上新帖 post's grid.

Each board is a widget around a SlotView (drag and drop, placeholders) over its own
SetModel; the panel shows the board of the current set's kind and hands it the set.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QStyle, QToolButton, QVBoxLayout, QWidget

from aedesk.core.sets import CAPACITY, HUAXU, POST_LAYOUTS, ImageSet, SetEvent, grid_columns
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.board_model import SetModel
from aedesk.ui.sets.set_commands import SetLayout
from aedesk.ui.sets.slot_delegate import SlotDelegate
from aedesk.ui.sets.slot_view import WRAP_SLACK, SlotView

POST_CELL = 150  # px: a post's grid scrolls, so its cells need not fill the width
NO_EXPOSURE = (5, 7, 8)  # the exposure-count rule: these post sizes get no channel exposure


class HuaxuSlots(SlotView):
    """Always five slots, as large as the board's height allows."""

    def slots(self) -> int:
        return CAPACITY[HUAXU]

    def side(self, width: int) -> int:
        return min(width, self.viewport().height())


class PostGrid(SlotView):
    """The post's grid: columns by layout and count; placeholders up to the layout chosen."""

    def slots(self) -> int:
        s = self.set_model().set
        return max(len(s), s.layout or 3) if s is not None else 0

    def side(self, width: int) -> int:
        return min(width, POST_CELL)


class HuaxuBoard(QWidget):
    def __init__(self, store: ImageStore, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SetModel(store, undo, self)
        self.view = HuaxuSlots(self.model, SlotDelegate(cover=True, parent=self), self)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self._hint)
        self._retranslate()

    def set_set(self, s: ImageSet[int] | None) -> None:
        self.model.set_set(s)
        self.view.viewport().update()

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)

    def _retranslate(self) -> None:
        self._hint.setText(self.tr("Up to 5 images, shown in this order; slot 1 is the cover, the image "
                                   "buyers see in search."))


class PostBoard(QWidget):
    def __init__(self, store: ImageStore, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._undo = store, undo
        self.model = SetModel(store, undo, self)
        self.view = PostGrid(self.model, SlotDelegate(cover=False, parent=self), self)
        self.caption = QLabel(self)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #b45309; font-weight: bold;")
        self.note.setWordWrap(True)
        self.layouts = QButtonGroup(self)
        self.layouts.setExclusive(False)  # none is checked while the layout follows the count
        picker = QHBoxLayout()
        picker.addWidget(self.caption)
        for n in POST_LAYOUTS:
            button = QToolButton(self)
            button.setText(str(n))
            button.setCheckable(True)
            self.layouts.addButton(button, n)
            picker.addWidget(button)
        picker.addStretch(1)
        self.layouts.idClicked.connect(self._on_layout_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(picker)
        layout.addWidget(self.view, 1, Qt.AlignmentFlag.AlignHCenter)  # as wide as its columns
        layout.addWidget(self.note)
        self.model.modelReset.connect(self._on_changed)
        self.model.rowsInserted.connect(self._on_changed)
        self.model.rowsRemoved.connect(self._on_changed)
        self._retranslate()

    def set_set(self, s: ImageSet[int] | None) -> None:
        old = self.model.set
        if old is not None and old is not s:
            old.disconnect(self._on_set_event)
        if s is not None and s is not old:
            s.connect(self._on_set_event)
        self.model.set_set(s)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)

    def _retranslate(self) -> None:
        self.caption.setText(self.tr("Layout:"))
        self._on_changed()

    def _on_layout_clicked(self, n: int) -> None:
        s = self.model.set
        if s is not None and s.layout != n:
            self._undo.push(SetLayout(self._store, s, n))

    def _on_set_event(self, e: SetEvent) -> None:
        if e.type == "layout":
            self._on_changed()

    def _on_changed(self) -> None:
        s = self.model.set
        count = len(s) if s is not None else 0
        self.view.columns = grid_columns(count, s.layout if s is not None else 0)
        bar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.view.setFixedWidth(self.view.columns * POST_CELL + 2 * self.view.frameWidth() + bar + WRAP_SLACK)
        self.view.relayout()
        for n in POST_LAYOUTS:
            self.layouts.button(n).setChecked(s is not None and s.layout == n)
        self.note.setVisible(count in NO_EXPOSURE)
        self.note.setText(self.tr("%1 products get no channel exposure — use 3, 4, 6 or 9.").replace("%1", str(count)))
