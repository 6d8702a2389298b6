"""Paints one slot of a board: thumbnail, slot number, verdict mark, cover label, missing file.

Also paints the empty slots (dashed placeholders with their number), so a user sees where
the next images go; the views call `paint_placeholder` for those.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from aedesk.core.findings import Severity
from aedesk.ui import palette
from aedesk.ui.sets.board_model import Role

Index = QModelIndex | QPersistentModelIndex
MARGIN = 6


def square(cell: QRect) -> QRect:
    """The slot's card: the largest square in the cell, inside a margin, centred across."""
    side = min(cell.width(), cell.height()) - 2 * MARGIN
    return QRect(cell.x() + (cell.width() - side) // 2, cell.y() + MARGIN, side, side)


class SlotDelegate(QStyledItemDelegate):
    """`cover`: slot 1 is the 花絮图 cover and says so."""

    def __init__(self, cover: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cover = cover
        self.cell = QSize(150, 150)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.cell

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = square(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(card, QColor("#f4f4f5"))
        image = index.data(Role.THUMBNAIL)
        if index.data(Role.MISSING):
            self._centred_text(painter, card, self.tr("File missing"), QColor(palette.ERROR))
        elif image is not None and not image.isNull():
            scaled = image.scaled(card.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            x = card.x() + (card.width() - scaled.width()) // 2
            y = card.y() + (card.height() - scaled.height()) // 2
            painter.drawImage(x, y, scaled)
        else:
            self._centred_text(painter, card, self.tr("Loading…"), QColor("#71717a"))
        slot = int(index.data(Role.SLOT))
        self._badge(painter, QRect(card.x() + 4, card.y() + 4, 24, 20), str(slot), QColor("#27272a"))
        verdict = Severity.ERROR if index.data(Role.MISSING) else index.data(Role.VERDICT)
        mark = QRect(card.right() - 18, card.y() + 6, 13, 13)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QColor(palette.SEVERITY[verdict]))
        painter.drawEllipse(mark)
        if self.cover and slot == 1:
            band = QRect(card.x(), card.bottom() - 22, card.width(), 23)
            self._badge(painter, band, self.tr("Cover"), QColor(220, 38, 38, 220))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#2563eb") if selected else QColor("#d4d4d8"), 3 if selected else 1))
        painter.drawRect(card)
        painter.restore()

    def paint_placeholder(self, painter: QPainter, rect: QRect, slot: int) -> None:
        card = square(rect)
        painter.save()
        painter.setPen(QPen(QColor("#a1a1aa"), 1.5, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(card, 6, 6)
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        painter.setFont(font)
        painter.drawText(card, Qt.AlignmentFlag.AlignCenter, str(slot))
        painter.restore()
        if self.cover and slot == 1:
            painter.save()
            painter.setPen(QColor("#a1a1aa"))
            painter.drawText(card.adjusted(0, 0, 0, -6), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             self.tr("Cover"))
            painter.restore()

    def _badge(self, painter: QPainter, rect: QRect, text: str, colour: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _centred_text(self, painter: QPainter, rect: QRect, text: str, colour: QColor) -> None:
        painter.setPen(colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
