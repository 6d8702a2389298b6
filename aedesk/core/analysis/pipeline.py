"""Analyse one image file: one decode, every fact derived from it.

The decode gives pixels at reduced scale (long side ≥ 1500 px where the file has that
many). QR codes are searched at that scale; everything else works on a ~1024 px copy; a
~1280 px preview is kept for OCR and the thumbnail cache, so no caller decodes again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from PIL import Image

from aedesk.core.analysis.background import classify_background
from aedesk.core.analysis.collage import detect_collage
from aedesk.core.analysis.decode import DecodeError, decode, read_bytes
from aedesk.core.analysis.facts import ImageFacts, TextFacts
from aedesk.core.analysis.hashes import colour_signature, difference_hash, perceptual_hash, pixel_hash
from aedesk.core.analysis.objects import find_objects
from aedesk.core.analysis.qr import find_codes
from aedesk.core.analysis.sharpness import sharpness

WORK_LONG_SIDE = 1024
PREVIEW_LONG_SIDE = 1280


class TextRecogniser(Protocol):
    def recognise(self, rgb: np.ndarray) -> TextFacts: ...


@dataclass(frozen=True)
class Analysis:
    facts: ImageFacts
    preview: Image.Image | None  # RGB, long side ≤ PREVIEW_LONG_SIDE; None when unreadable


def _fit(im: Image.Image, long_side: int, slack: float = 1.0) -> Image.Image:
    """`im` with its long side at most `long_side` (× `slack`, to spare a resample)."""
    if max(im.size) <= long_side * slack:
        return im
    factor = max(im.size) // long_side
    if factor >= 2:
        im = im.reduce(factor)  # box-averaging by an integer factor is several times faster
        if max(im.size) <= long_side * slack:
            return im
    scale = long_side / max(im.size)
    size = (max(1, round(im.width * scale)), max(1, round(im.height * scale)))
    return im.resize(size, Image.Resampling.BILINEAR)


def analyse(path: Path, ocr: TextRecogniser | None = None) -> Analysis:
    """Facts about the file at `path`. Never raises for a bad file: `facts.error` says why."""
    extension = path.suffix.lower().lstrip(".")
    try:
        data = read_bytes(path)
        size = len(data)
        decoded = decode(data)
    except DecodeError as exc:
        size = _size_or_zero(path)
        facts = ImageFacts(str(path), size, extension, exc.format, error=str(exc), error_zh=exc.message_zh)
        return Analysis(facts, None)
    except OSError as exc:
        en, zh = _os_reason(exc)
        return Analysis(ImageFacts(str(path), _size_or_zero(path), extension, None, error=en, error_zh=zh), None)

    full = Image.fromarray(decoded.rgb)
    preview = _fit(full, PREVIEW_LONG_SIDE, slack=1.3)
    work = _fit(preview, WORK_LONG_SIDE)
    work_rgb = np.asarray(work)
    work_gray = np.asarray(work.convert("L"))
    background = classify_background(work_rgb)
    facts = ImageFacts(
        path=str(path),
        bytes=size,
        extension=extension,
        format=decoded.format,
        width=decoded.width,
        height=decoded.height,
        mode=decoded.mode,
        bit_depth=decoded.bit_depth,
        icc=decoded.icc,
        orientation=decoded.orientation,
        frames=decoded.frames,
        sha256=decoded.sha256,
        pixel_hash=pixel_hash(np.asarray(preview)),
        phash=perceptual_hash(work_gray),
        dhash=difference_hash(work_gray),
        colours=colour_signature(work_rgb),
        sharpness=sharpness(work_gray),
        codes=find_codes(np.asarray(full.convert("L"))),
        background=background,
        collage=detect_collage(work_rgb),
        objects=find_objects(work_rgb, background),
        text=ocr.recognise(np.asarray(preview)) if ocr else None,
    )
    return Analysis(facts, preview)


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _os_reason(exc: OSError) -> tuple[str, str]:
    if isinstance(exc, FileNotFoundError):
        return "The file disappeared before it could be checked.", "文件在检查前消失了。"
    if isinstance(exc, PermissionError):
        return "No permission to read the file.", "没有读取该文件的权限。"
    if isinstance(exc, IsADirectoryError):
        return "This is a folder, not a file.", "这是文件夹，不是文件。"
    return f"The file cannot be read ({exc.strerror or exc}).", f"无法读取文件（{exc.strerror or exc}）。"
