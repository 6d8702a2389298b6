"""Paints one grid tile: placeholder then thumbnail, badges, file name; badge tooltips.

The thumbnail is asked for on every paint (`ThumbnailRole`): None queues its load and a
placeholder is painted at once; the store's `changed` repaints the row when it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QImage, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from aedesk.core.findings import Severity
from aedesk.ui.browser.item import Item
from aedesk.ui.browser.model import Role
from aedesk.ui.browser.tile import TileLayout, tile_size
from aedesk.ui.images import ImageStore

Index = QModelIndex | QPersistentModelIndex
PLACEHOLDER = QColor(128, 128, 128, 40)


class ThumbnailDelegate(QStyledItemDelegate):
    def __init__(self, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return tile_size(option.decorationSize, option.fontMetrics, QFontMetrics(self._small(option)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item, layout = Item.of(index, self._store.language), self._layout(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 5, 5)
        painter.fillRect(layout.photo, PLACEHOLDER)
        image = index.data(Role.ThumbnailRole)
        if isinstance(image, QImage) and not image.isNull():
            size = image.size().scaled(layout.photo.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, size.width(), size.height())
            target.moveCenter(QRectF(layout.photo).center())
            painter.drawImage(target, image)
        painter.setFont(self._small(option))
        for badge, rect in layout.badges(item):
            badge.paint(painter, rect, item)
        painter.setFont(option.font)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        name = option.fontMetrics.elidedText(item.name, Qt.TextElideMode.ElideMiddle, layout.name.width())
        painter.drawText(layout.name, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, name)
        painter.restore()

    def tooltip_at(self, option: QStyleOptionViewItem, index: Index, pos: QPoint) -> str:
        """The tooltip of the badge under `pos` (viewport coordinates), else the image's summary."""
        item = Item.of(index, self._store.language)
        for badge, rect in self._layout(option).badges(item):
            if rect.contains(pos):
                return badge.tooltip(item)
        return self._summary(index, item)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: Index) -> bool:
        if event.type() != QHelpEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), self.tooltip_at(option, index, event.pos()), view)
        return True

    def _summary(self, index: Index, item: Item) -> str:
        lines = [str(index.data(Role.PathRole))]
        if item.ready and item.record is not None:
            lines.append(f"{item.record.facts.width}×{item.record.facts.height} px")
        lines += [f.text(item.language) for f in item.findings if f.severity is not Severity.INFO]
        return "\n".join(lines)

    def _layout(self, option: QStyleOptionViewItem) -> TileLayout:
        return TileLayout(option.rect, option.decorationSize, option.fontMetrics, QFontMetrics(self._small(option)))

    @staticmethod
    def _small(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        font.setBold(True)
        return font
