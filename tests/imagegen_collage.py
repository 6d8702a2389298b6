"""Collages as sellers make them: photos cropped into the cells of a grid, optional gutters.

Layouts: "CxR" grids (2x1 = two side by side, 1x2 = two stacked, 2x2, 3x3, 3x1…) and "1+2"
(one tall photo on the left, two stacked on the right). Cells are filled by centre-cropping
each photo to the cell's aspect ratio, as collage apps do.
"""

from __future__ import annotations

from collections.abc import Sequence

from imagegen import Rgb
from PIL import Image, ImageOps

Cell = tuple[int, int, int, int]


def _grid(x0: int, y0: int, x1: int, y1: int, cols: int, rows: int, gutter: int) -> list[Cell]:
    cw = (x1 - x0 - gutter * (cols - 1)) / cols
    rh = (y1 - y0 - gutter * (rows - 1)) / rows
    return [
        (
            round(x0 + c * (cw + gutter)),
            round(y0 + r * (rh + gutter)),
            round(x0 + c * (cw + gutter) + cw),
            round(y0 + r * (rh + gutter) + rh),
        )
        for r in range(rows)
        for c in range(cols)
    ]


def cells(layout: str, size: tuple[int, int], gutter: int = 0, border: int = 0) -> list[Cell]:
    """The panel rectangles of `layout` on a canvas of `size`."""
    w, h = size
    x0, y0, x1, y1 = border, border, w - border, h - border
    if layout == "1+2":
        mid = (x0 + x1 - gutter) // 2
        return [(x0, y0, mid, y1), *_grid(mid + gutter, y0, x1, y1, 1, 2, gutter)]
    cols, rows = (int(n) for n in layout.split("x"))
    return _grid(x0, y0, x1, y1, cols, rows, gutter)


def collage(
    photos: Sequence[Image.Image],
    layout: str,
    size: tuple[int, int] = (1400, 1400),
    gutter: int = 0,
    border: int = 0,
    gutter_colour: Rgb = (255, 255, 255),
) -> Image.Image:
    """Stitch `photos` (used in turn, cycling) into the cells of `layout`."""
    canvas = Image.new("RGB", size, gutter_colour)
    for i, (x0, y0, x1, y1) in enumerate(cells(layout, size, gutter, border)):
        photo = photos[i % len(photos)].convert("RGB")
        canvas.paste(ImageOps.fit(photo, (x1 - x0, y1 - y0), Image.Resampling.LANCZOS), (x0, y0))
    return canvas
