"""Evidence for straight seams across one orientation of an image region (see `collage`).

A `LineScan` reads a grey array `a` laid out as (points along the lines) × (positions
across them); position p is the line between columns p-1 and p. It finds, near a fraction
of the region, the best hard-seam line and any gutter, and says whether a stretch of a
line shows a seam along its whole length.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Grey = npt.NDArray[np.int16]

TOLERANCE = 0.025  # ± around a fraction, of the region's size (borders, gutters, rounding)
STEP_MIN = 8  # grey levels: a jump smaller than this is no seam anywhere
SHARPNESS = 2.0  # jump across / variation beside, at each point along a seam
SEAM_MIN = 0.5  # share of the points along a seam that show the jump …
GAP_MAX = 0.15  # … no run of points longer than this share of it may lack the jump …
GAP = 0.04  # … nor longer than this where an edge crosses the line
STRIP = 0.06  # a parallel edge within this (of the region) makes the line a strip's side
EDGE_MIN = 16  # grey levels over three pixels that make an edge, for the strip test
FLAT = 2.0  # mean absolute deviation (grey levels) along a gutter column
GUTTER_MIN = 1  # px: narrowest gutter (4 px on a 1400 px canvas is 1 clean px here)
GUTTER_MAX = 0.06  # widest gutter, of the region's size
GUTTER_EDGE = 6  # grey levels between gutter and the content on both sides of it …
GUTTER_SIDE = 0.6  # … along at least this share of its length


class LineScan:
    """Seam evidence for every line across `a` (points along × positions across)."""

    def __init__(self, a: Grey) -> None:
        self.a = a
        self.n = a.shape[1]
        self.jump = _jumps(a)
        self.edge = np.zeros(a.shape, dtype=bool)  # any strong step, sharp or not
        self.edge[:, 2:-1] = np.abs(a[:, 3:] - a[:, :-3]) >= EDGE_MIN
        self.share = self.jump.mean(axis=0)
        self.level = a.mean(axis=0)
        self.flat = np.abs(a - self.level).mean(axis=0) < FLAT

    def window(self, f: float) -> tuple[int, int]:
        """Positions within `TOLERANCE` of the fraction `f`."""
        return max(5, int(self.n * (f - TOLERANCE))), min(
            self.n - 3, int(self.n * (f + TOLERANCE)) + 1
        )

    def best(self, f: float) -> int:
        """The line near fraction `f` with the most jumps along it."""
        lo, hi = self.window(f)
        return lo + int(np.argmax(self.share[lo:hi]))

    def seam(self, f: float) -> int | None:
        """A full-length seam (gutter or hard seam) near fraction `f`, or None."""
        lo, hi = self.window(f)
        gutter = self._gutter(lo, hi)
        if gutter is not None:
            return gutter
        p = self.best(f)
        if self.stretch(p, 0, self.a.shape[0]):
            return p
        return None

    def stretch(self, p: int, start: int, end: int) -> bool:
        """Whether line p is a seam along points [start, end).

        It must jump at `SEAM_MIN` of the points; no run of points without a jump may be
        longer than `GAP_MAX` of the stretch, nor longer than `GAP` where an edge crosses
        the line there (something standing in front of a table edge or horizon; two photos
        that happen to match for a while have no such crossing); and it must be no strip's
        side.
        """
        jump = self.jump[start:end, p]
        if len(jump) < 16 or float(jump.mean()) < SEAM_MIN:
            return False
        for s, e in _gaps(jump):
            if e - s > GAP_MAX * len(jump) or (
                e - s > GAP * len(jump) and self._crossed(p, start + s, start + e)
            ):
                return False
        reach = max(4, int(self.n * STRIP))
        near = np.r_[max(3, p - reach) : p - 2, p + 3 : min(self.n, p + reach + 1)]
        beside = self.edge[start:end, near].mean(axis=0) if near.size else np.zeros(1)
        return float(beside.max()) < float(jump.mean()) / 2

    def _crossed(self, p: int, start: int, end: int) -> bool:
        """Whether an edge crosses line p between points start and end: a step along the
        line at the same point on both sides of it. The line's two ends are left out: a
        seam ends on another seam (a T junction), which crosses it there."""
        lo, hi = max(2, start - 2), min(self.a.shape[0] - 2, end + 2)
        sides = self.a[lo:hi, [p - 3, p + 2]]
        step = np.abs(sides[2:] - sides[:-2]) >= EDGE_MIN
        return bool((step[:, 0] & step[:, 1]).any())

    def _gutter(self, lo: int, hi: int) -> int | None:
        """The middle of a flat run of columns, all at one level, centred in [lo, hi), no
        wider than `GUTTER_MAX` and at least `GUTTER_MIN`, with a sharp edge on both sides
        along most of its length; None if there is none."""
        a, n, level, flat = self.a, self.n, self.level, self.flat
        # runs of flat columns at one level (a flat backdrop beside a gutter has another level)
        cut = np.ones(n + 1, dtype=bool)
        cut[1:n] = ~flat[1:] | ~flat[:-1] | (np.abs(np.diff(level)) >= GUTTER_EDGE / 2)
        bounds = np.flatnonzero(cut)
        for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            if not (flat[start] and lo <= (start + end) // 2 < hi):
                continue
            if not GUTTER_MIN <= end - start <= GUTTER_MAX * n or start < 2 or end > n - 2:
                continue
            run = level[start:end]
            if float(run.max() - run.min()) > GUTTER_EDGE / 1.5:  # a ramp is not one level
                continue
            # content on both sides differs from the gutter, and on the same side of its level
            # (a column in the middle of a soft ramp is flat too, but lies between its sides)
            left, right = a[:, start - 2] - run.mean(), a[:, end + 1] - run.mean()
            apart = (
                (np.abs(left) >= GUTTER_EDGE) & (np.abs(right) >= GUTTER_EDGE) & (left * right > 0)
            )
            if float(apart.mean()) >= GUTTER_SIDE:
                return int((start + end) // 2)
        return None


def _gaps(jump: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """Runs [start, end) of points with no jump at or next to them."""
    covered = jump.copy()
    covered[1:] |= jump[:-1]
    covered[:-1] |= jump[1:]
    edges = np.diff(np.r_[0, (~covered).astype(np.int8), 0])
    return list(
        zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True)
    )


def _jumps(a: Grey) -> npt.NDArray[np.bool_]:
    """Where the grey level steps across a line at least `SHARPNESS` times more than it
    varies beside it, and stays stepped (a thin line or groove goes back: no seam).

    The step is read over three pixels (a[:, p-2] to a[:, p+1]) so a seam blurred over two
    still counts, and compared with the same span on each side and with a wider span.
    """
    d = np.abs(a[:, 3:] - a[:, :-3])  # d[:, i] = |a[:, i+3] - a[:, i]|
    wide = np.abs(a[:, 9:] - a[:, :-9])  # wide[:, i] = |a[:, i+9] - a[:, i]|, p = i+5
    out = np.zeros(a.shape, dtype=bool)
    step, left, right = d[:, 3:-3], d[:, :-6], d[:, 6:]  # for p in 5 .. n-5
    out[:, 5:-4] = (
        (step >= STEP_MIN) & (step >= SHARPNESS * np.maximum(left, right)) & (2 * wide >= step)
    )
    return out
