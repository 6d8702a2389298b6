"""ImageFacts with good defaults, for rule tests that need no pixels."""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

from aedesk.core.analysis.facts import Background, Collage, ImageFacts, Objects, TextFacts

_serial = itertools.count()


def facts(**changes: Any) -> ImageFacts:
    """A passing 1600×1600 JPEG product shot on white; override any field."""
    n = next(_serial)
    base = ImageFacts(
        path=f"/photos/p{n}.jpg",
        bytes=1_200_000,
        extension="jpg",
        format="JPEG",
        width=1600,
        height=1600,
        mode="RGB",
        sha256=f"{n:064x}",
        pixel_hash=f"px{n}",
        phash=f"{(n * 0x9E3779B97F4A7C15) % (1 << 64):016x}",
        dhash="0" * 16,
        sharpness=300.0,
        background=Background("solid", (250, 250, 250), 0.98),
        collage=Collage(1),
        objects=Objects(1, 90.0, 0.2),
        text=TextFacts("test"),
    )
    return dataclasses.replace(base, **changes)
