"""Scene-like photos that are hard cases for the background and collage detectors.

Each looks like something a seller really shoots: a product on a wooden table, a room with
a plain wall and a floor, a table edge behind a product, a window, a striped shirt, a box
with a checkerboard print, a hard shadow line across a product. `analysed()` turns any of
them into the array the analysis pipeline hands to the detectors (JPEG, then ~1024 px).
"""

from __future__ import annotations

import io

import numpy as np
from imagegen import Rgb, add_noise, product, rng, scene
from imagegen_objects import Item, compose
from PIL import Image, ImageDraw, ImageFilter


def analysed(img: Image.Image, long_side: int = 1024, quality: int = 88) -> np.ndarray:
    """What the pipeline makes of a photo: JPEG file, reduced decode, thumbnail."""
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    with Image.open(buf) as decoded:
        decoded.draft("RGB", (long_side, long_side))
        small = decoded.convert("RGB")
    small.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    return np.asarray(small)


def wood(size: tuple[int, int], seed: int = 0, planks: int = 4) -> Image.Image:
    """Wood grain: warped rings in browns, planks running left to right with dark joints."""
    w, h = size
    r = rng(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    warp_src = r.normal(0, 1, (8, 8)).astype(np.float32)
    warp = np.asarray(Image.fromarray(warp_src).resize((w, h), Image.Resampling.BICUBIC))
    plank_h = h / planks
    plank = np.floor(y / plank_h)
    offset = r.uniform(0, 50, planks + 1).astype(np.float32)[plank.astype(int)]
    grain = np.sin((y + 18 * warp + offset) * (2 * np.pi / (h / 28)) + x * 0.002)
    fine = r.normal(0, 1, (h, max(1, w // 20))).astype(np.float32)
    fine_img = Image.fromarray(fine).resize((w, h), Image.Resampling.BILINEAR)
    t = np.clip(0.5 + 0.35 * grain + 0.12 * np.asarray(fine_img), 0, 1)[..., None]
    light, dark = np.array([196, 150, 104]), np.array([120, 78, 44])
    arr = light * (1 - t) + dark * t
    joint = np.abs(y - (plank + 1) * plank_h) < 2
    arr[joint] *= 0.55
    return add_noise(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), 4.0, seed)


def _paste_product(
    base: Image.Image, seed: int, colour: Rgb, box: tuple[int, int, int, int]
) -> None:
    """Cut a shaded bottle out of a studio shot and stand it in `box` on `base`."""
    shot = product((600, 600), (255, 0, 255), colour, seed=seed, scale=0.8)
    arr = np.asarray(shot, dtype=np.int16)
    key = (arr[..., 0] > 180) & (arr[..., 1] < 110) & (arr[..., 2] > 180)
    mask = Image.fromarray(np.where(key, 0, 255).astype(np.uint8)).filter(ImageFilter.MinFilter(5))
    bbox = mask.getbbox() or (0, 0, 600, 600)
    cut, cut_mask = shot.crop(bbox), mask.crop(bbox)
    size = (box[2] - box[0], box[3] - box[1])
    base.paste(cut.resize(size), box[:2], cut_mask.resize(size))


def wooden_table(size: tuple[int, int] = (1400, 1050), seed: int = 0) -> Image.Image:
    """A flat-lay: the table fills the frame, a product lies in the middle."""
    w, h = size
    img = wood(size, seed)
    shadow = Image.new("L", size, 0)
    ImageDraw.Draw(shadow).ellipse([w * 0.38, h * 0.25, w * 0.66, h * 0.82], fill=110)
    img.paste((30, 20, 10), (0, 0), shadow.filter(ImageFilter.GaussianBlur(w / 50)))
    _paste_product(
        img, seed, (200, 40, 60), (int(w * 0.4), int(h * 0.2), int(w * 0.6), int(h * 0.78))
    )
    return add_noise(img, 2.0, seed + 1)


def room(
    size: tuple[int, int] = (1400, 1050), seed: int = 0, floor_at: float = 0.72
) -> Image.Image:
    """A plain painted wall with a visible floor, a skirting board and a product standing there."""
    w, h = size
    fy = int(h * floor_at)
    y = np.linspace(0, 1, fy)[:, None, None]
    x = np.linspace(-1, 1, w)[None, :, None]
    wall = np.array([232, 226, 214]) * (1.02 - 0.08 * y - 0.05 * x**2)
    arr = np.zeros((h, w, 3), np.float32)
    arr[:fy] = wall
    floor = np.asarray(wood((w, h - fy), seed + 3, planks=3), np.float32)
    arr[fy:] = floor * np.linspace(0.9, 1.05, h - fy)[:, None, None]
    arr[fy - h // 60 : fy] = (245, 245, 240)  # skirting board
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    _paste_product(
        img, seed, (50, 120, 90), (int(w * 0.55), int(h * 0.35), int(w * 0.7), int(h * 0.88))
    )
    return add_noise(img.filter(ImageFilter.GaussianBlur(1)), 3.0, seed)


def table_edge(
    size: tuple[int, int] = (1400, 1050), seed: int = 0, edge_at: float = 0.5
) -> Image.Image:
    """A product on a table in front of a plain wall: a straight, full-width table edge."""
    w, h = size
    ey = int(h * edge_at)
    arr = np.zeros((h, w, 3), np.float32)
    arr[:ey] = np.array([180, 196, 210]) * np.linspace(0.95, 1.05, ey)[:, None, None]
    arr[ey:] = np.array([236, 232, 226]) * np.linspace(1.0, 0.9, h - ey)[:, None, None]
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    shadow = Image.new("L", size, 0)
    ImageDraw.Draw(shadow).ellipse([w * 0.36, h * 0.8, w * 0.66, h * 0.9], fill=120)
    img.paste((60, 60, 60), (0, 0), shadow.filter(ImageFilter.GaussianBlur(w / 80)))
    _paste_product(
        img, seed, (40, 90, 170), (int(w * 0.38), int(h * 0.18), int(w * 0.62), int(h * 0.86))
    )
    return add_noise(img, 3.0, seed)


def window(size: tuple[int, int] = (1400, 1050), seed: int = 0) -> Image.Image:
    """A window shot straight on: painted frame, a central mullion and a transom, view outside."""
    w, h = size
    img = scene(size, seed)
    d = ImageDraw.Draw(img)
    fw = w // 28
    bars = [(0, 0, fw * 2, h), (w - fw * 2, 0, w, h), (0, 0, w, fw * 2), (0, h - fw * 2, w, h)]
    bars += [(w // 2 - fw // 2, 0, w // 2 + fw // 2, h), (0, h // 3 - fw // 2, w, h // 3 + fw // 2)]
    for b in bars:
        d.rectangle(b, fill=(236, 234, 228))
    arr = np.asarray(img, np.float32).copy()
    frame = np.zeros((h, w), bool)
    for x0, y0, x1, y1 in bars:
        frame[y0:y1, x0:x1] = True
    light = (1.0 - 0.18 * np.linspace(0, 1, h)[:, None]) * (
        1.0 - 0.06 * np.linspace(0, 1, w)[None, :]
    )
    arr[frame] *= light[frame][:, None]
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    # the bevel where the frame meets the glass throws a thin shadow line
    d = ImageDraw.Draw(img)
    d.line(
        [(w // 2 + fw // 2, fw * 2), (w // 2 + fw // 2, h - fw * 2)], fill=(150, 148, 140), width=3
    )
    return add_noise(img.filter(ImageFilter.GaussianBlur(0.8)), 3.0, seed)


def striped_shirt(size: tuple[int, int] = (1400, 1050), seed: int = 0) -> Image.Image:
    """A striped shirt filling the left half of the frame, vertical stripes, on a grey backdrop."""
    w, h = size
    img = Image.new("RGB", size, (214, 214, 210))
    y, x = np.mgrid[0:h, 0:w]
    period = w // 36
    stripes = ((x + (np.sin(y / h * 3.0) * period * 0.4).astype(int)) // (period // 2)) % 2 == 0
    cloth = np.where(stripes[..., None], np.array([30, 50, 120]), np.array([240, 240, 235]))
    fold = 0.85 + 0.15 * np.sin(x / w * 9 + np.sin(y / h * 4))
    cloth = cloth * fold[..., None]
    mask = Image.new("L", size, 0)
    d = ImageDraw.Draw(mask)
    d.polygon([(0, 0), (w * 0.46, 0), (w * 0.52, h * 0.35), (w * 0.5, h), (0, h)], fill=255)
    arr = np.where(np.asarray(mask)[..., None] > 0, cloth, np.asarray(img)).astype(np.uint8)
    return add_noise(Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.7)), 3.0, seed)


def checker_box(size: tuple[int, int] = (1400, 1050), seed: int = 0) -> Image.Image:
    """A box with a black-and-white checkerboard print, on a white studio backdrop."""
    return compose([Item("checker", cy=0.5, height=0.62)], size, (248, 248, 246), seed)


def hard_shadow(
    size: tuple[int, int] = (1400, 1050), seed: int = 0, at: float = 0.5
) -> Image.Image:
    """A product on white with a hard shadow line (sunlight past a wall) across the whole frame."""
    w, h = size
    img = compose([Item("box", (190, 60, 40), cx=0.45, height=0.5)], size, (246, 244, 240), seed)
    edge = np.zeros((h, w), np.uint8)
    edge[:, int(w * at) :] = 255
    blurred = Image.fromarray(edge).filter(ImageFilter.GaussianBlur(w / 400))
    pen = np.asarray(blurred, np.float32) / 255.0
    arr = np.asarray(img, np.float32) * (1 - 0.38 * pen[..., None])
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
