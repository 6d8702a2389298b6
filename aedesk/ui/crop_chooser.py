"""The banner crop chooser: the photo with a 750 × 360 window the user drags into place.

The window keeps the banner's aspect; dragging moves it, the mouse wheel resizes it around
its centre. `window()` is the normalised (x, y, w, h) of the upright image, as the export's
`crop_windows` take it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

Box = tuple[float, float, float, float]


class CropChooser(QWidget):
    #: the window moved or was resized (its normalised box)
    windowChanged = Signal(tuple)

    def __init__(self, image: QImage, aspect: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image, self._aspect = image, aspect
        self._box = self._fitted(1.0, (0.5, 0.5))
        self._grab: QPointF | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(480, max(1, round(480 * self._image.height() / max(self._image.width(), 1))))

    def crop_window(self) -> Box:
        return self._box

    def _widest(self) -> float:
        """The width (normalised) of the largest window of the aspect that fits."""
        return min(1.0, self._aspect * max(self._image.height(), 1) / max(self._image.width(), 1))

    def _fitted(self, scale: float, centre: tuple[float, float]) -> Box:
        """The window of the aspect at `scale` of the largest, around `centre`, inside the image."""
        w = self._widest() * scale
        h = w * max(self._image.width(), 1) / max(self._image.height(), 1) / self._aspect
        return self._clamped((centre[0] - w / 2, centre[1] - h / 2, w, h))

    @staticmethod
    def _clamped(box: Box) -> Box:
        x, y, w, h = box
        return (min(max(x, 0.0), 1.0 - w), min(max(y, 0.0), 1.0 - h), w, h)

    def _image_rect(self) -> QRectF:
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                      size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self._image_rect()
        painter.drawImage(area, self._image)
        x, y, w, h = self._box
        window = QRectF(area.x() + x * area.width(), area.y() + y * area.height(), w * area.width(),
                        h * area.height())
        shade = QColor(0, 0, 0, 120)
        for part in (QRectF(area.topLeft(), QPointF(area.right(), window.top())),
                     QRectF(QPointF(area.left(), window.bottom()), area.bottomRight()),
                     QRectF(QPointF(area.left(), window.top()), window.bottomLeft()),
                     QRectF(window.topRight(), QPointF(area.right(), window.bottom()))):
            painter.fillRect(part, shade)
        painter.setPen(QPen(QColor("#ff6a00"), 2))
        painter.drawRect(window)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._grab = event.position()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._grab is None:
            return
        area, delta = self._image_rect(), event.position() - self._grab
        self._grab = event.position()
        x, y, w, h = self._box
        self._set(self._clamped((x + delta.x() / area.width(), y + delta.y() / area.height(), w, h)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        x, y, w, h = self._box
        scale = w / self._widest() * (0.9 if event.angleDelta().y() > 0 else 1 / 0.9)
        self._set(self._fitted(min(1.0, max(0.2, scale)), (x + w / 2, y + h / 2)))

    def _set(self, box: Box) -> None:
        if box != self._box:
            self._box = box
            self.update()
            self.windowChanged.emit(box)
