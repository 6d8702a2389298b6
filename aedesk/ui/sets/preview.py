"""SetPreviewDialog: the set as buyers will see it.

A 花絮图 set is a carousel in upload order, the cover first (large image, Previous/Next and
the Left/Right keys, "1 / 3 · Cover", a strip of thumbnails to jump); a 上新帖 post is its
grid, with the columns the editor uses for its layout.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from aedesk.core.sets import HUAXU, ImageSet, grid_columns
from aedesk.ui.images import ImageStore

LARGE = 560
CELL = 200
STRIP = 64


def _pixmap(image: QImage | None, side: int) -> QPixmap:
    if image is None or image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class SetPreviewDialog(QDialog):
    def __init__(self, store: ImageStore, s: ImageSet[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set = s
        self._images = [store.preview(i) for i in s]
        self.current = 0
        self.setWindowTitle(self.tr("Preview: %1").replace("%1", s.name))
        layout = QVBoxLayout(self)
        self.image = QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter)
        self.strip: list[QToolButton] = []
        if s.kind == HUAXU:
            self._carousel(layout)
        else:
            self._grid(layout)

    def _carousel(self, layout: QVBoxLayout) -> None:
        self.previous, self.next = QToolButton(self), QToolButton(self)
        for button, text in ((self.previous, "‹"), (self.next, "›")):
            button.setText(text)
            button.setAutoRaise(True)
            button.setStyleSheet("font-size: 32px;")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.previous.clicked.connect(lambda: self.show_slot(self.current - 1))
        self.next.clicked.connect(lambda: self.show_slot(self.current + 1))
        self.image.setMinimumSize(LARGE, LARGE)
        row = QHBoxLayout()
        row.addWidget(self.previous)
        row.addWidget(self.image, 1)
        row.addWidget(self.next)
        strip = QHBoxLayout()
        strip.addStretch(1)
        for n, image in enumerate(self._images):
            button = QToolButton(self)
            button.setIconSize(QSize(STRIP, STRIP))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(QIcon(_pixmap(image, STRIP)))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, n=n: self.show_slot(n))
            self.strip.append(button)
            strip.addWidget(button)
        strip.addStretch(1)
        layout.addLayout(row, 1)
        layout.addWidget(self.label)
        layout.addLayout(strip)
        self.show_slot(0)

    def _grid(self, layout: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setSpacing(4)
        columns = grid_columns(len(self._images), self._set.layout)
        for n, image in enumerate(self._images):
            cell = QLabel(self, alignment=Qt.AlignmentFlag.AlignCenter)
            cell.setFixedSize(CELL, CELL)
            cell.setStyleSheet("background: #f4f4f5;")
            cell.setPixmap(_pixmap(image, CELL))
            grid.addWidget(cell, *divmod(n, columns))
        self.label.setText(self.tr("%1 products").replace("%1", str(len(self._images))))
        layout.addWidget(self.label)
        layout.addLayout(grid)

    def show_slot(self, n: int) -> None:
        """Show slot `n` (from 0) of the carousel, kept within the set."""
        if not self._images:
            self.label.setText(self.tr("This set is empty."))
            return
        self.current = max(0, min(n, len(self._images) - 1))
        self.image.setPixmap(_pixmap(self._images[self.current], LARGE))
        text = f"{self.current + 1} / {len(self._images)}"
        self.label.setText(text + " · " + self.tr("Cover") if self.current == 0 else text)
        self.previous.setEnabled(self.current > 0)
        self.next.setEnabled(self.current < len(self._images) - 1)
        for k, button in enumerate(self.strip):
            button.setChecked(k == self.current)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self._set.kind == HUAXU and e.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.show_slot(self.current + (1 if e.key() == Qt.Key.Key_Right else -1))
            return
        super().keyPressEvent(e)
