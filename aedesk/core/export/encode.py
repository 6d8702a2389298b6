"""Size-capped encoding: the highest JPEG quality whose file fits under the cap.

Bytes grow steadily with quality, so the search is a bisection, but a full encode of a
24 MP photo costs ~0.1 s. So sizes are first estimated from a sample — one MCU row (16
pixel rows) of every 16, about 1/16 of the image — whose encoded size times 16 comes within
~1% of the full file's. A full encode then checks the best estimate and calibrates the
others; one or two full encodes per image are typical. Below the floor quality the image
is downscaled instead, never under the profile's minimum size.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image

from aedesk.core.export.colour import SRGB_ICC
from aedesk.core.export.geometry import resize
from aedesk.core.export.options import Limits

MCU_ROWS = 16  # 4:2:0 chroma subsampling: one MCU row is 16 pixel rows
SAMPLE_EVERY = 16
# Calibrated estimates stay within ±0.5% of the truth across qualities: a quality whose
# estimate is more than 1% over the cap is taken as not fitting without a full encode.
TRUST = 0.01
SHRINK_MARGIN = 0.97  # bytes fall a little slower than pixels when downscaling


@dataclass(frozen=True)
class Encoded:
    data: bytes
    format: str  # "JPEG" | "PNG"
    quality: int | None
    size: tuple[int, int]
    fits: bool
    encodes: int  # full-size encodes
    probes: int  # encodes of the 1/16 sample
    downscaled_from: tuple[int, int] | None = None


def jpeg(im: Image.Image, quality: int) -> bytes:
    """Baseline JPEG, 4:2:0, sRGB profile embedded; nothing else from `im.info` is written."""
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, icc_profile=SRGB_ICC)
    return buf.getvalue()


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", icc_profile=SRGB_ICC)
    return buf.getvalue()


class _Sizes:
    """Encoded sizes of one image by quality: estimated from the sample, or known."""

    def __init__(self, im: Image.Image) -> None:
        self.im = im
        self.full: dict[int, bytes] = {}
        self.sampled: dict[int, int] = {}
        self.sample, self.scale = _sample(im)
        self.calibration = 1.0
        self.probes = 0

    def estimate(self, q: int) -> float:
        if q in self.full:
            return len(self.full[q])
        if self.sample is None:  # a small image: encoding it whole is as cheap as a sample
            return len(self.encode(q))
        if q not in self.sampled:
            self.sampled[q] = len(jpeg(self.sample, q))
            self.probes += 1
        return self.sampled[q] * self.scale * self.calibration

    def encode(self, q: int) -> bytes:
        if q not in self.full:
            data = jpeg(self.im, q)
            if self.sample is not None:
                self.calibration = len(data) / (self.estimate(q) / self.calibration)
            self.full[q] = data
        return self.full[q]


def _sample(im: Image.Image) -> tuple[Image.Image | None, float]:
    """Every 16th MCU row, stacked: block boundaries stay aligned, so it encodes like the image."""
    rows = im.height // MCU_ROWS
    if rows < 4 * SAMPLE_EVERY:
        return None, 1.0
    picked = range(SAMPLE_EVERY // 2, rows, SAMPLE_EVERY)
    sample = Image.new(im.mode, (im.width, len(picked) * MCU_ROWS))
    for i, r in enumerate(picked):  # crops touch only the sampled rows of a 24 MP image
        sample.paste(im.crop((0, r * MCU_ROWS, im.width, (r + 1) * MCU_ROWS)), (0, i * MCU_ROWS))
    return sample, im.height / sample.height


def _highest_fitting(sizes: _Sizes, lo: int, hi: int, cap: int) -> int | None:
    """The highest quality in lo..hi whose estimate fits `cap`, by bisection."""
    if sizes.estimate(hi) <= cap:
        return hi
    if sizes.estimate(lo) > cap:
        return None
    while lo < hi - 1:  # invariant: lo fits, hi does not
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if sizes.estimate(mid) <= cap else (lo, mid)
    return lo


def _search(sizes: _Sizes, limits: Limits) -> tuple[int, bytes] | None:
    """The highest quality that fits, checked by full encodes; None when the floor does not."""
    cap, lo, hi = limits.max_bytes, limits.floor_quality, limits.top_quality
    best = None
    while lo <= hi:
        q = _highest_fitting(sizes, lo, hi, cap)
        if q is None:
            break
        data = sizes.encode(q)
        if len(data) > cap:
            hi = q - 1
            continue
        best, lo = (q, data), q + 1
        if lo > hi or sizes.estimate(lo) > cap * (1 + TRUST):
            break
    return best


def encode_jpeg(im: Image.Image, limits: Limits) -> Encoded:
    """The best JPEG of `im` under `limits`. `fits` is False only when even the smallest
    allowed size at the floor quality is over the cap; the bytes are then that attempt."""
    current = im
    encodes = probes = 0
    while True:
        sizes = _Sizes(current)
        found = _search(sizes, limits)
        smaller = None
        if found is None:
            floor = limits.floor_quality
            smaller = _smaller_size(im.size, current.size, sizes.estimate(floor), limits)
            if smaller is None:
                found = (floor, sizes.encode(floor))  # the best there is, over the cap
        encodes, probes = encodes + len(sizes.full), probes + sizes.probes
        if found is not None:
            q, data = found
            downscaled = im.size if current is not im else None
            fits = len(data) <= limits.max_bytes
            return Encoded(data, "JPEG", q, current.size, fits, encodes, probes, downscaled)
        assert smaller is not None
        current = resize(im, smaller)


def _smaller_size(
    original: tuple[int, int], current: tuple[int, int], floor_bytes: float, limits: Limits
) -> tuple[int, int] | None:
    """A size at which the floor quality should fit, never under the minimum; None: no room."""
    min_scale = max(limits.min_width / original[0], limits.min_height / original[1])
    scale = current[0] / original[0]
    if scale <= min_scale:
        return None
    scale = max(min_scale, scale * math.sqrt(limits.max_bytes / floor_bytes) * SHRINK_MARGIN)
    size = (math.ceil(original[0] * scale), math.ceil(original[1] * scale))
    return size if size != current else None
