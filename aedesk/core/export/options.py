"""What the user chooses for an export, whether it fits the profile, and what each
operation reports it did."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from aedesk.core.analysis.facts import Box, ImageFacts, Rgb
from aedesk.core.rules.profiles import Profile

# 5,000,000 bytes is where `max-file-size` starts warning (the platform may count decimal
# MB); the cap keeps 2% below it so that a re-save by another tool still fits.
MAX_BYTES = 4_900_000
# Below quality ~75 JPEG blocking shows on product edges; downscaling costs less.
FLOOR_QUALITY = 75
# Above 95 the bytes grow steeply (×1.2 per step) with nothing visible gained.
TOP_QUALITY = 95


@dataclass(frozen=True)
class ExportOptions:
    """The export dialog's choices. The defaults make a bundle pass where operations can.

    `background` is the colour for flattening transparency and for padding; None takes each
    image's detected solid background (white when it has none). `crop_windows` holds the
    banner crop window per slot (normalised x, y, w, h of the upright image; None or
    missing: the largest centred window). `ticks` are the manual checklist's boxes in
    profile order. A naive `publish_at` is China time.
    """

    keep_format: bool = False  # PNG stays PNG when it fits under the cap
    canvas: bool = False  # 上新帖: pad every image to one canvas size and orientation
    background: Rgb | None = None
    crop_windows: tuple[Box | None, ...] = ()
    zip: bool = False
    force: bool = False  # write although error findings remain; the reason is recorded
    force_reason: str = ""
    publish_at: datetime | None = None
    ticks: tuple[bool, ...] = ()
    max_bytes: int = MAX_BYTES
    floor_quality: int = FLOOR_QUALITY
    top_quality: int = TOP_QUALITY

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["publish_at"] = self.publish_at.isoformat() if self.publish_at else None
        return data


@dataclass(frozen=True)
class Limits:
    """The size cap of one image: bytes, the quality range, and the smallest allowed size."""

    max_bytes: int = MAX_BYTES
    floor_quality: int = FLOOR_QUALITY
    top_quality: int = TOP_QUALITY
    min_width: int = 1
    min_height: int = 1


@dataclass(frozen=True)
class Op:
    """One operation applied to an image: its name and what it did (JSON-serialisable)."""

    name: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.name, **self.params}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Op:
        params = {k: v for k, v in data.items() if k != "op"}
        return cls(data["op"], params)


class PlanError(ValueError):
    """The options do not fit the profile or the images; the message says which, for the user."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


def check_options(profile: Profile, facts: Sequence[ImageFacts], options: ExportOptions) -> None:
    """Raise PlanError when `options` do not fit `profile` or the images."""
    if not facts:
        raise PlanError("Nothing to export: the set is empty.", "没有可导出的图片：该组为空。")
    if options.canvas and profile.id != "new-arrival":
        raise PlanError("The uniform canvas is for 上新帖 (new-arrival) posts only.",
                        "统一画布仅适用于上新帖。")
    if options.crop_windows and profile.id != "banner":
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
