"""Images for export tests: ICC-tagged RGB and CMYK, 16-bit, alpha, metadata, 24 MP noise.

The ICC profiles are built here byte by byte (ICC v2), because no CMYK profile ships with
Pillow or the system: an RGB matrix/TRC profile whose red and blue primaries are swapped,
and a CMYK lookup-table profile that prints on warm paper. Both make a naive conversion
visibly wrong, so a test can tell whether the export went through the profile.
"""

from __future__ import annotations

import io
import itertools
import struct

import imagegen
import numpy as np
from PIL import Image, ImageChops

# sRGB primaries and white as the ICC PCS sees them (D50, Bradford-adapted), columns R, G, B.
SRGB_TO_XYZ_D50 = np.array([[0.4360747, 0.3850649, 0.1430804],
                            [0.2225045, 0.7168786, 0.0606169],
                            [0.0139322, 0.0971045, 0.7141733]])
D50 = (0.9642, 1.0, 0.8249)
PAPER = (250, 240, 200)  # the CMYK profile's unprinted paper, as sRGB
INKS = {"c": (0.0, 0.62, 0.88), "m": (0.9, 0.0, 0.55), "y": (1.0, 0.92, 0.0),
        "k": (0.08, 0.08, 0.08)}


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def _xyz_tag(xyz: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15(v) for v in xyz)


def _desc_tag(text: str) -> bytes:
    ascii_ = text.encode("ascii") + b"\0"
    return (b"desc\0\0\0\0" + struct.pack(">I", len(ascii_)) + ascii_
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)


def _profile(device_class: bytes, space: bytes, tags: dict[bytes, bytes]) -> bytes:
    """Assemble an ICC v2 profile (PCS XYZ, D50) from its tags."""
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table, body = [], b""
    for sig, data in tags.items():
        data += b"\0" * (-len(data) % 4)
        table.append(struct.pack(">4sII", sig, offset + len(body), len(data)))
        body += data
    size = 128 + table_size + len(body)
    header = (struct.pack(">I4sI4s4s4s", size, b"lcms", 0x02100000, device_class, space, b"XYZ ")
              + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 24
              + struct.pack(">I", 0) + b"".join(_s15(v) for v in D50) + b"\0" * 48)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(table) + body


def swapped_rgb_icc() -> bytes:
    """An RGB profile whose first channel is sRGB's blue and third is sRGB's red (gamma 2.2)."""
    red, green, blue = (tuple(SRGB_TO_XYZ_D50[:, i]) for i in range(3))
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256))
    return _profile(b"mntr", b"RGB ", {
        b"desc": _desc_tag("Swapped RB test profile"), b"wtpt": _xyz_tag(D50),
        b"rXYZ": _xyz_tag(blue), b"gXYZ": _xyz_tag(green), b"bXYZ": _xyz_tag(red),
        b"rTRC": curve, b"gTRC": curve, b"bTRC": curve, b"cprt": b"text\0\0\0\0test\0",
    })


def cmyk_print(c: int, m: int, y: int, k: int) -> tuple[int, int, int]:
    """The sRGB colour the test CMYK profile gives ink amounts 0 or 255 on its paper."""
    rgb = np.array(PAPER, dtype=float) / 255
    for name, amount in zip("cmyk", (c, m, y, k), strict=True):
        if amount:
            rgb = rgb * np.array(INKS[name])
    return tuple(round(float(v) * 255) for v in rgb)  # type: ignore[return-value]


def _srgb_to_xyz(rgb: tuple[int, int, int]) -> np.ndarray:
    v = np.array(rgb, dtype=float) / 255
    linear = np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)
    return SRGB_TO_XYZ_D50 @ linear


def cmyk_icc() -> bytes:
    """A CMYK output profile (2-point lookup table per ink) printing on warm paper."""
    clut = b""
    for corner in itertools.product((0, 255), repeat=4):  # first channel varies slowest
        xyz = _srgb_to_xyz(cmyk_print(*corner))
        clut += b"".join(struct.pack(">H", min(65535, round(v * 32768))) for v in xyz)
    identity = b"".join(_s15(v) for v in (1, 0, 0, 0, 1, 0, 0, 0, 1))
    table = struct.pack(">HH", 0, 65535)
    lut = (b"mft2\0\0\0\0" + struct.pack(">BBBB", 4, 3, 2, 0) + identity + struct.pack(">HH", 2, 2)
           + table * 4 + clut + table * 3)
    return _profile(b"prtr", b"CMYK", {b"desc": _desc_tag("Warm paper test CMYK"),
                                        b"wtpt": _xyz_tag(D50), b"A2B0": lut,
                                        b"cprt": b"text\0\0\0\0test\0"})


def cmyk_patches(size: int = 400) -> Image.Image:
    """A CMYK image of four flat patches: paper, cyan, magenta+yellow, black (full inks)."""
    im = Image.new("CMYK", (size, size), (0, 0, 0, 0))
    half = size // 2
    im.paste((255, 0, 0, 0), (half, 0, size, half))
    im.paste((0, 255, 255, 0), (0, half, half, size))
    im.paste((0, 0, 0, 255), (half, half, size, size))
    return im


def encode(img: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kwargs)
    return buf.getvalue()


def gps_exif(orientation: int = 1) -> bytes:
    """EXIF with a camera model, an orientation and a GPS position (Shenzhen)."""
    exif = Image.Exif()
    exif[0x0110] = "TestCam 5"
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (22.0, 32.0, 35.0), 3: "E", 4: (114.0, 3.0, 28.0)})
    return exif.tobytes()


XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
       b'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator='
       b'"Studio Li"/></rdf:RDF></x:xmpmeta>')


def noisy_photo(
    size: tuple[int, int] = (6000, 4000), sigma: float = 8.0, seed: int = 0
) -> Image.Image:
    """A big product photo with heavy sensor noise: the worst case for the size cap.

    Drawn small and enlarged (drawing at 24 MP takes seconds), then noised at full size with
    a tile of gaussian noise (JPEG codes every 8×8 block on its own: repeats do not help it).
    """
    w, h = size
    small = imagegen.product((w // 4, h // 4), seed=seed).resize(size, Image.Resampling.BICUBIC)
    tile_size = (min(w, 1003), min(h, 997))
    values = np.random.default_rng(seed).normal(128, sigma, (tile_size[1], tile_size[0], 3))
    tile = Image.fromarray(np.clip(values, 0, 255).astype(np.uint8))
    noise = Image.new("RGB", size)
    for y in range(0, h, tile_size[1]):
        for x in range(0, w, tile_size[0]):
            noise.paste(tile, (x, y))
    return ImageChops.add(small, noise, 1.0, -128)


def png16(arr: np.ndarray) -> bytes:
    """A 16-bit RGB PNG from a uint16 H×W×3 array (Pillow cannot write one)."""
    import zlib
    h, w, _ = arr.shape
    raw = b"".join(b"\0" + arr[y].astype(">u2").tobytes() for y in range(h))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def cutout(size: tuple[int, int]) -> Image.Image:
    """A product cut out on a transparent background (RGBA), as studios deliver PNGs."""
    w, h = size
    product = imagegen.product(size, seed=9, colour=(40, 90, 170))
    mask = Image.new("L", size, 0)
    from PIL import ImageDraw
    ImageDraw.Draw(mask).rectangle([w // 3, h // 4, 2 * w // 3, 3 * h // 4], fill=255)
    product.putalpha(mask)
    return product
