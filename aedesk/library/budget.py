"""A memory budget for analyses running at once.

An analysis costs about 17 bytes per decoded pixel (the decode, then the working copies the
detectors make) plus the file's bytes: ~35 MB for a 24-megapixel JPEG decoded at 1/4 scale,
but 400 MB for a 24 MP PNG, which has no reduced decode. Workers are sized to the cores; the
budget bounds the sum of what they decode at once, so a folder of large PNGs or TIFFs goes
one or two at a time instead of all workers at once. One analysis always runs, however
large, so a huge file is slow rather than stuck.
"""

from __future__ import annotations

import contextlib
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from aedesk.core.analysis.decode import DECODE_LONG_SIDE

BUDGET_BYTES = 240_000_000  # with the process' own ~50 MB, a cold scan peaks under 300 MB
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
    if fmt == "JPEG":  # decoded through draft: the smallest DCT scale still ≥ DECODE_LONG_SIDE
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
