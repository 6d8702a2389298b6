"""The demo library: a folder of generated product photos that shows every kind of badge.

`aedesk --demo` makes it once, in the data dir (never anywhere the user keeps photos), and
opens the app on it with one ready 花絮图 set and one 上新帖 post.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageEnhance

from aedesk.demo import imagery as im

VERSION = 2
MARKER = ".aedesk-demo.json"


@dataclass(frozen=True)
class DemoSet:
    kind: str  # "huaxu" | "new-arrival"
    name: str
    files: tuple[str, ...]  # file names inside the demo folder, in slot order


@dataclass(frozen=True)
class DemoLibrary:
    folder: Path
    sets: tuple[DemoSet, ...]

    def paths(self, s: DemoSet) -> list[Path]:
        return [self.folder / name for name in s.files]


def _near_copy(img: Image.Image) -> Image.Image:
    """The same shot taken again a moment later: a little shifted and brighter."""
    w, h = img.size
    shifted = img.crop((12, 8, w - 4, h - 6)).resize((w, h), Image.Resampling.LANCZOS)
    return ImageEnhance.Brightness(shifted).enhance(1.04)


def _photos() -> dict[str, Callable[[], Image.Image]]:
    """What each demo file shows, by name. Sizes are modest so the demo builds in seconds."""
    blue = im.product((1600, 1600), colour=(40, 90, 170), seed=1)
    return {
        "01-bottle-blue.jpg": lambda: blue,
        "02-bottle-green.jpg": lambda: im.product((1600, 1600), colour=(40, 140, 80), seed=2),
        "03-box-red.jpg": lambda: im.product((1600, 1600), colour=(180, 40, 40), seed=3, shape="box"),
        "04-jar-orange.jpg": lambda: im.product((1600, 1600), colour=(220, 120, 30), seed=4, shape="jar"),
        "05-bottle-purple.jpg": lambda: im.product((1600, 1600), colour=(110, 60, 150), seed=5),
        "06-box-teal.jpg": lambda: im.product((1600, 1600), colour=(20, 130, 140), seed=6, shape="box"),
        "07-too-small-1080.jpg": lambda: im.product((1080, 1080), colour=(90, 90, 100), seed=7),
        "08-too-big-file.jpg": lambda: im.add_noise(im.product((3400, 3400), seed=8), 22.0, 8),
        "09-wrong-format.webp": lambda: im.product((1600, 1600), colour=(200, 60, 120), seed=9),
        "10-qr-sticker.jpg": lambda: im.with_qr(im.product((1600, 1600), seed=10), "https://wa.me/8613800000000"),
        "11-limited-offer.jpg": lambda: im.with_caption(im.product((1600, 1600), seed=11), "LIMITED TIME OFFER -50%"),
        "12-collage.jpg": lambda: im.collage([im.product((800, 800), seed=s, colour=c) for s, c in
                                               ((12, (40, 90, 170)), (13, (180, 40, 40)), (14, (40, 140, 80)),
                                                (15, (220, 120, 30)))], 2, (1600, 1600)),
        "13-bottle-blue-again.jpg": lambda: _near_copy(blue),
        "14-garden-scene.jpg": lambda: im.scene((1600, 1600), seed=14, sharp=True),
        "15-park-scene.jpg": lambda: im.scene((1600, 1600), seed=15, sharp=True),
    }


SETS = (
    DemoSet("huaxu", "工厂花絮 Factory tour", ("03-box-red.jpg", "01-bottle-blue.jpg", "04-jar-orange.jpg")),
    DemoSet("new-arrival", "春季上新 Spring arrivals",
            ("02-bottle-green.jpg", "05-bottle-purple.jpg", "06-box-teal.jpg", "04-jar-orange.jpg")),
)


def ensure_demo(root: Path) -> DemoLibrary:
    """The demo library under `root`, made on first use (built aside, then renamed in place)."""
    folder = root / "demo-photos"
    library = DemoLibrary(folder, SETS)
    marker = folder / MARKER
    if marker.exists() and json.loads(marker.read_text("utf-8")).get("version") == VERSION:
        return library
    staging = root / ".demo-photos.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, make in _photos().items():
        quality = 97 if "too-big" in name else 90
        im.save(make(), staging / name, quality=quality)
    # a JPEG whose name says PNG: the extension-mismatch badge
    shutil.copyfile(staging / "05-bottle-purple.jpg", staging / "16-named-png.png")
    (staging / MARKER).write_text(json.dumps({"version": VERSION}), "utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return library
