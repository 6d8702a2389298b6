"""Spec badges: small overlay classes, each painting one thing about an image (digiKam style).

A badge says whether it shows (`label` None: hidden), in which colour, and its tooltip; the
tile layout decides where. Colours come from the findings of the profile in force, so a
badge turns red exactly when the rule that judges it does (thresholds live in the rules).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from aedesk.core.findings import Severity
from aedesk.ui import palette
from aedesk.ui.browser.item import Item

RED, AMBER, GREEN, GREY = (QColor(c) for c in (palette.ERROR, palette.WARNING, palette.OK, palette.PENDING))
NEUTRAL = QColor(40, 44, 52, 200)
SIZE_RULES = ("min-resolution", "article-size", "banner-size")
FORMAT_RULES = ("format", "extension-mismatch", "color-mode")
TEXT_RULES = ("promo-text", "contact-info", "text-overlay")


def severity_colour(severity: Severity | None) -> QColor:
    return {Severity.ERROR: RED, Severity.WARNING: AMBER}.get(severity, NEUTRAL)  # type: ignore[arg-type]


class Badge(ABC):
    """A rounded pill with a short label."""

    @abstractmethod
    def label(self, item: Item) -> str | None: ...

    def colour(self, item: Item) -> QColor:
        return NEUTRAL

    @abstractmethod
    def tooltip(self, item: Item) -> str: ...

    def width(self, item: Item, metrics: QFontMetrics) -> int:
        return metrics.horizontalAdvance(self.label(item) or "") + metrics.height() // 2 + 2

    def paint(self, painter: QPainter, rect: QRect, item: Item) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour(item))
        radius = rect.height() / 2
        painter.drawRoundedRect(QRectF(rect), radius, radius)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label(item) or "")


class PixelSizeBadge(Badge):
    def label(self, item: Item) -> str | None:
        return f"{item.record.facts.width}×{item.record.facts.height}" if item.ready and item.record else None

    def colour(self, item: Item) -> QColor:
        return severity_colour(item.worst(*SIZE_RULES))

    def tooltip(self, item: Item) -> str:
        text = QCoreApplication.translate("PixelSizeBadge", "Pixel size: %1").replace("%1", self.label(item) or "")
        return "\n".join(filter(None, [text, item.messages(*SIZE_RULES)]))


class FormatBadge(Badge):
    def label(self, item: Item) -> str | None:
        fmt = item.record.facts.format if item.ready and item.record else None
        return {"JPEG": "JPG", "MPO": "JPG"}.get(fmt or "", fmt)

    def colour(self, item: Item) -> QColor:
        return severity_colour(item.worst(*FORMAT_RULES))

    def tooltip(self, item: Item) -> str:
        text = QCoreApplication.translate("FormatBadge", "File format: %1").replace("%1", self.label(item) or "")
        return "\n".join(filter(None, [text, item.messages(*FORMAT_RULES)]))


class FileSizeBadge(Badge):
    def label(self, item: Item) -> str | None:
        if not item.ready or item.record is None:
            return None
        size = item.record.facts.bytes
        return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"

    def colour(self, item: Item) -> QColor:
        return severity_colour(item.worst("max-file-size"))

    def tooltip(self, item: Item) -> str:
        size = item.record.facts.bytes if item.record else 0
        text = QCoreApplication.translate("FileSizeBadge", "File size: %1 bytes").replace("%1", f"{size:,}")
        return "\n".join(filter(None, [text, item.messages("max-file-size")]))


class MissingBadge(Badge):
    """Over the photo when the file is gone (a set still holds it)."""

    def label(self, item: Item) -> str | None:
        missing = item.record is not None and item.record.missing
        return QCoreApplication.translate("MissingBadge", "missing") if missing else None

    def colour(self, item: Item) -> QColor:
        return RED

    def tooltip(self, item: Item) -> str:
        return QCoreApplication.translate("MissingBadge", "The file is no longer on disk; a set still holds it.")


#: under the photo, left to right; a badge that does not fit the tile is left out
SPEC_BADGES: tuple[Badge, ...] = (PixelSizeBadge(), FormatBadge(), FileSizeBadge())
