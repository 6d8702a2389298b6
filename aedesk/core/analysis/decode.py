"""The one decode of an image: header facts, then pixels at reduced scale.

Every analysis and the thumbnail derive from this one decode. JPEGs are decoded through
Pillow's `draft` (DCT scaling), so a 24-megapixel photo costs about a tenth of a full decode
in memory; other formats are decoded whole and reduced.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Pillow's own bomb check warns at 89 MP and refuses at 179 MP; we refuse above our own limit
# before any pixel is decoded, with a message, instead of a warning in a worker thread.
Image.MAX_IMAGE_PIXELS = None
MAX_PIXELS = 150_000_000
MAX_FILE_BYTES = 400_000_000
# Decode at least this many pixels on the long side: a QR code covering 4-5% of the short
# side still reads at this scale (measured on 24 MP photos decoded at 1/4: 1500×1000).
DECODE_LONG_SIDE = 1500

_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


class DecodeError(Exception):
    """The file cannot be analysed; the message says why, for the user."""

    def __init__(self, message: str, message_zh: str, fmt: str | None = None) -> None:
        super().__init__(message)
        self.message_zh = message_zh
        self.format = fmt


@dataclass(frozen=True)
class Decoded:
    """Header facts plus the oriented RGB pixels at reduced scale."""

    format: str
    width: int
    height: int
    mode: str
    bit_depth: int
    icc: str
    orientation: int
    frames: int
    sha256: str
    rgb: np.ndarray  # uint8 H×W×3, upright, long side ≥ DECODE_LONG_SIDE when the file allows


def read_bytes(path: Path) -> bytes:
    """Read the whole file once (it is hashed and decoded from memory)."""
    size = path.stat().st_size
    if size == 0:
        raise DecodeError("The file is empty (0 bytes).", "文件为空（0 字节）。")
    if size > MAX_FILE_BYTES:
        raise DecodeError(
            f"The file is {size:,} bytes, too large to be a product photo.",
            f"文件有 {size:,} 字节，太大，不像商品图片。",
        )
    return path.read_bytes()


def sniff_unsupported(data: bytes) -> str | None:
    """Name formats Pillow cannot open but a user may well have (HEIC from phones, AVIF)."""
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return "HEIC"
        if brand in (b"avif", b"avis"):
            return "AVIF"
    if data[:4] == b"%PDF":
        return "PDF"
    return None


def decode(data: bytes) -> Decoded:
    """Decode `data` once at reduced scale. Raises DecodeError with a user-facing reason."""
    try:
        im = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        fmt = sniff_unsupported(data)
        if fmt:
            raise DecodeError(
                f"{fmt} image: it cannot be decoded here and is not accepted (JPEG or PNG).",
                f"{fmt} 格式图片：无法解码，平台也不接受（需要 JPEG 或 PNG）。",
                fmt,
            ) from None
        raise DecodeError("Not an image, or an image format aedesk does not know.",
                          "不是图片，或是 aedesk 不认识的图片格式。") from None
    fmt = im.format or "unknown"
    w, h = im.size
    if w * h > MAX_PIXELS:
        raise DecodeError(
            f"{w}×{h} px is too large to decode safely (limit {MAX_PIXELS // 1_000_000} MP).",
            f"{w}×{h} 像素过大，无法安全解码（上限 {MAX_PIXELS // 1_000_000} 百万像素）。",
            fmt,
        )
    orientation = _orientation(im)
    header = dict(
        format=fmt,
        width=h if orientation in _ROTATED else w,
        height=w if orientation in _ROTATED else h,
        mode=im.mode,
        bit_depth=_bit_depth(im, data),
        icc=_icc_kind(im.info.get("icc_profile")),
        orientation=orientation,
        frames=getattr(im, "n_frames", 1),
    )
    try:
        rgb = _reduced_rgb(im)
    except (OSError, SyntaxError, ValueError) as exc:
        raise DecodeError(
            f"The {fmt} data is damaged or truncated ({exc}).",
            f"{fmt} 数据损坏或不完整（{exc}）。",
            fmt,
        ) from None
    return Decoded(sha256=hashlib.sha256(data).hexdigest(), rgb=rgb, **header)  # type: ignore[arg-type]


def _orientation(im: Image.Image) -> int:
    try:
        value = im.getexif().get(0x0112, 1)
    except (OSError, SyntaxError, ValueError):
        return 1  # unreadable EXIF: treat as upright rather than refuse the photo
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _bit_depth(im: Image.Image, data: bytes) -> int:
    if im.format == "PNG" and data[12:16] == b"IHDR":
        return data[24]  # Pillow maps 16-bit RGB PNGs to 8-bit modes; the header knows
    if im.mode.startswith(("I;16", "I", "F")):
        return 16 if im.mode.startswith("I;16") else 32
    bits = im.info.get("bits") if isinstance(im.info.get("bits"), int) else None
    return int(bits) if bits else (1 if im.mode == "1" else 8)


def _icc_kind(icc: bytes | None) -> str:
    if not icc:
        return "none"
    try:
        desc = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile.profile_description or ""
    except (OSError, ImageCms.PyCMSError):
        return "other"
    return "srgb" if "srgb" in desc.lower() or "61966" in desc else "other"


def _reduced_rgb(im: Image.Image) -> np.ndarray:
    w, h = im.size
    scale = DECODE_LONG_SIDE / max(w, h)
    if im.format == "JPEG" and scale < 1:
        im.draft("RGB" if im.mode == "RGB" else im.mode, (int(w * scale), int(h * scale)))
    im.load()
    if _orientation(im) != 1:  # exif_transpose copies the image even when there is nothing to do
        im = ImageOps.exif_transpose(im)
    return to_rgb8(im)


def to_rgb8(im: Image.Image) -> np.ndarray:
    """Any Pillow mode to uint8 RGB; 16-bit scaled (not clipped), alpha over white."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        top = 65535.0 if im.mode.startswith("I;16") or arr.max() > 255 else 255.0
        gray = np.clip(arr / top * 255.0, 0, 255).astype(np.uint8)
        return np.repeat(gray[..., None], 3, axis=2)
    if im.mode in ("RGBA", "LA", "PA", "P") or "transparency" in im.info:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = Image.alpha_composite(white, rgba)
    return np.asarray(im if im.mode == "RGB" else im.convert("RGB"))
