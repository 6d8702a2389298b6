"""Several products on one studio backdrop, placed, sized and turned as the test says.

`compose()` paints a paper sweep (gradient, vignette), then for each `Item` a soft contact
shadow and a shaded product (bottle, box, true circle, or a box with a checkerboard print),
then sensor noise. Positions are fractions of the canvas, so an item can be cut by an edge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from imagegen import Rgb, add_noise
from PIL import Image, ImageDraw, ImageFilter


@dataclass(frozen=True)
class Item:
    shape: str = "bottle"  # "bottle" | "box" | "round" | "checker"
    colour: Rgb = (40, 90, 170)
    cx: float = 0.5  # centre, fraction of the canvas width
    cy: float = 0.5
    height: float = 0.55  # fraction of the canvas height (before rotation)
    angle: float = 0.0  # degrees, counter-clockwise as seen


def backdrop(size: tuple[int, int], colour: Rgb, fall: float = 0.05) -> Image.Image:
    """A paper sweep: a faint top-to-bottom gradient and a slight vignette."""
    w, h = size
    y = np.linspace(0, 1, h)[:, None, None]
    x = np.linspace(-1, 1, w)[None, :, None]
    arr = np.array(colour, np.float32) * (1.0 - fall * y) * (1.0 - 0.03 * x**2)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def product_layer(item: Item, canvas_h: int) -> Image.Image:
    """The product as an RGBA layer: filled shape, shaded left to right, a specular stripe."""
    oh = max(8, int(canvas_h * item.height))
    ow = {"bottle": int(oh * 0.42), "round": oh}.get(item.shape, int(oh * 0.75))
    layer = Image.new("RGBA", (ow, oh), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    if item.shape == "bottle":
        neck = ow // 3
        d.rounded_rectangle([0, oh // 4, ow - 1, oh - 1], radius=ow // 5, fill=item.colour)
        d.rectangle([neck, 0, ow - neck, oh // 4 + 10], fill=item.colour)
    elif item.shape == "round":
        d.ellipse([0, 0, ow - 1, oh - 1], fill=item.colour)
    else:
        d.rectangle([0, 0, ow - 1, oh - 1], fill=item.colour)
    la = np.asarray(layer, dtype=np.float32).copy()
    if item.shape == "checker":
        yy, xx = np.mgrid[0:oh, 0:ow]
        cell = max(2, ow // 8)
        board = ((yy // cell + xx // cell) % 2).astype(np.float32)
        la[..., :3] = (25 + 215 * board)[..., None]
    la[..., :3] *= np.linspace(1.12, 0.72, ow)[None, :, None]
    stripe = slice(ow // 6, ow // 6 + max(2, ow // 14))
    la[:, stripe, :3] += 50
    layer = Image.fromarray(np.clip(la, 0, 255).astype(np.uint8))
    if item.angle:
        layer = layer.rotate(item.angle, expand=True, resample=Image.Resampling.BICUBIC)
    return layer


def compose(
    items: list[Item],
    size: tuple[int, int] = (1400, 1050),
    background: Rgb = (248, 248, 246),
    seed: int = 0,
    noise: float = 3.0,
    fall: float = 0.05,
) -> Image.Image:
    """Paint `items` in order on a backdrop of colour `background` (darkening by `fall`
    towards the bottom), each with a soft shadow."""
    w, h = size
    img = backdrop(size, background, fall)
    for item in items:
        layer = product_layer(item, h)
        x = int(item.cx * w - layer.width / 2)
        y = int(item.cy * h - layer.height / 2)
        shadow = Image.new("L", size, 0)
        foot = layer.height // 14
        ImageDraw.Draw(shadow).ellipse(
            [
                x - layer.width // 10,
                y + layer.height - foot,
                x + layer.width * 11 // 10,
                y + layer.height + foot,
            ],
            fill=100,
        )
        dark = (background[0] * 2 // 7, background[1] * 2 // 7, background[2] * 2 // 7)
        img.paste(dark, (0, 0), shadow.filter(ImageFilter.GaussianBlur(max(2, w // 80))))
        img.paste(layer, (x, y), layer)
    return add_noise(img, noise, seed)
