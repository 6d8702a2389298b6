"""Is the image stitched from several photos (拼图, 网图拼接)? Which panels, which seams?

A collage app cuts the canvas with straight lines at simple fractions (halves, thirds,
quarters) and puts a photo in each cell, with or without a gutter of one flat colour. So a
seam is looked for only near those fractions of a region (`FRACTIONS`), and it must run
the region's whole length (evidence: `seams.LineScan`):

- a hard seam: at (nearly) every point along the line the brightness jumps across it far
  more than it varies beside it, with no stretch of the line lacking that jump. Photos have
  long straight edges too, but a horizon or table edge is hidden where the product stands,
  a shadow edge is soft, and a window frame, a pole or a stripe is a strip with a parallel
  edge close by, which a seam between two photos does not have;
- a gutter: a narrow run of columns that are flat along their whole length, with content
  that differs from it along most of both edges. A studio backdrop is flat too, but wide.

Regions split by full-length seams are searched again (a "1 + 2" layout has a short seam in
one half). When no line runs the whole length, as when two photos on near-identical white
backdrops meet, a T or + junction still counts: two lines at collage fractions, each
showing a seam from an edge of the image up to where it meets the other.

The image is read as luminance at full input scale across the lines, because a seam's
sharpness is lost by downscaling, and averaged in fours along them.
"""

from __future__ import annotations

import itertools

import numpy as np
from PIL import Image

from aedesk.core.analysis.facts import Collage
from aedesk.core.analysis.pixels import UInt8Array
from aedesk.core.analysis.seams import Grey, LineScan

FRACTIONS = (1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4)  # where collage apps cut a region
MIN_REGION = 96  # px: regions smaller than this are not searched for seams
DEPTH = 2  # times a panel is searched again after a split
STRIDE = 4  # lines along the seam are averaged in groups of this many
Box = tuple[int, int, int, int]  # y0, x0, y1, x1 in input pixels


def detect_collage(rgb: UInt8Array) -> Collage:
    """Panels and seams of `rgb` (H×W×3 uint8); `Collage(1)` for a single photo.

    Seams are ("v", x) for a vertical line at x (fraction of the width) and ("h", y) for a
    horizontal one; a seam that divides only one panel (a "1 + 2" layout) is listed too.
    Panels are counted from the seams found, so a seam that cannot be seen (two white
    backdrops meeting) makes the count low, though never 1 once any seam is found.
    """
    grey = Image.fromarray(np.ascontiguousarray(rgb)).convert("L")
    # averaged along the line direction only: less noise, the same sharpness across it
    along_y = np.asarray(grey.reduce((1, STRIDE)), dtype=np.int16)
    along_x = np.asarray(grey.reduce((STRIDE, 1)), dtype=np.int16).T
    seams: list[tuple[str, float]] = []
    whole = _scans(along_y, along_x, (0, 0, grey.height, grey.width))
    panels = _split(along_y, along_x, (0, 0, grey.height, grey.width), DEPTH, seams, whole)
    if panels == 1 and whole[0] and whole[1]:
        panels = _junction(whole[0], whole[1], seams)
    return Collage(panels, tuple(sorted(seams)))


def _scans(along_y: Grey, along_x: Grey, box: Box) -> tuple[LineScan | None, LineScan | None]:
    """Line evidence in `box` for vertical and for horizontal lines (None: too small)."""
    y0, x0, y1, x1 = box
    vertical = (
        LineScan(along_y[y0 // STRIDE : y1 // STRIDE, x0:x1]) if x1 - x0 >= MIN_REGION else None
    )
    horizontal = (
        LineScan(along_x[x0 // STRIDE : x1 // STRIDE, y0:y1]) if y1 - y0 >= MIN_REGION else None
    )
    return vertical, horizontal


def _split(
    along_y: Grey,
    along_x: Grey,
    box: Box,
    depth: int,
    seams: list[tuple[str, float]],
    scans: tuple[LineScan | None, LineScan | None] | None = None,
) -> int:
    """Panels in `box`, adding the full-length seams found in it to `seams`."""
    y0, x0, y1, x1 = box
    h, w = along_x.shape[1], along_y.shape[1]
    vertical, horizontal = scans or _scans(along_y, along_x, box)
    vs = [x0 + p for p in _seams(vertical)]
    hs = [y0 + p for p in _seams(horizontal)]
    if not vs and not hs:
        return 1
    seams += [("v", round(x / w, 3)) for x in vs] + [("h", round(y / h, 3)) for y in hs]
    xs, ys = [x0, *vs, x1], [y0, *hs, y1]
    cells = [
        (ya, xa, yb, xb) for ya, yb in itertools.pairwise(ys) for xa, xb in itertools.pairwise(xs)
    ]
    if depth == 0 or (vs and hs):  # a grid is complete; strips may be cut again (1 + 2)
        return len(cells)
    return sum(_split(along_y, along_x, cell, depth - 1, seams) for cell in cells)


def _seams(scan: LineScan | None) -> list[int]:
    """Positions of the full-length seams `scan` shows, at most one per fraction."""
    found: list[int] = []
    for f in FRACTIONS if scan else ():
        p = scan.seam(f) if scan else None
        if p is not None and all(abs(p - q) > scan.n * 0.05 for q in found if scan):
            found.append(p)
    return sorted(found)


def _junction(vertical: LineScan, horizontal: LineScan, seams: list[tuple[str, float]]) -> int:
    """3 (and the two seams) if two half-seen seams meet in a T or +, else 1."""
    w, h = vertical.n, horizontal.n
    for fx in FRACTIONS:
        p = vertical.best(fx)
        for fy in FRACTIONS:
            q = horizontal.best(fy)
            # stretches in each scan's own units: points along are STRIDE input px apart
            v_side = vertical.stretch(p, 0, q // STRIDE) or vertical.stretch(
                p, q // STRIDE, h // STRIDE
            )
            h_side = horizontal.stretch(q, 0, p // STRIDE) or horizontal.stretch(
                q, p // STRIDE, w // STRIDE
            )
            if v_side and h_side:
                seams += [("v", round(p / w, 3)), ("h", round(q / h, 3))]
                return 3
    return 1
