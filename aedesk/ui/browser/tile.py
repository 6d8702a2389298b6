"""Where things go in a grid tile: the photo square, the marks along its top edge, the spec
pills under it and the file name, for any thumbnail size.

Badges never overlap: each row takes badges while they fit and leaves out the rest (the
tooltip still tells everything), and marks cover at most a strip at the photo's top.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics

from aedesk.ui.browser.badges import SPEC_BADGES, Badge, MissingBadge
from aedesk.ui.browser.item import Item
from aedesk.ui.browser.marks import MARKS, VERDICT

MARGIN = 4
GAP = 3
MISSING = MissingBadge()


def tile_size(icon: QSize, metrics: QFontMetrics, small: QFontMetrics) -> QSize:
    side = icon.width()
    return QSize(side + 2 * MARGIN, side + 4 * MARGIN + small.height() + 2 + metrics.height())


class TileLayout:
    def __init__(self, rect: QRect, icon: QSize, metrics: QFontMetrics, small: QFontMetrics) -> None:
        side = min(icon.width(), rect.width() - 2 * MARGIN)
        self.photo = QRect(rect.left() + (rect.width() - side) // 2, rect.top() + MARGIN, side, side)
        self._pill_h = small.height() + 2
        self.spec = QRect(self.photo.left(), self.photo.bottom() + 1 + MARGIN, side, self._pill_h)
        self.name = QRect(self.photo.left(), self.spec.bottom() + 1 + MARGIN, side, metrics.height())
        self._small = small

    def badges(self, item: Item) -> list[tuple[Badge, QRect]]:
        """Every badge that shows for `item`, with its rectangle."""
        placed: list[tuple[Badge, QRect]] = []
        x = self.spec.left()
        for badge in SPEC_BADGES:
            if badge.label(item) is None:
                continue
            width = badge.width(item, self._small)
            if x + width > self.spec.right() + 1:
                break
            placed.append((badge, QRect(x, self.spec.top(), width, self._pill_h)))
            x += width + GAP
        top, left = self.photo.top() + GAP, self.photo.left() + GAP
        if VERDICT.label(item) is not None:
            verdict = QRect(left, top, VERDICT.width(item, self._small), self._pill_h)
            placed.append((VERDICT, verdict))
            left = verdict.right() + 1 + GAP
        right = self.photo.right() + 1 - GAP
        for mark in MARKS:
            if mark.label(item) is None:
                continue
            width = mark.width(item, self._small)
            if right - width < left:
                break
            placed.append((mark, QRect(right - width, top, width, self._pill_h)))
            right -= width + GAP
        if MISSING.label(item) is not None:
            width = min(MISSING.width(item, self._small), self.photo.width())
            rect = QRect(0, 0, width, self._pill_h)
            rect.moveCenter(self.photo.center())
            placed.append((MISSING, rect))
        return placed
