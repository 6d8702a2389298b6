"""The thumbnail grid: icon mode over the filter model, keys for preview and set slots,
drags of the selection into the sets boards, folder drops from the file manager."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from aedesk.ui.browser.delegate import ThumbnailDelegate
from aedesk.ui.browser.drops import accept_folders, watch_dropped
from aedesk.ui.browser.model import Role
from aedesk.ui.images import ImageStore

SLOT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}


class GridView(QListView):
    #: catalog id of the current image, -1 for none
    currentImageChanged = Signal(int)
    #: Space on the current image: show it large (its id)
    previewRequested = Signal(int)
    #: keys 1..5 with a selection: put the selected images into that slot (the slot number)
    slotRequested = Signal(int)

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setAcceptDrops(True)  # folders from the file manager, handled below
        self.setIconSize(QSize(160, 160))
        self.setItemDelegate(ThumbnailDelegate(store, self))
        self._visible = QTimer(self, singleShot=True, interval=50)
        self._visible.timeout.connect(self._on_settled)
        self.verticalScrollBar().valueChanged.connect(self._visible.start)

    def selected_ids(self) -> list[int]:
        """The selected images' ids, in view order."""
        rows = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row()) if self.selectionModel() else []
        return [i.data(Role.IdRole) for i in rows]

    def visible_ids(self) -> list[int]:
        """Ids of the tiles in the viewport (probed on a grid of points half a tile apart)."""
        step = max(8, self.iconSize().width() // 2)
        rect = self.viewport().rect()
        rows = {self.indexAt(QPoint(x, y)).row() for x in range(0, rect.width(), step)
                for y in range(0, rect.height(), step)} - {-1}
        model = self.model()
        return [model.index(r, 0).data(Role.IdRole) for r in range(min(rows), max(rows) + 1)] if rows else []

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        self.currentImageChanged.emit(current.data(Role.IdRole) if current.isValid() else -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and current.isValid():
            self.previewRequested.emit(current.data(Role.IdRole))
        elif event.key() in SLOT_KEYS and self.selectionModel().hasSelection():
            self.slotRequested.emit(SLOT_KEYS[Qt.Key(event.key())])
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._visible.start()

    def rowsInserted(self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int) -> None:
        super().rowsInserted(parent, start, end)
        self._visible.start()

    # folders dropped from the file manager
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_folders(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_folders(event)

    def dropEvent(self, event: QDropEvent) -> None:
        watch_dropped(self._store.library, event)

    def _on_settled(self) -> None:
        ids = self.visible_ids() if self.model() is not None else []
        if ids:
            self._store.library.prioritise(ids)
