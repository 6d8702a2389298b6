"""Small pixel helpers shared by the detectors: box-downscaling and sRGB → CIE Lab.

The detectors get the pipeline's ~1024 px array and most of them need far fewer pixels;
`shrink` averages integer blocks (a box filter, which also averages away sensor and JPEG
noise) through Pillow's C `reduce`, so it costs well under a millisecond.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PIL import Image

FloatArray = npt.NDArray[np.float32]
UInt8Array = npt.NDArray[np.uint8]

# sRGB (D65) → XYZ, rows X, Y, Z; then normalised by the D65 white point.
_RGB_TO_XYZ = np.array(
    [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]],
    dtype=np.float32,
)
_WHITE = np.array([0.95047, 1.0, 1.08883], dtype=np.float32)


def _linear(c: FloatArray) -> FloatArray:
    """sRGB transfer function undone: 0..1 encoded → 0..1 linear light."""
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4).astype(np.float32)


# uint8 input takes a table look-up instead of the power function (most of the cost).
_LINEAR_LUT = _linear(np.arange(256, dtype=np.float32) / 255.0)


def shrink(rgb: UInt8Array, long_side: int) -> UInt8Array:
    """Box-average `rgb` (H×W×3 uint8) by the integer factor that brings its long side
    nearest to `long_side` (never enlarging)."""
    factor = max(1, round(max(rgb.shape[:2]) / long_side))
    if factor == 1:
        return rgb
    small = Image.fromarray(np.ascontiguousarray(rgb)).reduce(factor)
    return np.asarray(small)


def shrink_band(rgb: UInt8Array, rows: slice, cols: slice, long_side: int) -> UInt8Array:
    """`shrink` applied to one rectangle of `rgb` only, with the same factor as the whole."""
    factor = max(1, round(max(rgb.shape[:2]) / long_side))
    part = np.ascontiguousarray(rgb[rows, cols])
    return part if factor == 1 else np.asarray(Image.fromarray(part).reduce(factor))


def srgb_to_lab(rgb: npt.ArrayLike) -> FloatArray:
    """CIE L*a*b* (D65) of sRGB colours given as 0..255 values in the last axis (…×3)."""
    arr = np.asarray(rgb)
    lin = _LINEAR_LUT[arr] if arr.dtype == np.uint8 else _linear(arr.astype(np.float32) / 255.0)
    xyz = (lin @ _RGB_TO_XYZ.T) / _WHITE
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16.0 / 116.0)
    lab = np.empty_like(f)
    lab[..., 0] = 116.0 * f[..., 1] - 16.0
    lab[..., 1] = 500.0 * (f[..., 0] - f[..., 1])
    lab[..., 2] = 200.0 * (f[..., 1] - f[..., 2])
    return lab.astype(np.float32)
