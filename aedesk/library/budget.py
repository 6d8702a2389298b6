"""A memory budget for analyses running at once.

A 24-megapixel JPEG costs about 110 MB while it is analysed (file bytes, the half-scale
decode and the working copies the detectors make), a 12 MP phone photo a quarter of that.
Workers are sized to the cores; the budget keeps the sum of what they decode bounded, so
four cores analyse four phone photos at once but only two 24 MP files. One analysis always
runs, however large, so a huge file is slow rather than stuck.
"""

from __future__ import annotations

import contextlib
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from aedesk.core.analysis.decode import DECODE_LONG_SIDE

BUDGET_BYTES = 240_000_000  # two 24 MP JPEGs; with the process' own ~50 MB, under 300 MB
BYTES_PER_PIXEL = 17  # measured: peak bytes per decoded pixel across decode and detectors


def cost(path: Path) -> int:
    """Estimated peak bytes of analysing `path`, from its header (no pixels decoded)."""
    try:
        size = path.stat().st_size
        with warnings.catch_warnings():  # header oddities are the analysis' to report
            warnings.simplefilter("ignore")
            with Image.open(path) as im:
                w, h, fmt = im.width, im.height, im.format
    except Exception:  # unreadable: the analysis will say so, cheaply
        return 0
    pixels = w * h
    if fmt == "JPEG":  # decoded through draft at 1/2, 1/4 or 1/8 scale, long side ≥ 2000
        scale = 1
        while scale < 8 and max(w, h) // (scale * 2) >= DECODE_LONG_SIDE:
            scale *= 2
        pixels //= scale * scale
    return size + pixels * BYTES_PER_PIXEL


class MemoryBudget:
    def __init__(self, limit: int = BUDGET_BYTES) -> None:
        self._limit = limit
        self._used = 0
        self._running = 0
        self._cond = threading.Condition()

    @contextlib.contextmanager
    def reserve(self, amount: int) -> Iterator[None]:
        """Wait until `amount` fits (or nothing else runs), hold it for the block."""
        with self._cond:
            self._cond.wait_for(lambda: self._running == 0 or self._used + amount <= self._limit)
            self._used += amount
            self._running += 1
        try:
            yield
        finally:
            with self._cond:
                self._used -= amount
                self._running -= 1
                self._cond.notify_all()
