"""Test images for the code detector: QR codes and barcodes pasted into photos, and hard
negatives (stripes, fine text-like texture, checkerboards) that look code-ish to a scanner.

Codes are made by zxing-cpp's own writer, rendered at a large integer scale and then
resampled to the target size, rotated with bicubic interpolation, pasted on a white label,
and the whole photo goes through sensor noise and JPEG, as a printed sticker photographed
on a product would.
"""

from __future__ import annotations

import io

import numpy as np
import zxingcpp
from imagegen import add_noise, rng
from PIL import Image, ImageDraw, ImageFilter

Box = tuple[float, float, float, float]

# A contact link, the typical off-site promotion QR: version 3 (29 modules) at level M.
WECHAT_URL = "https://u.wechat.com/EAbCdEfGhIjKlMnOpQ"


def code_image(text: str, fmt: str, width: int, quiet: int = 2) -> Image.Image:
    """The symbol of `fmt` ("QRCode", "EAN13", "Code128"…) `width` px wide, on white.

    `quiet` is the white margin in modules on each side (the symbol itself is `width` wide);
    it is thinner than the standard's 4 modules because stickers are often trimmed close.
    """
    code = zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, fmt))
    bits = np.asarray(code.to_image(scale=1, add_quiet_zones=False))
    h, w = bits.shape
    big = np.pad(bits, quiet, constant_values=255).repeat(8, 0).repeat(8, 1)
    scale = width / w
    size = (round((w + 2 * quiet) * scale), round((h + 2 * quiet) * scale))
    return Image.fromarray(big).resize(size, Image.Resampling.LANCZOS)


def paste_code(
    img: Image.Image,
    text: str = WECHAT_URL,
    fmt: str = "QRCode",
    fraction: float = 0.05,
    angle: float = 10.0,
    centre: tuple[float, float] = (0.7, 0.3),
    levels: tuple[int, int] = (0, 255),
    quiet: int = 2,
) -> tuple[Image.Image, Box]:
    """Paste a code whose symbol spans `fraction` of the image's short side, rotated by
    `angle` degrees, centred at `centre` (fractions); `levels` are the printed black and white as
    photographed (lower both for shade, raise black for a washed-out or grey print).
    Returns the image and the normalised bounding box of the rotated label, for checking
    where the detector says it is."""
    w, h = img.size
    label = code_image(text, fmt, max(8, round(fraction * min(w, h))), quiet).convert("L")
    if levels != (0, 255):
        dark, light = levels
        label = label.point(lambda v: round(dark + (light - dark) * v / 255))
    mask = Image.new("L", label.size, 255)
    label = label.rotate(angle, Image.Resampling.BICUBIC, expand=True)
    mask = mask.rotate(angle, Image.Resampling.BICUBIC, expand=True)
    x = round(centre[0] * w - label.width / 2)
    y = round(centre[1] * h - label.height / 2)
    out = img.convert("RGB")
    out.paste(label.convert("RGB"), (x, y), mask)
    box = (x / w, y / h, label.width / w, label.height / h)
    return add_noise(out.filter(ImageFilter.GaussianBlur(0.6)), 3.0, seed=1), box


def to_gray(img: Image.Image, quality: int = 85) -> np.ndarray:
    """JPEG round trip, then the gray array the pipeline hands to the detector."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    with Image.open(buf) as decoded:
        return np.asarray(decoded.convert("L"))


def striped_shirt(
    size: tuple[int, int] = (1600, 1600), period: int = 9, seed: int = 0
) -> Image.Image:
    """A shirt of fine regular stripes, slightly rotated, on a studio backdrop."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    stripes = np.where(((xx * 0.98 + yy * 0.17) // (period / 2)) % 2 == 0, 235, 35)
    shirt = Image.fromarray(stripes.astype(np.uint8)).convert("RGB")
    mask = Image.new("L", size, 0)
    d = ImageDraw.Draw(mask)
    d.rectangle([w // 4, h // 5, 3 * w // 4, 9 * h // 10], fill=255)  # body
    d.polygon([(w // 4, h // 5), (w // 10, h // 2), (w // 5, h // 2), (w // 4, h // 3)], fill=255)
    d.polygon(
        [(3 * w // 4, h // 5), (9 * w // 10, h // 2), (4 * w // 5, h // 2), (3 * w // 4, h // 3)],
        fill=255,
    )
    out = Image.new("RGB", size, (245, 245, 242))
    out.paste(shirt, (0, 0), mask)
    return add_noise(out.filter(ImageFilter.GaussianBlur(0.7)), 4.0, seed)


def text_texture(size: tuple[int, int] = (1600, 1600), seed: int = 0) -> Image.Image:
    """A page of small, dense, glyph-like marks: lines of random strokes and blocks."""
    w, h = size
    r = rng(seed)
    img = Image.new("RGB", size, (238, 236, 230))
    d = ImageDraw.Draw(img)
    line_h, glyph_w = 14, 7
    for top in range(40, h - 40, line_h + 6):
        x = 40 + int(r.integers(0, 30))
        while x < w - 60:
            for _ in range(int(r.integers(2, 9))):  # one word
                gx, gy = x, top + int(r.integers(0, 4))
                kind = int(r.integers(0, 3))
                if kind == 0:
                    d.rectangle([gx, gy, gx + glyph_w - 2, gy + line_h - 4], fill=(30, 30, 30))
                elif kind == 1:
                    d.line([gx, gy, gx + glyph_w - 2, gy + line_h - 4], fill=(30, 30, 30), width=2)
                else:
                    d.ellipse(
                        [gx, gy + 3, gx + glyph_w - 1, gy + line_h - 2],
                        outline=(30, 30, 30),
                        width=2,
                    )
                x += glyph_w
            x += glyph_w + int(r.integers(0, 6))
    return add_noise(img.rotate(4, Image.Resampling.BICUBIC, fillcolor=(238, 236, 230)), 4.0, seed)


def checkerboard(
    size: tuple[int, int] = (1600, 1600), cell: int = 24, angle: float = 7.0, seed: int = 0
) -> Image.Image:
    """A printed checkerboard (a calibration target, a chess board, a gingham cloth)."""
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    board = np.where(((xx // cell) + (yy // cell)) % 2 == 0, 230, 25).astype(np.uint8)
    img = Image.fromarray(board).convert("RGB")
    img = img.rotate(angle, Image.Resampling.BICUBIC, fillcolor=(200, 200, 200))
    return add_noise(img.filter(ImageFilter.GaussianBlur(0.6)), 4.0, seed)


def random_bars(size: tuple[int, int] = (1600, 1600), seed: int = 0) -> Image.Image:
    """A band of bars of random widths (blinds, book spines, a barcode-like print): the
    texture that fools symbologies without a check character."""
    w, h = size
    r = rng(seed)
    unit = int(r.integers(2, 8))
    widths = r.integers(1, 5, 400) * unit
    bars = np.where(np.repeat(np.arange(len(widths)) % 2, widths)[:w] == 0, 235, 30)
    band = int(r.integers(100, h))
    arr = np.full((h, w), 240, np.uint8)
    arr[h // 2 - band // 2 : h // 2 + band // 2, : len(bars)] = bars
    img = Image.fromarray(arr).convert("RGB")
    img = img.rotate(float(r.uniform(-20, 20)), Image.Resampling.BICUBIC, fillcolor=(240, 240, 240))
    return add_noise(img.filter(ImageFilter.GaussianBlur(0.7)), 4.0, seed)


def shadow_edge(img: Image.Image, at: float = 0.5, strength: float = 0.5) -> Image.Image:
    """A soft-edged shadow over the right part of the picture, from `at` (a fraction of the
    width) on: what an object between the lamp and the product casts."""
    w = img.width
    x = np.arange(w, dtype=np.float32)
    light = 1.0 - strength * (0.5 + 0.5 * np.tanh((x - at * w) / (w / 200)))
    arr = np.asarray(img.convert("RGB"), np.float32) * light[None, :, None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
