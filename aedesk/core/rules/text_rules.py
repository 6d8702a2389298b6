"""Classify recognised text: contact information, promotional words, or other overlaid text.

Pure functions over `TextFacts`, so a changed word list re-judges cached OCR results without
running OCR again. Each line yields its contact and promo hits; a line with neither is a
`text-overlay` hit. Text that looks printed on the product (small, inside the foreground,
low contrast) is flagged `product_text`, and its findings are capped at warning: a brand
logo on the item is what the platform wants to see, not an overlay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aedesk.core.analysis.facts import Box, TextBox, TextFacts
from aedesk.core.rules.text_lists import TextLists, load_text_lists, normalise, readings

__all__ = ["TextHit", "classify_text", "is_product_text", "load_text_lists"]

CONTACT, PROMO, OVERLAY = "contact-info", "promo-text", "text-overlay"

# An overlay needs a confident read of at least two letters, digits or CJK characters:
# single glyphs and low-score reads on busy backgrounds are mostly texture.
OVERLAY_MIN_SCORE = 0.7
OVERLAY_MIN_CHARS = 2
_WORD_CHAR = re.compile(r"[0-9a-z\u3400-\u9fff]")

# Product-text weighing (see is_product_text)
SMALL_HEIGHT, LARGE_HEIGHT = 0.04, 0.10  # line height as a fraction of the image height
LOW_CONTRAST, HIGH_CONTRAST = 0.35, 0.75
ON_PRODUCT = 0.8  # share of the line that must lie inside the foreground box
CENTRAL = (0.15, 0.85)  # the region a product sits in when no foreground box is known
PRODUCT_SCORE = 0.7


@dataclass(frozen=True)
class TextHit:
    """One verdict on one recognised line."""

    rule: str  # "contact-info" | "promo-text" | "text-overlay"
    kind: (
        str  # phone, email, url, messenger, contact-word, promo-word, promo-pattern, overlay, logo
    )
    text: str  # the recognised line
    box: Box
    product_text: bool  # looks printed on the product: severity capped at warning
    match: str = ""  # the part that made the verdict (normalised); empty for an overlay


def classify_text(
    text: TextFacts, lists: TextLists, foreground: Box | None = None
) -> tuple[TextHit, ...]:
    """Every hit in the recognised lines, in reading order; one per rule and kind per line."""
    hits: list[TextHit] = []
    for line in text.boxes:
        views = readings(normalise(line.text))
        product = is_product_text(line, foreground)
        found: dict[tuple[str, str], str] = {}
        for rule, matchers in ((CONTACT, lists.contact), (PROMO, lists.promo)):
            for m in matchers:
                if (rule, m.kind) not in found and (part := m.search(views)) is not None:
                    found[rule, m.kind] = part
        if found:
            hits += [TextHit(r, k, line.text, line.box, product, m) for (r, k), m in found.items()]
        elif _readable(line, views[0]):
            hits.append(
                TextHit(OVERLAY, "logo" if product else "overlay", line.text, line.box, product)
            )
    return tuple(hits)


def is_product_text(line: TextBox, foreground: Box | None) -> bool:
    """Whether a line looks printed on the product rather than laid over the photo.

    Weighs position (0.5: the share of the line inside the foreground box; without one, 0.6
    if the line lies in the central region), size (0.3: 1 at or below SMALL_HEIGHT, 0 at
    LARGE_HEIGHT) and contrast (0.2: 1 at or below LOW_CONTRAST, 0 at HIGH_CONTRAST, 0.5 if
    unknown). Product text needs the weighted sum to reach PRODUCT_SCORE and the line to be
    on the product (ON_PRODUCT of it inside the foreground; without a foreground box, inside
    the central region, and then it takes small size and modest contrast too).
    """
    x, y, w, h = line.box
    if foreground is not None:
        position = _inside_share(line.box, foreground)
        on_product = position >= ON_PRODUCT
    else:
        lo, hi = CENTRAL
        on_product = lo <= x and x + w <= hi and lo <= y and y + h <= hi
        position = 0.6 if on_product else 0.0
    size = _ramp(h, SMALL_HEIGHT, LARGE_HEIGHT)
    contrast = 0.5 if line.contrast is None else _ramp(line.contrast, LOW_CONTRAST, HIGH_CONTRAST)
    score = 0.5 * position + 0.3 * size + 0.2 * contrast
    return on_product and score >= PRODUCT_SCORE - 1e-9


def _readable(line: TextBox, norm: str) -> bool:
    return line.score >= OVERLAY_MIN_SCORE and len(_WORD_CHAR.findall(norm)) >= OVERLAY_MIN_CHARS


def _ramp(value: float, full: float, zero: float) -> float:
    """1 at or below `full`, 0 at or above `zero`, linear between."""
    return min(1.0, max(0.0, (zero - value) / (zero - full)))


def _inside_share(box: Box, outer: Box) -> float:
    ix = max(0.0, min(box[0] + box[2], outer[0] + outer[2]) - max(box[0], outer[0]))
    iy = max(0.0, min(box[1] + box[3], outer[1] + outer[3]) - max(box[1], outer[1]))
    area = box[2] * box[3]
    return ix * iy / area if area > 0 else 0.0
