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
from aedesk.core.export.options import ExportOptions, Limits
from aedesk.core.findings import Finding, Severity
from aedesk.core.rules.profiles import Profile

WHITE: Rgb = (255, 255, 255)
BANNER = "banner"
CANVAS_PROFILE = "new-arrival"
_ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")
# Source findings the export's own operations fix (the output is checked again anyway).
FIXED_BY_EXPORT = frozenset({"format", "extension-mismatch", "max-file-size", "color-mode", "banner-size"})
FIXED_BY_CANVAS = frozenset({"canvas-mismatch", "orientation-mismatch"})


class PlanError(ValueError):
    """The options do not fit the profile or the images; the message says which, for the user."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


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
    _check_options(profile, facts, options)
    canvas = canvas_size(facts) if options.canvas else None
    limits = _limits(profile, options)
    images = []
    for slot, f in enumerate(facts, 1):
        geometry = None
        if profile.id == BANNER:
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


def remaining_errors(
    plan: BundlePlan, image_findings: Sequence[Sequence[Finding]], set_findings: Sequence[Finding]
) -> list[tuple[int | None, Finding]]:
    """The sources' error findings the export will not fix, with their slot (None: the set's).

    What the GUI shows on a disabled Export button before anything runs: a CMYK or
    oversized file is no reason to refuse, an unreadable or too small one is.
    """
    fixed = FIXED_BY_EXPORT | (FIXED_BY_CANVAS if plan.options.canvas else frozenset())
    remaining: list[tuple[int | None, Finding]] = [
        (slot, f) for slot, (facts, findings) in enumerate(zip(plan.facts, image_findings, strict=True), 1)
        for f in findings if f.severity is Severity.ERROR and (not facts.readable or f.rule not in fixed)]
    return remaining + [(None, f) for f in set_findings if f.severity is Severity.ERROR and f.rule not in fixed]


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


def _check_options(profile: Profile, facts: Sequence[ImageFacts], options: ExportOptions) -> None:
    if not facts:
        raise PlanError("Nothing to export: the set is empty.", "没有可导出的图片：该组为空。")
    if options.canvas and profile.id != CANVAS_PROFILE:
        raise PlanError("The uniform canvas is for 上新帖 (new-arrival) posts only.",
                        "统一画布仅适用于上新帖。")
    if options.crop_windows and profile.id != BANNER:
        raise PlanError("Crop windows are for banners only.", "裁剪窗口仅适用于 Banner。")
    if any(w is not None and not _inside_image(w) for w in options.crop_windows):
        raise PlanError("A crop window lies outside its image.", "裁剪窗口超出了图片范围。")
    if options.publish_at and profile.rule("schedule") is None:
        raise PlanError("A planned publish time is for 上新帖 (new-arrival) posts only.",
                        "定时发布时间仅适用于上新帖。")
    if len(options.ticks) > len(profile.checklist):
        raise PlanError(f"The checklist of {profile.id} has {len(profile.checklist)} items.",
                        f"{profile.id} 的检查清单只有 {len(profile.checklist)} 项。")
    if not (1 <= options.floor_quality <= options.top_quality <= 100 and options.max_bytes > 0):
        raise PlanError("Quality must be 1 ≤ floor ≤ top ≤ 100 and the size cap positive.",
                        "质量需满足 1 ≤ 下限 ≤ 上限 ≤ 100，且大小上限为正数。")


def _inside_image(box: Box) -> bool:
    x, y, w, h = box
    return w > 0 and h > 0 and x >= 0 and y >= 0 and x + w <= 1.000001 and y + h <= 1.000001


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
