"""Facts about one image: what the analysis found, before any rule judges it.

Facts are plain, immutable and JSON-serialisable so the catalog can store them and the
rules can be re-evaluated (new profile, new thresholds) without decoding the image again.
Boxes are normalised (x, y, width, height) fractions of the oriented image, so they do
not depend on the scale the analysis decoded at.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

Box = tuple[float, float, float, float]
Rgb = tuple[int, int, int]


@dataclass(frozen=True)
class Code:
    """A QR code or barcode seen in the image."""

    kind: str  # zxing-cpp format name, e.g. "QRCode", "EAN13"
    text: str
    box: Box


@dataclass(frozen=True)
class Background:
    """`solid` (studio backdrop, with its colour) or `scene` (outdoor, room, props)."""

    kind: str  # "solid" | "scene"
    color: Rgb | None
    uniformity: float  # share of border pixels close to the dominant border colour, 0..1


@dataclass(frozen=True)
class Collage:
    """Panels an image is stitched from; 1 means a single photo."""

    panels: int
    seams: tuple[tuple[str, float], ...] = ()  # ("h" | "v", position as a fraction)


@dataclass(frozen=True)
class Objects:
    """Foreground objects on a solid background: how many, and which way they lie."""

    count: int
    axis_deg: float | None  # principal axis of the foreground, 0..180, 0 = horizontal
    coverage: float  # share of the image the foreground covers, 0..1


@dataclass(frozen=True)
class TextBox:
    """A line of text recognised in the image."""

    text: str
    score: float
    box: Box
    # ink against its ground inside the box, 0..1 (None: not measured); low on printed logos
    contrast: float | None = None


@dataclass(frozen=True)
class TextFacts:
    """What OCR read. `engine` names the recogniser; `error` says why it could not run."""

    engine: str
    boxes: tuple[TextBox, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class ImageFacts:
    """Everything the rules need to know about one image file.

    When `error` is set the file could not be decoded and only the header-level fields
    (bytes, format as sniffed) are meaningful.
    """

    path: str
    bytes: int
    extension: str  # lower-case, without dot
    format: str | None  # by content: "JPEG", "PNG", "WEBP", "GIF", "HEIC", "TIFF", …
    width: int = 0  # after EXIF orientation
    height: int = 0
    mode: str = ""  # Pillow mode of the file, e.g. "RGB", "CMYK", "I;16", "P"
    bit_depth: int = 8
    icc: str = "none"  # "none" | "srgb" | "other"
    orientation: int = 1  # EXIF orientation tag, 1 = upright
    frames: int = 1
    sha256: str = ""
    pixel_hash: str = ""  # identical pixels give identical hashes, whatever the metadata
    phash: str = ""  # 64-bit perceptual hash, hex
    dhash: str = ""  # 64-bit difference hash, hex
    colours: str = ""  # 8×8 colour signature, hex (see hashes.colour_signature)
    sharpness: float = 0.0
    codes: tuple[Code, ...] = ()
    background: Background | None = None
    collage: Collage | None = None
    objects: Objects | None = None
    text: TextFacts | None = None  # None: OCR has not run (yet)
    error: str | None = None  # why the file could not be analysed (English)
    error_zh: str | None = None

    @property
    def readable(self) -> bool:
        return self.error is None

    @property
    def orientation_kind(self) -> str:
        if self.width == self.height:
            return "square"
        return "landscape" if self.width > self.height else "portrait"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageFacts:
        d = dict(data)
        d["codes"] = tuple(Code(c["kind"], c["text"], tuple(c["box"])) for c in d.get("codes", ()))
        if d.get("background"):
            bg = d["background"]
            color = tuple(bg["color"]) if bg.get("color") is not None else None
            d["background"] = Background(bg["kind"], color, bg["uniformity"])
        if d.get("collage"):
            seams = tuple((s[0], s[1]) for s in d["collage"].get("seams", ()))
            d["collage"] = Collage(d["collage"]["panels"], seams)
        if d.get("objects"):
            d["objects"] = Objects(**d["objects"])
        if d.get("text"):
            t = d["text"]
            boxes = tuple(
                TextBox(b["text"], b["score"], tuple(b["box"]), b.get("contrast"))
                for b in t["boxes"]
            )
            d["text"] = TextFacts(t["engine"], boxes, t.get("error"))
        return cls(**d)

    def with_text(self, text: TextFacts) -> ImageFacts:
        return dataclasses.replace(self, text=text)
