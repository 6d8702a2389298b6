"""The one decode: header facts, orientation, colour modes, and every kind of bad file."""

from __future__ import annotations

import io
import struct
import zlib

import imagegen
import numpy as np
import pytest
from PIL import Image, ImageCms

from aedesk.core.analysis.decode import DECODE_LONG_SIDE, DecodeError, decode


def encode(img: Image.Image, fmt: str, **kwargs) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kwargs)
    return buf.getvalue()


def test_large_jpeg_is_decoded_at_reduced_scale() -> None:
    data = imagegen.jpeg_bytes(imagegen.product((4200, 2800), seed=3))
    d = decode(data)
    assert (d.format, d.width, d.height, d.mode, d.bit_depth) == ("JPEG", 4200, 2800, "RGB", 8)
    assert DECODE_LONG_SIDE <= max(d.rgb.shape[:2]) < 4200
    assert d.rgb.dtype == np.uint8 and d.rgb.shape[2] == 3 and len(d.sha256) == 64


def test_exif_orientation_swaps_width_and_height() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    data = imagegen.jpeg_bytes(imagegen.product((1600, 1200)), exif=exif.tobytes())
    d = decode(data)
    assert (d.width, d.height, d.orientation) == (1200, 1600, 6)
    assert d.rgb.shape[:2] == (1600, 1200)


def test_cmyk_jpeg() -> None:
    d = decode(encode(imagegen.product((800, 800)).convert("CMYK"), "JPEG"))
    assert d.mode == "CMYK" and d.rgb.shape == (800, 800, 3)


def test_16_bit_grey_png_is_scaled_not_clipped() -> None:
    ramp = (np.linspace(0, 65535, 256, dtype=np.uint32)[None, :].repeat(64, 0)).astype(np.uint16)
    d = decode(encode(Image.fromarray(ramp), "PNG"))
    assert d.bit_depth == 16
    assert d.rgb[0, 0, 0] == 0 and d.rgb[0, -1, 0] == 255 and 120 < d.rgb[0, 128, 0] < 135


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_16_bit_rgb_png_depth_comes_from_the_header() -> None:
    w, h = 4, 2
    raw = b"".join(b"\x00" + b"\xff\xff\x00\x00\x00\x00" * w for _ in range(h))
    png = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0))
           + _png_chunk(b"IDAT", zlib.compress(raw)) + _png_chunk(b"IEND", b""))
    d = decode(png)
    assert d.bit_depth == 16 and tuple(d.rgb[0, 0]) == (255, 0, 0)


def test_icc_profiles_are_named() -> None:
    img = imagegen.product((400, 400))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    assert decode(encode(img, "JPEG")).icc == "none"
    assert decode(encode(img, "JPEG", icc_profile=srgb)).icc == "srgb"
    assert decode(encode(img, "JPEG", icc_profile=lab)).icc == "other"


def test_palette_and_alpha_pngs_flatten_onto_white() -> None:
    rgba = Image.new("RGBA", (64, 64), (255, 0, 0, 0))
    d = decode(encode(rgba, "PNG"))
    assert d.mode == "RGBA" and tuple(d.rgb[0, 0]) == (255, 255, 255)
    pal = imagegen.product((300, 300)).convert("P")
    assert decode(encode(pal, "PNG")).mode == "P"


def test_animated_gif_and_webp_count_frames() -> None:
    frames = [imagegen.product((200, 200), seed=s) for s in range(3)]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    webp = encode(frames[0], "WEBP", save_all=True, append_images=frames[1:])
    assert decode(gif).frames == 3 and decode(gif).format == "GIF"
    assert decode(webp).frames == 3 and decode(webp).format == "WEBP"


@pytest.mark.parametrize(("data", "words"), [
    (b"", "Not an image"),
    (b"This is a text file, not a JPEG.\n" * 20, "Not an image"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100, "HEIC"),
    (b"%PDF-1.7\n" + b"\x00" * 100, "PDF"),
])
def test_undecodable_bytes_say_why(data: bytes, words: str) -> None:
    with pytest.raises(DecodeError, match=words) as exc:
        decode(data)
    assert exc.value.message_zh


def test_truncated_jpeg_is_reported_as_damaged() -> None:
    data = imagegen.jpeg_bytes(imagegen.product((1600, 1600)))
    with pytest.raises(DecodeError, match="damaged or truncated") as exc:
        decode(data[: len(data) // 2])
    assert exc.value.format == "JPEG"


def test_decompression_bomb_is_refused_before_decoding() -> None:
    bomb = encode(Image.new("1", (20000, 20000)), "PNG")
    assert len(bomb) < 200_000
    with pytest.raises(DecodeError, match="too large to decode"):
        decode(bomb)
