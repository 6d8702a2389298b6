"""Space on a thumbnail: the photo large, as the buyer will see it, until Space or Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from aedesk.ui.images import ImageStore


class QuickLook(QDialog):
    def __init__(self, store: ImageStore, image_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        record = store.record(image_id)
        self.setWindowTitle(record.path.name if record else "")
        label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        image = store.preview(image_id)
        if image is None:
            label.setText(self.tr("No preview yet"))
        else:
            label.setPixmap(QPixmap.fromImage(image).scaled(
                900, 900, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        QVBoxLayout(self).addWidget(label)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.accept()
        else:
            super().keyPressEvent(event)
