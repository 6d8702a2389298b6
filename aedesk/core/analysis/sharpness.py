"""Sharpness: how crisp the subject is, as the variance of a Laplacian.

Product shots on a plain backdrop are mostly flat, so a whole-image variance would call a
sharp bottle on white "blurred". The score is taken over the busiest tiles (the top tenth
by variance), where the subject's edges are, on a copy of fixed size so the value does not
depend on the scale the image was decoded at.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

SIDE = 1024  # long side the score is measured at
TILE = 32
TOP_SHARE = 0.1


def sharpness(gray: np.ndarray) -> float:
    """Mean Laplacian variance of the busiest tiles; ~10 or less is blurred, ~100+ is crisp."""
    im = Image.fromarray(gray)
    scale = SIDE / max(im.size)
    if abs(scale - 1) > 0.01:
        im = im.resize((max(3, round(im.width * scale)), max(3, round(im.height * scale))),
                       Image.Resampling.BILINEAR)
    g = np.asarray(im, dtype=np.float32)
    lap = g[1:-1, :-2] + g[1:-1, 2:] + g[:-2, 1:-1] + g[2:, 1:-1] - 4 * g[1:-1, 1:-1]
    h, w = (lap.shape[0] // TILE) * TILE, (lap.shape[1] // TILE) * TILE
    if h == 0 or w == 0:
        return float(lap.var())
    tiles = lap[:h, :w].reshape(h // TILE, TILE, w // TILE, TILE).var(axis=(1, 3)).ravel()
    top = np.sort(tiles)[-max(1, int(len(tiles) * TOP_SHARE)):]
    return float(top.mean())
