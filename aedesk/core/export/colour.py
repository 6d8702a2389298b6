"""Colour to 8-bit sRGB, through the image's own ICC profile where it has one.

A CMYK photo or an Adobe RGB / Display P3 one looks wrong when its numbers are read as
sRGB; LittleCMS (Pillow's ImageCms) converts them as Photoshop does by default: relative
colorimetric with black point compensation. Deep images are scaled, not clipped.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageCms

from aedesk.core.analysis.decode import to_rgb8
from aedesk.core.export.options import Op

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
SRGB_ICC = SRGB.tobytes()  # the one piece of metadata an exported file keeps
DEEP_MODES = ("I;16", "I;16B", "I;16L", "I;16N", "I", "F")
_ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")
_PROFILE_MODES = {"RGB": ("RGB", "RGBA"), "CMYK": ("CMYK",), "GRAY": ("L", "LA")}


def has_alpha(im: Image.Image) -> bool:
    return im.mode in _ALPHA_MODES or (im.mode == "P" and "transparency" in im.info)


def to_srgb(im: Image.Image) -> tuple[Image.Image, list[Op]]:
    """`im` as 8-bit sRGB: mode RGB, or RGBA when it has transparency."""
    ops: list[Op] = []
    source_mode = im.mode
    if im.mode in DEEP_MODES:
        ops.append(Op("depth", {"from": im.mode}))
        im = Image.fromarray(to_rgb8(im))
    alpha = im.convert("RGBA").getchannel("A") if has_alpha(im) else None
    profile = _embedded_profile(im)
    if profile is not None and not is_srgb(profile):
        converted = _through_profile(im, profile)
        if converted is not None:
            ops.append(Op("colour", {"from": source_mode, "profile": _describe(profile)}))
            im = converted
        else:
            ops.append(Op("colour", {"from": source_mode, "profile": None}))
    elif im.mode == "CMYK":
        ops.append(Op("colour", {"from": "CMYK", "profile": None}))
    rgb = im if im.mode == "RGB" else im.convert("RGB")  # no 72 MB copy of a plain photo
    if alpha is not None:
        rgb.putalpha(alpha)
    if rgb.mode != source_mode and not ops:
        ops.append(Op("mode", {"from": source_mode, "to": rgb.mode}))
    return rgb, ops


def flatten(im: Image.Image, colour: tuple[int, int, int]) -> tuple[Image.Image, Op | None]:
    """Composite transparency onto `colour` (JPEG has no alpha); None when there was none."""
    if im.mode != "RGBA":
        return im, None
    coverage = np.asarray(im.getchannel("A"))
    if coverage.min() == 255:
        return im.convert("RGB"), None
    base = Image.new("RGBA", im.size, (*colour, 255))
    flat = Image.alpha_composite(base, im).convert("RGB")
    return flat, Op("flatten", {"colour": hex_colour(colour)})


def hex_colour(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    desc = (profile.profile.profile_description or "").lower()
    return "srgb" in desc or "61966" in desc


def _embedded_profile(im: Image.Image) -> ImageCms.ImageCmsProfile | None:
    icc = im.info.get("icc_profile")
    if not icc:
        return None
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return None  # a damaged profile: the numbers are all there is to go on


def _through_profile(im: Image.Image, profile: ImageCms.ImageCmsProfile) -> Image.Image | None:
    """Convert with LittleCMS; None when the profile does not fit the pixels' colour space."""
    space = profile.profile.xcolor_space.strip()
    modes = _PROFILE_MODES.get(space, ())
    if not modes:
        return None
    source = im if im.mode == modes[0] else im.convert(modes[0])
    try:
        out = ImageCms.profileToProfile(
            source, profile, SRGB, ImageCms.Intent.RELATIVE_COLORIMETRIC, "RGB",
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    except (ImageCms.PyCMSError, ValueError, OSError):
        return None
    return out


def _describe(profile: ImageCms.ImageCmsProfile) -> str:
    return (profile.profile.profile_description or "unnamed profile").strip()
