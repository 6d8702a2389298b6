"""The demo library shows every kind of badge, and its sets are ready."""

from __future__ import annotations

from pathlib import Path

import pytest

from aedesk.core.rules.profiles import load_catalogue
from aedesk.demo import MARKER, ensure_demo
from aedesk.library.checker import Checker

EXPECTED = {
    "07-too-small-1080.jpg": "min-resolution",
    "08-too-big-file.jpg": "max-file-size",
    "09-wrong-format.webp": "format",
    "10-qr-sticker.jpg": "qr-code",
    "12-collage.jpg": "collage",
    "16-named-png.png": "extension-mismatch",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    return ensure_demo(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_catalogue())


def test_each_demo_photo_shows_its_badge(demo, checker: Checker) -> None:
    files = sorted(p for p in demo.folder.iterdir() if p.name != MARKER)
    result = checker.check(files, checker.catalogue.profile("huaxu"))
    found = {Path(f.path).name: {x.rule for x in fs if x.rule != "not-checked"}
             for f, fs in zip(result.facts, result.findings, strict=True)}
    for name, rule in EXPECTED.items():
        assert rule in found[name], (name, found[name])
    assert found["01-bottle-blue.jpg"] == set()
    kinds = {Path(f.path).name: f.background.kind for f in result.facts if f.background}
    assert kinds["14-garden-scene.jpg"] == kinds["15-park-scene.jpg"] == "scene"


def test_demo_sets_are_ready(demo, checker: Checker) -> None:
    for s in demo.sets:
        result = checker.check(demo.paths(s), checker.catalogue.profile(s.kind), as_set=True)
        assert result.set_findings == [], s.name


def test_near_duplicates_and_mixed_backgrounds_are_there_to_try(demo, checker: Checker) -> None:
    f = demo.folder
    names = ["02-bottle-green.jpg", "14-garden-scene.jpg", "05-bottle-purple.jpg", "13-bottle-blue-again.jpg",
             "01-bottle-blue.jpg", "06-box-teal.jpg"]
    post = [f / name for name in names]
    result = checker.check(post, checker.catalogue.profile("new-arrival"), as_set=True)
    assert {"mixed-background", "near-duplicate"} <= {x.rule for x in result.set_findings}


def test_the_demo_is_made_once(demo) -> None:
    stamp = (demo.folder / "01-bottle-blue.jpg").stat().st_mtime_ns
    again = ensure_demo(demo.folder.parent)
    assert again == demo and (demo.folder / "01-bottle-blue.jpg").stat().st_mtime_ns == stamp
