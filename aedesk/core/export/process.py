"""One image through the export: decode whole, apply the plan's operations, encode.

Order matters: upright first (it needs the EXIF that stripping removes), then colour
(16-bit, CMYK and ICC to 8-bit sRGB), then geometry, then metadata stripped and the size-
capped encode. Every operation that changed something is recorded for the manifest.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from aedesk.core.analysis.decode import MAX_PIXELS, DecodeError
from aedesk.core.export import colour, encode, geometry
from aedesk.core.export.options import Op
from aedesk.core.export.plan import ImagePlan

THUMB_SIDE = 320  # thumbnails inlined in report.html
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png"}


@dataclass(frozen=True)
class Processed:
    plan: ImagePlan
    source_sha256: str  # of the bytes processed, which may differ from the plan's if the file changed
    data: bytes
    format: str  # "JPEG" | "PNG"
    quality: int | None
    size: tuple[int, int]
    fits: bool  # under the size cap
    operations: tuple[Op, ...]
    encodes: int
    probes: int
    thumbnail: bytes  # a small JPEG of the result

    @property
    def file_name(self) -> str:
        return f"{self.plan.stem}.{_EXTENSIONS[self.format]}"


def process(data: bytes, plan: ImagePlan) -> Processed:
    """The exported file for the source `data`. Raises DecodeError when it cannot be decoded."""
    im = _open(data)
    ops: list[Op] = []
    frames = getattr(im, "n_frames", 1)
    if frames > 1 and im.format != "MPO":  # an MPO's extra frames are previews, not content
        ops.append(Op("first-frame", {"frames": frames}))
    removed = metadata(im)
    im, op = geometry.orient(im)
    ops += [op] if op else []
    bits = _png_bits(data)
    im, colour_ops = colour.to_srgb(im)
    if bits > 8 and not colour_ops:  # Pillow already scaled 16-bit RGB to 8 while decoding
        colour_ops.append(Op("depth", {"from": f"{bits}-bit"}))
    ops += colour_ops
    im, op = _geometry(im, plan)
    ops += [op] if op else []
    im.info = {}  # nothing of the source's metadata may reach the encoder
    if removed:
        ops.append(Op("strip-metadata", {"removed": removed}))
    result, encode_ops = _encode(im, plan)
    thumb, _ = colour.flatten(geometry.resize(im, _thumb_size(im.size)), plan.background)
    ops += encode_ops
    return Processed(plan, hashlib.sha256(data).hexdigest(), result.data, result.format, result.quality,
                     result.size, result.fits, tuple(ops), result.encodes, result.probes, encode.jpeg(thumb, 80))


def metadata(im: Image.Image) -> list[str]:
    """The kinds of metadata `im` carries that the export removes."""
    found = []
    exif = im.getexif()
    if exif:
        found.append("EXIF")
        if exif.get_ifd(0x8825):
            found.append("GPS")
    keys = set(im.info)
    for kind, names in (("XMP", {"xmp", "XML:com.adobe.xmp"}), ("IPTC", {"photoshop", "iptc"}),
                        ("comment", {"comment"})):
        if keys & names:
            found.append(kind)
    text = keys - {"XML:com.adobe.xmp"}
    if im.format == "PNG" and any(isinstance(im.info[k], str) for k in text):
        found.append("text")
    return found


def _open(data: bytes) -> Image.Image:
    try:
        im = Image.open(io.BytesIO(data))
        if im.width * im.height > MAX_PIXELS:
            raise DecodeError(f"{im.width}×{im.height} px is too large to export.",
                              f"{im.width}×{im.height} 像素过大，无法导出。", im.format)
        im.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DecodeError(f"The image cannot be decoded for export ({exc}).",
                          f"无法解码该图片以导出（{exc}）。") from None
    return im


def _png_bits(data: bytes) -> int:
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return data[24]
    return 8


def _geometry(im: Image.Image, plan: ImagePlan) -> tuple[Image.Image, Op | None]:
    g = plan.geometry
    if g is None:
        return im, None
    if g.kind == "pad":
        return geometry.pad(im, g.size, plan.background)
    return geometry.crop_scale(im, g.window, g.size, "banner-crop" if g.kind == "banner" else "fill")


def _encode(im: Image.Image, plan: ImagePlan) -> tuple[encode.Encoded, list[Op]]:
    ops = []
    if plan.prefer_png:
        data = encode.png(im)
        if len(data) <= plan.limits.max_bytes:
            result = encode.Encoded(data, "PNG", None, im.size, True, 1, 0)
            return result, [Op("encode", {"format": "PNG", "bytes": len(data)})]
        ops.append(Op("png-too-large", {"bytes": len(data)}))
    im, op = colour.flatten(im, plan.background)
    ops += [op] if op else []
    result = encode.encode_jpeg(im, plan.limits)
    if result.downscaled_from:
        ops.append(Op("downscale", {"from": list(result.downscaled_from), "to": list(result.size)}))
    ops.append(Op("encode", {"format": "JPEG", "quality": result.quality, "bytes": len(result.data),
                             "encodes": result.encodes, "probes": result.probes}))
    return result, ops


def _thumb_size(size: tuple[int, int]) -> tuple[int, int]:
    scale = min(1.0, THUMB_SIDE / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))
