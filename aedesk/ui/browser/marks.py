"""Marks: round badges along the top of the photo, each flagging one thing (verdict, QR code,
text, collage, duplicate, sets holding the image)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from aedesk.core.findings import Severity, worst
from aedesk.ui.browser.badges import AMBER, GREEN, GREY, RED, TEXT_RULES, Badge, severity_colour
from aedesk.ui.browser.item import Item

BLUE = QColor("#2f6fd6")


def _inset(rect: QRect, share: float) -> QRectF:
    """The middle of a mark, `share` of its size in from each side: where its symbol goes."""
    dx, dy = rect.width() * share, rect.height() * share
    return QRectF(rect).adjusted(dx, dy, -dx, -dy)


class Mark(Badge):
    """A round badge."""

    def width(self, item: Item, metrics: QFontMetrics) -> int:
        return max(metrics.height() + 2, metrics.horizontalAdvance(self.label(item) or "") + 6)


class VerdictMark(Mark):
    """The image's worst finding: ✓ ok, ! warning, ✕ error, … not checked yet (drawn, not glyphs)."""

    def _state(self, item: Item) -> str:
        if not item.ready:
            return "pending" if item.record is None or item.record.pending else "missing"
        verdict = worst(item.findings)
        return "error" if verdict is Severity.ERROR else "warning" if verdict is Severity.WARNING else "ok"

    def label(self, item: Item) -> str | None:
        return None if self._state(item) == "missing" else ""

    def colour(self, item: Item) -> QColor:
        return {"error": RED, "warning": AMBER, "ok": GREEN}.get(self._state(item), GREY)

    def tooltip(self, item: Item) -> str:
        state = self._state(item)
        head = {"error": QCoreApplication.translate("VerdictMark", "Errors: fix before upload"),
                "warning": QCoreApplication.translate("VerdictMark", "Warnings: upload possible, check first"),
                "ok": QCoreApplication.translate("VerdictMark", "Meets the profile's rules"),
                "pending": QCoreApplication.translate("VerdictMark", "Not checked yet")}[state]
        return "\n".join([head, *(f.text(item.language) for f in item.findings if f.severity is not Severity.INFO)])

    def paint(self, painter: QPainter, rect: QRect, item: Item) -> None:
        super().paint(painter, rect, item)
        r = _inset(rect, 0.28)
        pen = QPen(QColor("white"), max(1.5, rect.height() / 9))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        state = self._state(item)
        if state == "ok":
            painter.drawPolyline([QPointF(r.left(), r.center().y()), QPointF(r.left() + r.width() * 0.4, r.bottom()),
                                  r.topRight()])
        elif state == "error":
            painter.drawLine(r.topLeft(), r.bottomRight())
            painter.drawLine(r.topRight(), r.bottomLeft())
        elif state == "warning":
            painter.drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom() - r.height() * 0.35))
            painter.drawPoint(QPointF(r.center().x(), r.bottom()))
        else:
            for x in (r.left(), r.center().x(), r.right()):
                painter.drawPoint(QPointF(x, r.center().y()))


class QrMark(Mark):
    def label(self, item: Item) -> str | None:
        return "QR" if item.ready and item.record and item.record.facts.codes else None

    def colour(self, item: Item) -> QColor:
        return severity_colour(item.worst("qr-code"))

    def tooltip(self, item: Item) -> str:
        codes = item.record.facts.codes if item.record else ()
        head = QCoreApplication.translate("QrMark", "QR code or barcode in the picture")
        lines = [head, *(f"{c.kind}: {c.text[:60]}" for c in codes)]
        return "\n".join(lines)


class TextMark(Mark):
    def label(self, item: Item) -> str | None:
        return "T" if item.ready and item.about(*TEXT_RULES) else None

    def colour(self, item: Item) -> QColor:
        return severity_colour(item.worst(*TEXT_RULES))

    def tooltip(self, item: Item) -> str:
        return "\n".join([QCoreApplication.translate("TextMark", "Text in the picture"), item.messages(*TEXT_RULES)])


class CollageMark(Mark):
    def label(self, item: Item) -> str | None:
        collage = item.record.facts.collage if item.ready and item.record else None
        return "" if collage is not None and collage.panels > 1 else None

    def colour(self, item: Item) -> QColor:
        return severity_colour(item.worst("collage"))

    def tooltip(self, item: Item) -> str:
        collage = item.record.facts.collage if item.record else None
        panels = collage.panels if collage else 0
        return QCoreApplication.translate("CollageMark", "Stitched from %1 pictures").replace("%1", str(panels))

    def paint(self, painter: QPainter, rect: QRect, item: Item) -> None:
        super().paint(painter, rect, item)
        r = _inset(rect, 0.27)
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        painter.drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()))
        painter.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()))


class DuplicateMark(Mark):
    def label(self, item: Item) -> str | None:
        return "=" if item.ready and item.duplicate else None

    def colour(self, item: Item) -> QColor:
        return AMBER

    def tooltip(self, item: Item) -> str:
        return QCoreApplication.translate(
            "DuplicateMark", "Duplicate: the same or a nearly identical picture is in the library")


class SetsMark(Mark):
    def label(self, item: Item) -> str | None:
        return str(item.holders) if item.holders else None

    def colour(self, item: Item) -> QColor:
        return BLUE

    def tooltip(self, item: Item) -> str:
        return QCoreApplication.translate("SetsMark", "Used in %n set(s)", None, item.holders)


#: along the top of the photo: the verdict at the left, the others from the right
VERDICT = VerdictMark()
MARKS: tuple[Mark, ...] = (QrMark(), TextMark(), CollageMark(), DuplicateMark(), SetsMark())
