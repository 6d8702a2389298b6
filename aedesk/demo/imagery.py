"""Real-looking generated photos: product shots on studio backdrops, and scene photos.

The demo library and the tests are made of these. Every image comes from a seeded RNG, so
it is repeatable; images carry sensor-like noise and go through JPEG compression when
saved, like real photos.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

Rgb = tuple[int, int, int]


def rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def add_noise(img: Image.Image, sigma: float = 4.0, seed: int = 0) -> Image.Image:
    """Sensor noise: gaussian, per channel."""
    arr = np.asarray(img.convert("RGB"), dtype=np.int16)
    noise = rng(seed).normal(0, sigma, arr.shape).astype(np.int16)
    return Image.fromarray(np.clip(arr + noise, 0, 255).astype(np.uint8))


def product(
    size: tuple[int, int] = (1600, 1600),
    background: Rgb = (250, 250, 250),
    colour: Rgb = (40, 90, 170),
    seed: int = 0,
    shape: str = "bottle",
    scale: float = 0.55,
    angle: float = 0.0,
) -> Image.Image:
    """A shaded product on a studio backdrop, with a soft shadow and a slight vignette."""
    w, h = size
    r = rng(seed)
    img = Image.new("RGB", size, background)
    # backdrop: a faint vertical gradient, as a sweep of paper under soft light
    grad = np.linspace(1.0, 0.96, h)[:, None, None]
    arr = np.clip(np.asarray(img, dtype=np.float32) * grad, 0, 255).astype(np.uint8)
    img = Image.fromarray(arr)
    obj_w, obj_h = int(w * scale * (0.45 if shape == "bottle" else 0.8)), int(h * scale)
    layer = Image.new("RGBA", (obj_w, obj_h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    if shape == "bottle":
        neck = obj_w // 3
        d.rounded_rectangle([0, obj_h // 4, obj_w - 1, obj_h - 1], radius=obj_w // 5, fill=colour)
        d.rectangle([neck, 0, obj_w - neck, obj_h // 4 + 10], fill=colour)
    elif shape == "box":
        d.rectangle([0, 0, obj_w - 1, obj_h - 1], fill=colour)
    else:
        d.ellipse([0, 0, obj_w - 1, obj_h - 1], fill=colour)
    # shading: darker to the right, a specular stripe on the left
    shade = np.linspace(1.15, 0.7, obj_w)[None, :, None]
    la = np.asarray(layer, dtype=np.float32)
    la[..., :3] = np.clip(la[..., :3] * shade, 0, 255)
    stripe = slice(obj_w // 6, obj_w // 6 + max(2, obj_w // 14))
    la[:, stripe, :3] = np.clip(la[:, stripe, :3] + 60, 0, 255)
    layer = Image.fromarray(la.astype(np.uint8), "RGBA")
    if angle:
        layer = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    x = (w - layer.width) // 2 + int(r.integers(-w // 20, w // 20 + 1))
    y = (h - layer.height) // 2 + int(r.integers(-h // 20, h // 20 + 1))
    # the soft shadow is drawn and blurred at 1/8 scale: a large blur is slow at full size
    small = Image.new("L", (max(1, w // 8), max(1, h // 8)), 0)
    ImageDraw.Draw(small).ellipse(
        [x // 8, (y + layer.height - layer.height // 12) // 8, (x + layer.width) // 8,
         (y + layer.height + h // 30) // 8],
        fill=90,
    )
    shadow = small.filter(ImageFilter.GaussianBlur(w / 480)).resize(size, Image.Resampling.BILINEAR)
    img.paste((90, 90, 90), (0, 0), shadow)
    img.paste(layer, (x, y), layer)
    return add_noise(img, 3.0, seed)


def scene(size: tuple[int, int] = (1600, 1200), seed: int = 0, sharp: bool = False) -> Image.Image:
    """An outdoor-like photo: sky gradient, textured ground, blurred blobs of foliage.

    Soft all over unless `sharp`, which adds in-focus grass and a fence in front.
    """
    w, h = size
    r = rng(seed)
    horizon = int(h * r.uniform(0.35, 0.55))
    arr = np.zeros((h, w, 3), dtype=np.float32)
    sky = np.linspace(0, 1, horizon)[:, None]
    arr[:horizon] = (np.array([110, 160, 230]) * (1 - sky)[..., None] + np.array([200, 220, 240]) * sky[..., None])
    ground = r.normal(0, 1, (max(1, (h - horizon) // 8), max(1, w // 8)))
    ground_img = Image.fromarray(((ground - ground.min()) / np.ptp(ground) * 255).astype(np.uint8))
    ground_img = ground_img.resize((w, h - horizon), Image.Resampling.BICUBIC)
    g = np.asarray(ground_img, dtype=np.float32)[..., None] / 255.0
    arr[horizon:] = np.array([70, 110, 50]) * (0.6 + 0.8 * g)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    for _ in range(25):
        cx, cy = int(r.integers(0, w)), int(r.integers(0, h))
        rad = int(r.integers(w // 30, w // 8))
        col = tuple(int(v) for v in r.integers(20, 200, 3))
        d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=col)
    img = img.filter(ImageFilter.GaussianBlur(w / 300))
    if sharp:  # in-focus details on the ground: grass blades and a fence, as a lens would see them
        d = ImageDraw.Draw(img)
        for _ in range(w // 3):
            x, y = int(r.integers(0, w)), int(r.integers(horizon, h))
            tone = int(r.integers(20, 140))
            tip = (x + int(r.integers(-6, 7)), y - int(r.integers(8, 30)))
            d.line([x, y, *tip], fill=(tone // 2, tone, tone // 3), width=2)
        fence_y = horizon + (h - horizon) // 5
        for x in range(0, w, max(12, w // 40)):
            d.rectangle([x, fence_y - h // 12, x + max(3, w // 200), fence_y], fill=(235, 230, 215))
    return add_noise(img, 5.0, seed)


def jpeg_bytes(img: Image.Image, quality: int = 90, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality, **kwargs)
    return buf.getvalue()


def save(img: Image.Image, path: Path, fmt: str | None = None, **kwargs: object) -> Path:
    """Save as a real file (JPEG at quality 90 unless the name or `fmt` says otherwise)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = fmt or {"png": "PNG", "webp": "WEBP", "gif": "GIF", "tif": "TIFF"}.get(
        path.suffix.lower().lstrip("."), "JPEG"
    )
    if fmt == "JPEG":
        kwargs.setdefault("quality", 90)
        img = img.convert("RGB") if img.mode not in ("RGB", "L", "CMYK") else img
    img.save(path, fmt, **kwargs)
    return path


def with_qr(img: Image.Image, text: str, fraction: float = 0.12, angle: float = 8.0,
            at: tuple[float, float] = (0.78, 0.78)) -> Image.Image:
    """Paste a QR code (side = `fraction` of the short side) slightly rotated, as a sticker."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode)
    qr = Image.fromarray(np.asarray(code.to_image(scale=8))).convert("RGB")
    side = max(21, int(min(img.size) * fraction))
    qr = qr.resize((side, side), Image.Resampling.NEAREST).convert("RGBA")
    qr = qr.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    out = img.convert("RGB").copy()
    out.paste(qr, (int(img.width * at[0]) - qr.width // 2, int(img.height * at[1]) - qr.height // 2), qr)
    return out


def with_caption(img: Image.Image, text: str, size_fraction: float = 0.07,
                 colour: Rgb = (220, 20, 30), at: tuple[float, float] = (0.5, 0.12)) -> Image.Image:
    """Overlay a bold banner of text, as sellers stamp promotions on photos."""
    from PIL import ImageFont

    out = img.convert("RGB").copy()
    font = ImageFont.load_default(size=max(10, int(min(img.size) * size_fraction)))
    draw = ImageDraw.Draw(out)
    box = draw.textbbox((0, 0), text, font=font)
    tw, th = box[2] - box[0], box[3] - box[1]
    x, y = int(img.width * at[0] - tw / 2), int(img.height * at[1] - th / 2)
    pad = th // 3
    draw.rectangle([x - pad, y - pad, x + tw + pad, y + th + pad * 2], fill=(255, 240, 0))
    draw.text((x - box[0], y - box[1]), text, font=font, fill=colour)
    return out


def collage(images: list[Image.Image], columns: int, size: tuple[int, int], gutter: int = 8) -> Image.Image:
    """Stitch photos into a grid with white gutters (拼图)."""
    rows = -(-len(images) // columns)
    cw, ch = (size[0] - gutter * (columns + 1)) // columns, (size[1] - gutter * (rows + 1)) // rows
    out = Image.new("RGB", size, (255, 255, 255))
    for i, im in enumerate(images):
        r, c = divmod(i, columns)
        tile = im.convert("RGB").resize((cw, ch), Image.Resampling.LANCZOS)
        out.paste(tile, (gutter + c * (cw + gutter), gutter + r * (ch + gutter)))
    return out
