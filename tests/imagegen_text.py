"""Text put onto generated photos: overlays, banners, watermarks and a logo printed on a product.

Fonts come from PyPI packages (dev dependencies), never from the system or the network:
Pillow's built-in scalable font (Aileron), Anton (`fontpkg-anton`, a bold display face as
used on sale banners) and Noto Sans SC / Noto Serif SC (`pylopdf-fonts-zh-cn`), which also
cover Latin. Every placement returns the normalised (x, y, w, h) box of the ink, so tests can
check that the recogniser's boxes land on the text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import fontpkg_anton
import numpy as np
import pylopdf_fonts_zh_cn
from imagegen import Rgb, add_noise, rng
from PIL import Image, ImageDraw, ImageFilter, ImageFont

Box = tuple[float, float, float, float]

# name -> path (None: Pillow's built-in font, Latin only)
FONTS: dict[str, str | None] = {
    "aileron": None,
    "anton": str(fontpkg_anton.ROOT / "files" / "Anton-Regular.ttf"),
    "noto-sans-sc": str(pylopdf_fonts_zh_cn.sans_path()),
    "noto-serif-sc": str(pylopdf_fonts_zh_cn.serif_path()),
}
CJK_FONTS = ("noto-sans-sc", "noto-serif-sc")


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONTS[name]
    if path is None:
        loaded = ImageFont.load_default(size=size)
        assert isinstance(loaded, ImageFont.FreeTypeFont)
        return loaded
    return ImageFont.truetype(path, size)


@dataclass(frozen=True)
class Placed:
    """Where a text landed, as a normalised box of its (rotated) layer."""

    text: str
    box: Box


def put_text(
    img: Image.Image,
    text: str,
    *,
    at: tuple[float, float],
    size: int,
    font_name: str = "aileron",
    colour: Rgb = (20, 20, 20),
    angle: float = 0.0,
    plate: Rgb | None = None,
    stroke: Rgb | None = None,
    opacity: float = 1.0,
) -> Placed:
    """Draw `text` with its top-left at `at` (fractions), in place.

    `plate` puts a filled banner behind the text (price tags, sale ribbons); `stroke` adds an
    outline (meme-style captions); `opacity` below 1 makes a watermark.
    """
    f = font(font_name, size)
    pad = size // 3 if plate else 2
    left, top, right, bottom = f.getbbox(text, stroke_width=2 if stroke else 0)
    w, h = right - left + 2 * pad, bottom - top + 2 * pad
    layer = Image.new("RGBA", (w, h), (*plate, 255) if plate else (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    alpha = round(255 * opacity)
    d.text(
        (pad - left, pad - top),
        text,
        font=f,
        fill=(*colour, alpha),
        stroke_width=2 if stroke else 0,
        stroke_fill=(*stroke, alpha) if stroke else None,
    )
    if angle:
        layer = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    x, y = round(at[0] * img.width), round(at[1] * img.height)
    img.paste(layer, (x, y), layer)
    box = (x / img.width, y / img.height, layer.width / img.width, layer.height / img.height)
    return Placed(text, box)


def busy(size: tuple[int, int] = (1280, 960), seed: int = 0) -> Image.Image:
    """A cluttered photo: coloured shapes and lines over a texture, as in a market stall shot."""
    w, h = size
    r = rng(seed)
    tex = r.normal(128, 60, (h // 40, w // 40, 3)).clip(0, 255).astype(np.uint8)
    img = Image.fromarray(tex).resize(size, Image.Resampling.BICUBIC)
    d = ImageDraw.Draw(img)
    for _ in range(40):
        x0, y0 = int(r.integers(0, w)), int(r.integers(0, h))
        x1, y1 = x0 + int(r.integers(20, w // 4)), y0 + int(r.integers(20, h // 4))
        col = tuple(int(v) for v in r.integers(0, 256, 3))
        if r.random() < 0.5:
            d.rectangle([x0, y0, x1, y1], fill=col)
        else:
            d.line([x0, y0, x1, y1], fill=col, width=int(r.integers(2, 12)))
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    return add_noise(img, 6.0, seed)


def photo(img: Image.Image, seed: int = 0, quality: int = 85) -> np.ndarray:
    """Finish like a real upload: a little sensor noise, then a JPEG round trip; RGB uint8."""
    noisy = add_noise(img, 2.0, seed)
    buf = io.BytesIO()
    noisy.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    with Image.open(buf) as decoded:
        return np.asarray(decoded.convert("RGB"))


def overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box's area: 1 when one box lies inside the other."""
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    smaller = min(a[2] * a[3], b[2] * b[3])
    return ix * iy / smaller if smaller > 0 else 0.0
