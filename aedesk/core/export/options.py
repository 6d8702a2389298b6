"""What the user chooses for an export, and what each operation reports it did."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from aedesk.core.analysis.facts import Box, Rgb

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
