"""Find QR codes and barcodes in the analysis-scale gray image (facts for rule `qr-code`).

Asking zxing-cpp for every format at full resolution costs about half a second on a noisy
3000×2000 photo, most of it spent chasing sensor noise that its local binariser turns into
edges. The detector runs a few targeted passes instead, each at the scale where it pays:

1. fine (the array as given): the QR family cut at grey level 127. A printed code is
   high-contrast, so a fixed cut binarises it cleanly in ordinary light, while flat noisy
   areas away from the cut produce no edges to chase. Small QR codes (from about 2.5% of
   the short side) need this resolution.
2. mid (long side ≤ 1600): the QR family cut at grey level 64 (a code in shade) and
   with zxing's local-average binariser (uneven light, a washed-out print, a shadow
   across the code); EAN/UPC, Code 128 and ITF (retail, logistics and carton
   barcodes) in both orientations.
3. coarse (long side ≤ 800): the QR family again, also inverted (light-on-dark codes),
   and the other formats (DataMatrix, Aztec, PDF417, MaxiCode, Code 39/93, Codabar,
   DataBar, Telepen) when they are large.

Every pass runs, so an image with a QR code and a barcode reports both; a code seen by
several passes is reported once, with the box from the finest pass. `bench/bench_qr.py`
times this against a bare all-formats call.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import zxingcpp
from PIL import Image

from aedesk.core.analysis.facts import Box, Code

_F = zxingcpp.BarcodeFormat
_QR_FAMILY = zxingcpp.BarcodeFormats([_F.QRCode, _F.MicroQRCode, _F.RMQRCode])
_LINEAR = zxingcpp.BarcodeFormats([_F.EANUPC, _F.Code128, _F.ITF])
# Left out: DX film edge, a code printed on film negatives, not on products.
_OTHERS = zxingcpp.BarcodeFormats(
    [
        _F.DataMatrix,
        _F.Aztec,
        _F.PDF417,
        _F.MaxiCode,
        _F.Code39,
        _F.Code93,
        _F.Codabar,
        _F.DataBar,
        _F.Telepen,
    ]
)
# The mid pass's extra cut: the middle of a printed code's black and white in shade
# (~0/128); the fine pass cuts at 127 for ordinary light.
_SHADE_CUT = 64
_MID_SIDE = 1600
_COARSE_SIDE = 800

Array = npt.NDArray[np.uint8]


def find_codes(gray: Array) -> tuple[Code, ...]:
    """Every QR code and barcode zxing-cpp can read in `gray` (uint8, H×W).

    Boxes are normalised to `gray`'s size, so they hold for the original image too.
    """
    if gray.ndim != 2 or gray.dtype != np.uint8:
        raise ValueError(f"expected a 2-D uint8 array, got {gray.dtype} {gray.shape}")
    if gray.size == 0:
        return ()
    gray = np.ascontiguousarray(gray)
    height, width = gray.shape
    found: dict[tuple[str, str], Code] = {}

    def keep(barcodes: list[zxingcpp.Barcode], factor: int) -> None:
        for barcode in barcodes:
            kind = barcode.format.name
            box = _box(barcode, factor, width, height)
            found.setdefault((kind, barcode.text), Code(kind, barcode.text, box))

    keep(_read(gray, _QR_FAMILY, binarizer=zxingcpp.Binarizer.FixedThreshold), 1)

    mid_factor = math.ceil(max(height, width) / _MID_SIDE)
    mid = _reduce(gray, mid_factor)
    # BoolCast reads non-zero as white, so the bool array is the binarised image
    shade_cut = (mid >= _SHADE_CUT).view(np.uint8)
    keep(_read(shade_cut, _QR_FAMILY, binarizer=zxingcpp.Binarizer.BoolCast), mid_factor)
    keep(_read(mid, _QR_FAMILY), mid_factor)
    keep(_read(mid, _LINEAR, try_rotate=True), mid_factor)

    coarse_step = math.ceil(max(mid.shape) / _COARSE_SIDE)
    coarse = _reduce(mid, coarse_step)
    coarse_factor = mid_factor * coarse_step
    keep(_read(coarse, _QR_FAMILY, try_invert=True), coarse_factor)
    keep(_read(coarse, _OTHERS), coarse_factor)
    return tuple(found.values())


def _read(
    image: Array,
    formats: zxingcpp.BarcodeFormats,
    *,
    try_rotate: bool = False,
    try_invert: bool = False,
    binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage,
) -> list[zxingcpp.Barcode]:
    """One zxing call at the given scale only, with only the retries the pass asks for."""
    return zxingcpp.read_barcodes(
        image,
        formats,
        try_rotate=try_rotate,
        try_downscale=False,
        try_invert=try_invert,
        binarizer=binarizer,
    )


def _reduce(gray: Array, factor: int) -> Array:
    """`gray` shrunk by an integer factor with box averaging (cheap, and it averages noise)."""
    if factor <= 1:
        return gray
    return np.asarray(Image.fromarray(gray).reduce(factor))


def _box(barcode: zxingcpp.Barcode, factor: int, width: int, height: int) -> Box:
    """The code's corners, scaled back by `factor`, as a normalised axis-aligned box."""
    p = barcode.position
    corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
    xs = [min(max(c.x * factor / width, 0.0), 1.0) for c in corners]
    ys = [min(max(c.y * factor / height, 0.0), 1.0) for c in corners]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
