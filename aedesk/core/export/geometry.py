"""Geometry: upright by EXIF, a common canvas (padding or filling), the banner crop, downscaling.

Nothing is ever stretched: every resize keeps the aspect ratio. Resizing uses Lanczos, the
sharpest of Pillow's filters for downscaling product detail.
"""

from __future__ import annotations

from PIL import Image, ImageOps

from aedesk.core.analysis.facts import Box, Rgb
from aedesk.core.export.colour import hex_colour
from aedesk.core.export.options import Op

_LANCZOS = Image.Resampling.LANCZOS


def orient(im: Image.Image) -> tuple[Image.Image, Op | None]:
    """Apply the EXIF orientation to the pixels, so the output needs no tag to show upright."""
    try:
        value = im.getexif().get(0x0112, 1)
    except (OSError, SyntaxError, ValueError):
        return im, None  # unreadable EXIF: the analysis treated it as upright too
    if not isinstance(value, int) or not 2 <= value <= 8:
        return im, None
    return ImageOps.exif_transpose(im), Op("orient", {"orientation": value})


def pad(im: Image.Image, size: tuple[int, int], colour: Rgb) -> tuple[Image.Image, Op | None]:
    """Centre `im` on a `size` canvas of `colour`, shrinking it first only if it would not fit."""
    if im.size == size:
        return im, None
    w, h = im.size
    scale = min(1.0, size[0] / w, size[1] / h)
    if scale < 1.0:
        im = resize(im, (max(1, round(w * scale)), max(1, round(h * scale))))
    fill = (*colour, 255) if im.mode == "RGBA" else colour
    canvas = Image.new(im.mode, size, fill)
    canvas.paste(im, ((size[0] - im.width) // 2, (size[1] - im.height) // 2))
    return canvas, Op("pad", {"from": [w, h], "to": list(size), "scale": round(scale, 4),
                              "colour": hex_colour(colour)})


def crop_box(image_size: tuple[int, int], window: Box | None, aspect: float) -> Box:
    """The pixel box of `window` (normalised; None: the whole image) narrowed to `aspect`
    around its centre, so that scaling it never stretches."""
    w, h = image_size
    x, y, bw, bh = window or (0.0, 0.0, 1.0, 1.0)
    left, top, pw, ph = x * w, y * h, bw * w, bh * h
    cx, cy = left + pw / 2, top + ph / 2
    if pw / ph > aspect:
        pw = ph * aspect
    else:
        ph = pw / aspect
    return (cx - pw / 2, cy - ph / 2, cx + pw / 2, cy + ph / 2)


def crop_scale(
    im: Image.Image, window: Box | None, size: tuple[int, int], name: str
) -> tuple[Image.Image, Op | None]:
    """Crop the window (None: the largest centred one) at the aspect of `size`, and scale it
    to `size`: the banner crop, and the canvas of a scene photo (padding would frame it)."""
    if im.size == size and window is None:
        return im, None
    box = crop_box(im.size, window, size[0] / size[1])
    out = im.resize(size, _LANCZOS, box=box)
    norm = [box[0] / im.width, box[1] / im.height, (box[2] - box[0]) / im.width,
            (box[3] - box[1]) / im.height]
    return out, Op(name, {"from": [im.width, im.height],
                                   "window": [round(v, 4) for v in norm], "to": list(size)})


def resize(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    # reducing_gap: a fast box pre-reduction first, then Lanczos; indistinguishable at ≥3
    return im.resize(size, _LANCZOS, reducing_gap=3.0)
