"""Is the backdrop a studio sweep of one colour (`solid`) or a scene (room, outdoors, props)?

Only the image border is looked at: a band of `BAND` of each side, at ~256 px of the
long side. A studio
backdrop makes that band one colour (allowing a gentle gradient, a vignette, noise and a
soft shadow: `CLOSE_DE`) and smooth (no texture: `SMOOTH_STEP`). Per side we count the band
pixels that are both; the product may cut one side (a bottle standing on the bottom edge,
a cropped sleeve), so the worst side is ignored and the other three must each reach
`SIDE_MIN`. A room with a plain wall but a visible floor fails on the two sides that run
down into the floor, so it is a `scene` once the floor takes more than ~13 % of the
height; a thinner strip of floor at the bottom reads as a backdrop cut by one edge.
A `scene` carries no colour: `background-style` compares the colours of solid ones only.
"""

from __future__ import annotations

import itertools

import numpy as np

from aedesk.core.analysis.facts import Background, Rgb
from aedesk.core.analysis.pixels import FloatArray, UInt8Array, shrink_band, srgb_to_lab
from aedesk.core.analysis.regions import Mask

ANALYSIS_SIDE = 256  # px of the long side the border is read at
BAND = 0.04  # border band, as a fraction of each dimension
CLOSE_DE = 12.0  # CIE76 ΔE to the dominant colour that still is backdrop (gradient, shadow)
SMOOTH_STEP = 8  # R+G+B step to the next pixel above which a pixel is texture, not backdrop
SIDE_MIN = 0.85  # share of backdrop pixels each of the three best sides needs
DIFFER_DE = 12.0  # CIE76 ΔE above which two backdrop colours are "clearly different"


def classify_background(rgb: UInt8Array) -> Background:
    """Classify the backdrop of `rgb` (H×W×3 uint8) as `solid` (with its colour) or `scene`.

    `uniformity` is the share of all border pixels within `CLOSE_DE` of the dominant border
    colour; the colour is given for `solid` only.
    """
    shares, uniformity, colour = border_stats(rgb)
    if sorted(shares)[1] < SIDE_MIN:
        return Background("scene", None, uniformity)
    return Background("solid", colour, uniformity)


def border_stats(rgb: UInt8Array) -> tuple[list[float], float, Rgb]:
    """Per side (top, bottom, left, right) the share of backdrop pixels; the share of border
    pixels near the dominant colour; and that colour."""
    h, w = rgb.shape[:2]
    by, bx = max(4, round(h * BAND)), max(4, round(w * BAND))
    every = slice(None)
    bands = [
        (slice(0, by), every),
        (slice(h - by, h), every),
        (every, slice(0, bx)),
        (every, slice(w - bx, w)),
    ]
    sides = [shrink_band(rgb, rows, cols, ANALYSIS_SIDE) for rows, cols in bands]
    smooth = np.concatenate([_smooth(s).ravel() for s in sides])
    pixels = np.concatenate([s.reshape(-1, 3) for s in sides])
    lab = srgb_to_lab(pixels)

    near = _delta_e(lab, _dominant(pixels, lab)) < CLOSE_DE
    backdrop = near & smooth
    ends = np.cumsum([0] + [s.shape[0] * s.shape[1] for s in sides])
    shares = [float(backdrop[a:b].mean()) for a, b in itertools.pairwise(ends)]
    mean = pixels[near].mean(axis=0)
    colour = (round(float(mean[0])), round(float(mean[1])), round(float(mean[2])))
    return shares, float(near.mean()), colour


def colours_differ(a: Rgb, b: Rgb) -> bool:
    """Whether two backdrop colours look clearly different (CIE76 ΔE > `DIFFER_DE`).

    White and off-white, or one white sweep shot at two exposures, are the same; white and
    light blue, or grey and black, differ.
    """
    lab = srgb_to_lab(np.array([a, b], dtype=np.float32))
    return float(np.linalg.norm(lab[0] - lab[1])) > DIFFER_DE


def _dominant(pixels: UInt8Array, lab: FloatArray) -> FloatArray:
    """Lab of the backdrop: the mean around the most populated coarse RGB bin."""
    q = (pixels >> 4).astype(np.int32)
    keys = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    seed = lab[keys == np.bincount(keys).argmax()].mean(axis=0)
    dominant: FloatArray = lab[_delta_e(lab, seed) < CLOSE_DE / 2].mean(axis=0).astype(np.float32)
    return dominant


def _smooth(side: UInt8Array) -> Mask:
    """Pixels of a band whose brightness barely changes to the next pixel right and down."""
    grey = side.astype(np.int16).sum(axis=2)
    step = np.zeros_like(grey)
    step[:-1] = np.abs(np.diff(grey, axis=0))
    step[:, :-1] = np.maximum(step[:, :-1], np.abs(np.diff(grey, axis=1)))
    smooth: Mask = step <= SMOOTH_STEP
    return smooth


def _delta_e(lab: FloatArray, ref: FloatArray) -> FloatArray:
    d = lab - ref
    distance: FloatArray = np.sqrt((d * d).sum(axis=-1))
    return distance
