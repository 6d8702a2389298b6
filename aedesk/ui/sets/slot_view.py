"""SlotView: a board's QListView over a SetModel, laid out as a fixed number of columns.

It owns the drag and drop of a board: where a drop lands (`drop_row`, shown by a bar), the
drop itself (handed to `SetModel.dropMimeData`, which makes one undo command), and drags
out of the board: the command of the board dropped on does the whole move, so Qt never
removes source rows; a slot dropped outside every board is removed. Delete/Backspace
removes the selected slots. Empty slots up to `slots()` are painted as placeholders.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from aedesk.ui.sets.board_model import Role, SetModel
from aedesk.ui.sets.commands import RemoveImages
from aedesk.ui.sets.slot_delegate import SlotDelegate

WRAP_SLACK = 2  # px: Qt wraps a row that exactly fills the viewport
DRAG_SIDE = 72  # px: the thumbnail under the cursor while dragging slots


class SlotView(QListView):
    def __init__(self, model: SetModel, delegate: SlotDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = 5
        self._drop_at = -1
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setSpacing(0)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.viewport().setAcceptDrops(True)  # QListView's Static movement turned it off
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.delegate = delegate

    def set_model(self) -> SetModel:
        model = self.model()
        assert isinstance(model, SetModel)
        return model

    def slots(self) -> int:
        """How many slots to draw: the items, and placeholders after them."""
        return self.model().rowCount()

    def side(self, width: int) -> int:
        """The height of a row of cells `width` wide (the slots are drawn square in them)."""
        return width

    def cell(self) -> QSize:
        """A grid cell: exactly `columns` of them fill the width, so Qt wraps where we count."""
        width = max(60, (self.viewport().width() - WRAP_SLACK) // self.columns)
        return QSize(width, max(60, self.side(width)))

    def cell_rect(self, slot: int) -> QRect:
        """Where slot `slot` (from 0) is drawn, in viewport coordinates."""
        size = self.cell()
        row, col = divmod(slot, self.columns)
        return QRect(QPoint(col * size.width(), row * size.height() - self.verticalOffset()), size)

    def relayout(self) -> None:
        self.delegate.cell = self.cell()
        self.setGridSize(self.cell())
        self.viewport().update()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        self.relayout()

    # painting
    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        painter = QPainter(self.viewport())
        for slot in range(self.model().rowCount(), self.slots()):
            self.delegate.paint_placeholder(painter, self.cell_rect(slot), slot + 1)
        if self._drop_at >= 0:
            rect = self.cell_rect(self._drop_at)
            painter.fillRect(QRect(rect.x(), rect.y() + 4, 4, rect.height() - 8), QColor("#2563eb"))
        painter.end()

    # dropping
    def drop_row(self, pos: QPoint) -> int:
        """The row a drop at `pos` lands before (the row count: after the last)."""
        for row in range(self.model().rowCount()):
            rect = self.cell_rect(row)
            if pos.y() < rect.top() or (pos.y() <= rect.bottom() and pos.x() < rect.center().x()):
                return row
        return self.model().rowCount()

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        self.dragMoveEvent(e)

    def dragMoveEvent(self, e: QDragMoveEvent) -> None:
        model = self.set_model()
        if not model.canDropMimeData(e.mimeData(), e.dropAction(), -1, 0, self.rootIndex()):
            e.ignore()
            return
        self._drop_at = self.drop_row(e.position().toPoint())
        e.setDropAction(self._action(e))
        e.accept()
        self.viewport().update()

    def dragLeaveEvent(self, e: object) -> None:
        self._drop_at = -1
        self.viewport().update()

    def dropEvent(self, e: QDropEvent) -> None:
        self._drop_at = -1
        self.viewport().update()
        action = self._action(e)
        if self.set_model().dropMimeData(e.mimeData(), action, self.drop_row(e.position().toPoint()), 0,
                                         self.rootIndex()):
            e.setDropAction(action)
            e.accept()
        else:
            e.ignore()

    @staticmethod
    def _action(e: QDropEvent) -> Qt.DropAction:
        """Copy with Ctrl held. A drag of this app's proposes the platform's choice (Option on
        macOS); one without a source here (another program) has only the modifiers to go by."""
        if e.source() is not None:
            return e.proposedAction()
        ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return Qt.DropAction.CopyAction if ctrl else Qt.DropAction.MoveAction

    # dragging out, deleting
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData([self.model().index(r, 0) for r in rows]))
        thumbnail = self.model().index(rows[0], 0).data(Role.THUMBNAIL)
        if thumbnail is not None:
            small = thumbnail.scaled(DRAG_SIDE, DRAG_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
            drag.setPixmap(QPixmap.fromImage(small))
        result = drag.exec(supportedActions, Qt.DropAction.MoveAction)
        target = drag.target()  # a board's viewport, when dropped on one
        on_board = isinstance(target, QWidget) and isinstance(target.parentWidget(), SlotView)
        if result == Qt.DropAction.IgnoreAction and not on_board:
            self.remove_rows(rows)

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedIndexes()})

    def remove_rows(self, rows: list[int]) -> None:
        model = self.set_model()
        if rows and model.set is not None:
            model.undo.push(RemoveImages(model.store, model.set, rows))

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_rows():
            self.remove_rows(self.selected_rows())
            return
        super().keyPressEvent(e)
