"""How many products stand on a studio backdrop, and which way they lie.

Only meaningful on a `solid` background: on a scene nothing separates product from
surroundings, so `find_objects` returns `Objects(0, None, 0.0)` there (the rules read that
as "not applicable", not as "no product").

At ~192 px the backdrop is modelled as a smooth surface (a quadratic fitted, per Lab
channel, to the pixels near the backdrop colour), so a sweep's gradient and vignette are
not foreground. A pixel is foreground when it differs from that surface in hue/chroma, is
brighter, or is far darker than a shadow gets; a pixel that is only somewhat darker with
the backdrop's hue is shadow. Strong edges are foreground too, so a grey product whose
body reads as "shadow" still has its outline, and hole filling gives back its body.
Limit: a neutral mid-grey product standing in its own contact shadow has an outline open
at the bottom, so part of its body is lost (count and axis usually survive).
"""

from __future__ import annotations

import math

import numpy as np

from aedesk.core.analysis.facts import Background, Objects
from aedesk.core.analysis.pixels import FloatArray, UInt8Array, shrink, srgb_to_lab
from aedesk.core.analysis.regions import Mask, dilate, erode, fill_holes, label

ANALYSIS_SIDE = 192  # px of the long side the mask is made at
NEAR_DE = 12.0  # ΔE to the backdrop colour for a pixel to take part in the surface fit
CHROMA = 10.0  # a*b* distance from the backdrop surface that makes a pixel foreground
BRIGHTER = 8.0  # L* above the backdrop surface that makes a pixel foreground
SHADOW_FLOOR = 0.5  # shadows keep at least this share of the backdrop's L*
EDGE = 15.0  # L* step across two pixels that marks a product outline
MIN_AREA = 0.003  # components smaller than this share of the image are specks
ROUND = 1.44  # eigenvalue ratio below which the foreground has no axis (axes ratio 1.2)


def find_objects(rgb: UInt8Array, background: Background) -> Objects:
    """Count the separate products in `rgb` and find the principal axis of all of them.

    `axis_deg` is the orientation of the whole foreground's major axis in degrees,
    counter-clockwise from the image's horizontal as seen, in [0, 180): an upright bottle
    is 90, a bottle lying flat 0; None when the foreground is near-round or empty.
    """
    if background.kind != "solid" or background.color is None:
        return Objects(0, None, 0.0)
    lab = srgb_to_lab(shrink(rgb, ANALYSIS_SIDE))
    mask = foreground(lab, srgb_to_lab(np.array(background.color, dtype=np.uint8)))
    labels, n = label(mask)
    areas = np.bincount(labels.ravel(), minlength=n + 1)
    keep = areas >= MIN_AREA * mask.size
    keep[0] = False
    mask = keep[labels]
    return Objects(int(keep.sum()), _axis(mask), float(mask.mean()))


def foreground(lab: FloatArray, backdrop: FloatArray) -> Mask:
    """Product pixels of an image given in Lab, on a backdrop of colour `backdrop` (Lab)."""
    surface = _backdrop_surface(lab, backdrop)
    diff = lab - surface
    chroma = np.hypot(diff[..., 1], diff[..., 2])
    light, base = lab[..., 0], surface[..., 0]
    mask = (chroma > CHROMA) | (diff[..., 0] > BRIGHTER) | (light < SHADOW_FLOOR * base)
    # an antialiased outline spreads over two pixels at this scale: step across two
    step = np.zeros_like(light)
    step[1:-1] = np.abs(light[2:] - light[:-2])
    step[:, 1:-1] = np.maximum(step[:, 1:-1], np.abs(light[:, 2:] - light[:, :-2]))
    mask |= step > EDGE
    # closing seals thin outlines so the hole fill can give back the body inside them;
    # the opening after it drops specks and the outline of anything that stayed open
    mask = fill_holes(erode(dilate(mask, 2), 2))
    return dilate(erode(mask))


def _backdrop_surface(lab: FloatArray, backdrop: FloatArray) -> FloatArray:
    """Per-pixel backdrop Lab: a quadratic in x, y fitted to the pixels near `backdrop`."""
    h, w = lab.shape[:2]
    x = (np.arange(w, dtype=np.float32) / w - 0.5)[None, :]
    y = (np.arange(h, dtype=np.float32) / h - 0.5)[:, None]
    # fit on every 4th pixel: thousands of samples for six coefficients
    sub = lab[::4, ::4]
    d = sub - backdrop
    near = (d * d).sum(axis=-1) < NEAR_DE**2
    xs, ys = np.broadcast_arrays(x[:, ::4], y[::4])
    xs, ys = xs[near], ys[near]
    a = np.stack([np.ones_like(xs), xs, ys, xs * xs, ys * ys, xs * ys], axis=-1)
    if len(a) < 4 * a.shape[1]:
        return np.broadcast_to(backdrop, lab.shape).astype(np.float32)
    # normal equations: 6×6, far cheaper than an SVD of thousands of rows
    c = np.linalg.solve(a.T @ a + 1e-6 * np.eye(a.shape[1], dtype=np.float32), a.T @ sub[near])
    rows = c[0] + c[2] * y[..., None] + c[4] * (y * y)[..., None]  # h×1×3
    cols = c[1] * x[..., None] + c[3] * (x * x)[..., None]  # 1×w×3
    surface: FloatArray = (rows + cols + c[5] * (x * y)[..., None]).astype(np.float32)
    return surface


def _axis(mask: Mask) -> float | None:
    """Major-axis orientation of `mask` from its second moments; None if near-round."""
    ys, xs = np.nonzero(mask)
    if len(xs) < 3:
        return None
    xs_c = xs - xs.mean()
    ys_c = ys.mean() - ys  # y up, so angles run counter-clockwise as seen
    cxx, cyy, cxy = (
        float((xs_c * xs_c).mean()),
        float((ys_c * ys_c).mean()),
        float((xs_c * ys_c).mean()),
    )
    spread = math.hypot((cxx - cyy) / 2, cxy)
    major, minor = (cxx + cyy) / 2 + spread, (cxx + cyy) / 2 - spread
    if minor <= 0 or major / minor >= ROUND:
        return round(math.degrees(0.5 * math.atan2(2 * cxy, cxx - cyy)), 2) % 180.0
    return None
