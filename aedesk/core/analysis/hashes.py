"""Image fingerprints for the `duplicate` and `near-duplicate` set rules.

- `pixel_hash`: identical pixels (and shape) give identical hashes whatever the file's
  metadata, encoder settings aside: catches the same photo saved twice.
- `perceptual_hash` (pHash) and `difference_hash` (dHash): 64-bit hashes that survive
  re-encoding, resizing and small tone changes; near-identical photos are a small Hamming
  distance apart. Both are computed on a tiny box-averaged copy, so they do not depend on
  the scale the image was decoded at.
"""

from __future__ import annotations

import hashlib

import numpy as np
import numpy.typing as npt
from PIL import Image

_DCT_SIZE = 32  # pHash works on 8×8 low frequencies of a 32×32 DCT
_HASH_SIDE = 8


def _dct_matrix(n: int) -> npt.NDArray[np.float64]:
    """Orthonormal DCT-II matrix: `m @ x @ m.T` is the 2-D DCT of an n×n block `x`."""
    k = np.arange(n, dtype=np.float64)[:, None]
    i = np.arange(n, dtype=np.float64)[None, :]
    m: npt.NDArray[np.float64] = np.sqrt(2.0 / n) * np.cos(np.pi * (2 * i + 1) * k / (2 * n))
    m[0] /= np.sqrt(2.0)
    return m


_DCT = _dct_matrix(_DCT_SIZE)


def perceptual_hash(gray: npt.NDArray[np.uint8]) -> str:
    """pHash: whether each of 8×8 low DCT frequencies of the image shrunk to 32×32 is above
    their median; 16 hex digits.

    The frequencies are 1..8 in each direction, as phash.org takes them: row and column 0
    (overall brightness and its gradients) are nearly the same for every product shot on a
    studio backdrop, and including them drew different products up to 6 bits apart.
    """
    small = _shrink(gray, _DCT_SIZE, _DCT_SIZE)
    low = (_DCT @ small @ _DCT.T)[1 : _HASH_SIDE + 1, 1 : _HASH_SIDE + 1]
    return _to_hex(low > np.median(low))


def difference_hash(gray: npt.NDArray[np.uint8]) -> str:
    """dHash: whether each pixel of the image shrunk to 9×8 is brighter than its left
    neighbour; 16 hex digits."""
    small = _shrink(gray, _HASH_SIDE + 1, _HASH_SIDE)
    return _to_hex(small[:, 1:] > small[:, :-1])


def hamming(a: str, b: str) -> int:
    """Number of differing bits between two hex hashes of the same length."""
    if len(a) != len(b):
        raise ValueError(f"hashes of different lengths: {a!r}, {b!r}")
    return (int(a, 16) ^ int(b, 16)).bit_count()


def pixel_hash(rgb: npt.NDArray[np.uint8]) -> str:
    """sha256 over the array's shape, dtype and pixel bytes."""
    h = hashlib.sha256(f"{rgb.shape}{rgb.dtype.str}".encode())
    h.update(np.ascontiguousarray(rgb).data)  # the buffer itself: no 18 MB copy
    return h.hexdigest()


def _shrink(gray: npt.NDArray[np.uint8], width: int, height: int) -> npt.NDArray[np.float64]:
    # BOX averages every source pixel into the thumbnail: no aliasing, whatever the scale
    img = Image.fromarray(np.ascontiguousarray(gray)).resize((width, height), Image.Resampling.BOX)
    return np.asarray(img, dtype=np.float64)


def _to_hex(bits: npt.NDArray[np.bool_]) -> str:
    """Bits in row-major order, first bit most significant, as fixed-width hex."""
    value = int("".join("1" if b else "0" for b in bits.ravel()), 2)
    return f"{value:0{bits.size // 4}x}"


def colour_signature(rgb: npt.NDArray[np.uint8]) -> str:
    """The picture's colours on an 8×8 grid, as hex: what a grey pHash cannot see.

    Two bottles of one shape in different colours have close pHashes; their signatures
    are far apart, while a re-encoded or slightly brightened copy stays close.
    """
    small = Image.fromarray(rgb).resize((_HASH_SIDE, _HASH_SIDE), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.uint8).tobytes().hex()


def colour_distance(a: str, b: str) -> float:
    """How far apart two colour signatures are: the 90th percentile of per-cell differences (0..255).

    0 when either is missing, so images analysed before signatures existed are judged by pHash alone.
    """
    if not a or not b or len(a) != len(b):
        return 0.0
    cells_a = np.frombuffer(bytes.fromhex(a), np.uint8).astype(np.int16).reshape(-1, 3)
    cells_b = np.frombuffer(bytes.fromhex(b), np.uint8).astype(np.int16).reshape(-1, 3)
    return float(np.percentile(np.abs(cells_a - cells_b).max(axis=1), 90))
