"""Image-level checks: each takes an image's facts and the rule's parameters.

A check returns the hits it found (empty: the rule passes). Text rules live in
`text_checks`, because they depend on OCR having run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.findings import Severity
from aedesk.core.rules.hits import Hit

ImageCheck = Callable[[ImageFacts, dict[str, Any]], list[Hit]]

# Extensions that honestly name each content format.
EXTENSIONS = {
    "JPEG": {"jpg", "jpeg", "jpe", "jfif"},
    "PNG": {"png"},
    "WEBP": {"webp"},
    "GIF": {"gif"},
    "TIFF": {"tif", "tiff"},
    "BMP": {"bmp"},
    "HEIC": {"heic", "heif"},
    "AVIF": {"avif"},
    "MPO": {"jpg", "jpeg", "mpo"},
}


def check_format(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    accepted = p["accepted"]
    # MPO is what some cameras write: a JPEG with extra frames; Pillow names it MPO.
    fmt = "JPEG" if f.format == "MPO" else f.format
    if fmt not in accepted:
        return [Hit({"format": f.format or "unknown", "accepted": " / ".join(accepted)})]
    if f.frames > 1 and f.format != "MPO":
        return [Hit({"format": f.format, "frames": f.frames}, "animated")]
    return []


def check_extension(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    honest = EXTENSIONS.get(f.format or "", {(f.format or "").lower()})
    if f.format and f.extension not in honest:
        return [Hit({"extension": f.extension or "(none)", "format": f.format})]
    return []


def check_min_resolution(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    if f.width < p["min_width"] or f.height < p["min_height"]:
        return [Hit({"width": f.width, "height": f.height})]
    return []


def check_max_file_size(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    if f.bytes > p["limit_bytes"]:
        return [Hit({"bytes": f.bytes})]
    if f.bytes > p["warn_bytes"]:
        return [Hit({"bytes": f.bytes}, "near", Severity(p["warn_severity"]))]
    return []


def check_qr_code(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    return [
        Hit({"kind": "QR code" if c.kind.startswith("QR") else f"{c.kind} barcode", "text": _short(c.text)},
            detail={"box": list(c.box)})
        for c in f.codes
    ]


def check_collage(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    if f.collage and f.collage.panels >= p["min_panels"]:
        return [Hit({"panels": f.collage.panels}, detail={"seams": list(f.collage.seams)})]
    return []


def check_color_mode(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    reasons: list[tuple[str, str]] = []
    if f.mode == "CMYK":
        reasons.append(("CMYK", "CMYK"))
    if f.bit_depth > 8:
        reasons.append((f"{f.bit_depth}-bit", f"{f.bit_depth} 位"))
    if f.mode in ("P", "PA", "1"):
        reasons.append(("palette colours", "调色板颜色"))
    if f.icc == "other":
        reasons.append(("non-sRGB colour profile", "非 sRGB 色彩配置"))
    if not reasons:
        return []
    return [Hit({"reasons": ", ".join(en for en, _ in reasons), "reasons_zh": "、".join(zh for _, zh in reasons)})]


def check_blur(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    if f.sharpness < p["min_sharpness"]:
        return [Hit({"sharpness": f.sharpness})]
    return []


def check_too_many_items(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    if f.objects and f.objects.count > p["max_items"]:
        return [Hit({"count": f.objects.count})]
    return []


def check_background_kind(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    return [Hit()] if f.background and f.background.kind == "scene" else []


def check_article_size(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    side = p["min_side"]
    if f.width != f.height or f.width < side:
        return [Hit({"width": f.width, "height": f.height})]
    return []


def check_banner_size(f: ImageFacts, p: dict[str, Any]) -> list[Hit]:
    if (f.width, f.height) != (p["banner_width"], p["banner_height"]):
        return [Hit({"width": f.width, "height": f.height})]
    return []


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


IMAGE_CHECKS: dict[str, ImageCheck] = {
    "format": check_format,
    "extension-mismatch": check_extension,
    "min-resolution": check_min_resolution,
    "max-file-size": check_max_file_size,
    "qr-code": check_qr_code,
    "collage": check_collage,
    "color-mode": check_color_mode,
    "blur": check_blur,
    "too-many-items": check_too_many_items,
    "background-kind": check_background_kind,
    "article-size": check_article_size,
    "banner-size": check_banner_size,
}
