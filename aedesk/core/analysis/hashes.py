"""Image fingerprints: perceptual hashes for near-duplicates, a pixel hash for exact ones.

pHash (DCT of a 32×32 grey copy) survives re-encoding, resizing and small brightness
changes; dHash (gradient signs of a 9×8 copy) is a cheap second opinion. Both are 64-bit
and compared by Hamming distance.
"""

from __future__ import annotations

import hashlib

import numpy as np
from PIL import Image

_N = 32


def _dct_matrix(n: int) -> np.ndarray:
    """Orthonormal DCT-II basis: row k is the k-th cosine."""
    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    m: np.ndarray = np.cos(np.pi * (2 * i + 1) * k / (2 * n)) * np.sqrt(2.0 / n)
    m[0] /= np.sqrt(2.0)
    return m


_DCT = _dct_matrix(_N)


def _bits_to_hex(bits: np.ndarray) -> str:
    value = 0
    for bit in bits.ravel():
        value = (value << 1) | int(bit)
    return f"{value:016x}"


def perceptual_hash(gray: np.ndarray) -> str:
    """64-bit pHash as 16 hex digits: signs of the 8×8 lowest DCT frequencies vs their median."""
    small = np.asarray(Image.fromarray(gray).resize((_N, _N), Image.Resampling.BOX), dtype=np.float64)
    freq = (_DCT @ small @ _DCT.T)[:8, :8]
    median = np.median(freq.ravel()[1:])  # the DC term only says how bright the picture is
    return _bits_to_hex(freq > median)


def difference_hash(gray: np.ndarray) -> str:
    """64-bit dHash as 16 hex digits: is each pixel of a 9×8 copy brighter than its right neighbour."""
    small = np.asarray(Image.fromarray(gray).resize((9, 8), Image.Resampling.BOX), dtype=np.int16)
    return _bits_to_hex(small[:, :-1] > small[:, 1:])


def hamming(a: str, b: str) -> int:
    """Bits that differ between two hex hashes; 64 (as far apart as can be) if either is missing."""
    if not a or not b:
        return 64
    return (int(a, 16) ^ int(b, 16)).bit_count()


def pixel_hash(rgb: np.ndarray) -> str:
    """SHA-256 over the decoded pixels and their shape: equal for identical pictures, whatever the metadata."""
    digest = hashlib.sha256(str(rgb.shape).encode())
    digest.update(np.ascontiguousarray(rgb).data)
    return digest.hexdigest()


def colour_signature(rgb: np.ndarray) -> str:
    """The picture's colours on an 8×8 grid, as hex: what a grey pHash cannot see.

    Two bottles of one shape in different colours have close pHashes; their signatures
    are far apart, while a re-encoded or slightly brightened copy stays close.
    """
    small = Image.fromarray(rgb).resize((8, 8), Image.Resampling.BOX)
    return bytes(np.asarray(small, dtype=np.uint8).ravel()).hex()


def colour_distance(a: str, b: str) -> float:
    """How far apart two colour signatures are: the 90th percentile of per-cell differences (0..255).

    0 when either is missing, so images analysed before signatures existed are judged by pHash alone.
    """
    if not a or not b or len(a) != len(b):
        return 0.0
    diff = np.abs(np.frombuffer(bytes.fromhex(a), np.uint8).astype(np.int16)
                  - np.frombuffer(bytes.fromhex(b), np.uint8).astype(np.int16))
    return float(np.percentile(diff.reshape(-1, 3).max(axis=1), 90))
