"""The export plan: what will be done to each image, decided from facts alone.

Pure: no pixels, no files. The GUI shows a plan in the export dialog before anything runs
(which images get rotated, converted, padded), and the executor carries it out. The plan's
fingerprint names everything the bundle depends on, so an unchanged set is recognised.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aedesk import __version__
from aedesk.core.analysis.facts import Box, ImageFacts, Rgb
from aedesk.core.export.options import ExportOptions, Limits, check_options
from aedesk.core.rules.profiles import Profile

WHITE: Rgb = (255, 255, 255)
_ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")


@dataclass(frozen=True)
class Geometry:
    """`pad` to `size` (shrinking only what would not fit); `fill` it (crop the largest
    centred window of its aspect, scale); or `banner`: crop `window` (None: centred), scale."""

    kind: str
    size: tuple[int, int]
    window: Box | None = None


@dataclass(frozen=True)
class ImagePlan:
    """One image: where it comes from, and what the export will do to it."""

    slot: int  # 1-based; the output is named after it: 01.jpg, 02.jpg, …
    source: str
    source_sha256: str
    background: Rgb  # flattening and padding colour
    geometry: Geometry | None
    prefer_png: bool  # keep PNG when it fits under the cap
    limits: Limits
    expected: tuple[str, ...]  # operations the facts predict, for the dialog to show

    @property
    def stem(self) -> str:
        return f"{self.slot:02d}"


@dataclass(frozen=True)
class BundlePlan:
    name: str
    profile: Profile
    options: ExportOptions
    images: tuple[ImagePlan, ...]
    facts: tuple[ImageFacts, ...]  # of the sources, in slot order
    fingerprint: str


def make_plan(
    name: str, profile: Profile, facts: Sequence[ImageFacts], options: ExportOptions
) -> BundlePlan:
    """Plan the export of `facts` (the sources, in set order). Raises PlanError on bad options."""
    check_options(profile, facts, options)
    canvas = canvas_size(facts) if options.canvas else None
    limits = _limits(profile, options)
    images = []
    for slot, f in enumerate(facts, 1):
        geometry = None
        if profile.id == "banner":
            size = _banner_size(profile)
            window = options.crop_windows[slot - 1] if slot <= len(options.crop_windows) else None
            geometry = Geometry("banner", size, window)
        elif canvas:
            # a studio backdrop pads invisibly; a scene would get a frame, so it fills instead
            scene = f.background is not None and f.background.kind == "scene"
            geometry = Geometry("fill" if scene else "pad", canvas)
        # "keep format" keeps a PNG that already meets the cap: a bigger one would not fit
        # re-encoded either, and deflating a 24 MP PNG to find out costs seconds
        prefer_png = options.keep_format and f.format == "PNG" and f.bytes <= options.max_bytes
        background = options.background or _detected_background(f)
        images.append(ImagePlan(slot, f.path, f.sha256, background, geometry, prefer_png, limits,
                                _expected(f, geometry, prefer_png)))
    return BundlePlan(name, profile, options, tuple(images), tuple(facts),
                      fingerprint(profile, facts, options))


def canvas_size(facts: Sequence[ImageFacts]) -> tuple[int, int]:
    """The one canvas of a post: the largest image of the most common orientation.

    Ties go to the orientation that comes first in the post (slot 1 is the recommendation
    image). Studio shots of that orientation are only padded; the others shrink to fit.
    """
    readable = [f for f in facts if f.readable]
    if not readable:
        return (0, 0)
    counts = Counter(f.orientation_kind for f in readable)
    most = max(counts.values())
    kind = next(f.orientation_kind for f in readable if counts[f.orientation_kind] == most)
    same = [f for f in readable if f.orientation_kind == kind]
    biggest = max(same, key=lambda f: f.width * f.height)
    return biggest.width, biggest.height


def fingerprint(profile: Profile, facts: Sequence[ImageFacts], options: ExportOptions) -> str:
    """A hash of everything the bundle depends on: sources in order, options, rules, version."""
    rules = [[r.id, r.severity.value, r.params] for r in profile.rules]
    options = replace(options, force=False, force_reason="")  # forcing changes no file
    doc = {"profile": profile.id, "rules": rules, "sources": [f.sha256 for f in facts],
           "options": options.to_dict(), "aedesk": __version__}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


def _banner_size(profile: Profile) -> tuple[int, int]:
    rule = profile.rule("banner-size")
    return (rule.params["banner_width"], rule.params["banner_height"]) if rule else (750, 360)


def _detected_background(f: ImageFacts) -> Rgb:
    bg = f.background
    return bg.color if bg and bg.kind == "solid" and bg.color else WHITE


def _limits(profile: Profile, options: ExportOptions) -> Limits:
    rule = profile.rule("min-resolution")
    min_w, min_h = (rule.params["min_width"], rule.params["min_height"]) if rule else (1, 1)
    return Limits(options.max_bytes, options.floor_quality, options.top_quality, min_w, min_h)


def _expected(f: ImageFacts, geometry: Geometry | None, prefer_png: bool) -> tuple[str, ...]:
    ops = []
    if f.frames > 1 and f.format != "MPO":
        ops.append("first-frame")
    if f.orientation != 1:
        ops.append("orient")
    if f.bit_depth > 8:
        ops.append("depth")
    if f.mode not in ("RGB", "RGBA") or f.icc == "other":
        ops.append("colour")
    if f.mode in (*_ALPHA_MODES, "P") and not prefer_png:
        ops.append("flatten")
    if geometry and (f.width, f.height) != geometry.size:
        ops.append({"banner": "banner-crop"}.get(geometry.kind, geometry.kind))
    return (*ops, "strip-metadata", "encode")
