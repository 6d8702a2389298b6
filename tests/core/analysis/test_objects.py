"""Objects: separate products on a studio backdrop, and which way the foreground lies."""

from __future__ import annotations

import pytest
from imagegen import add_noise, scene
from imagegen_objects import Item, backdrop, compose
from imagegen_scenes import analysed
from PIL import Image, ImageDraw, ImageFilter

from aedesk.core.analysis.background import classify_background
from aedesk.core.analysis.facts import Background, Objects
from aedesk.core.analysis.objects import find_objects

SIZE = (1200, 900)


def objects_of(items: list[Item], background: tuple[int, int, int] = (248, 248, 246)) -> Objects:
    rgb = analysed(compose(items, SIZE, background, seed=len(items)))
    bg = classify_background(rgb)
    assert bg.kind == "solid"
    return find_objects(rgb, bg)


def axis_error(found: float | None, want: float) -> float:
    assert found is not None
    d = abs(found - want) % 180
    return min(d, 180 - d)


ONE = [Item("bottle", (40, 90, 170))]
THREE = [
    Item("bottle", (200, 40, 40), 0.2, 0.5, 0.5),
    Item("round", (40, 160, 60), 0.48, 0.5, 0.35),
    Item("box", (30, 30, 30), 0.8, 0.5, 0.35, 30),
]
SIX = [
    Item(shape, colour, cx, cy, 0.28)
    for (shape, colour), (cx, cy) in zip(
        [
            ("bottle", (200, 40, 40)),
            ("round", (40, 160, 60)),
            ("box", (30, 30, 30)),
            ("bottle", (90, 60, 150)),
            ("box", (230, 190, 40)),
            ("round", (60, 60, 200)),
        ],
        [(0.15, 0.3), (0.5, 0.3), (0.85, 0.3), (0.15, 0.75), (0.5, 0.75), (0.85, 0.75)],
        strict=True,
    )
]


@pytest.mark.parametrize(("items", "count"), [(ONE, 1), (THREE, 3), (SIX, 6)])
def test_counts_separate_products(items: list[Item], count: int) -> None:
    found = objects_of(items)
    assert found.count == count
    assert 0.03 < found.coverage < 0.5


@pytest.mark.parametrize(("angle", "axis"), [(0, 90), (-45, 45), (45, 135), (90, 0)])
def test_axis_follows_a_turned_bottle(angle: float, axis: float) -> None:
    # angles turn counter-clockwise as seen, like the axis: an upright bottle is 90
    found = objects_of([Item("bottle", (40, 90, 170), height=0.6, angle=angle)])
    assert found.count == 1
    assert axis_error(found.axis_deg, axis) < 5


def test_round_product_has_no_axis() -> None:
    found = objects_of([Item("round", (200, 120, 40), height=0.5)])
    assert found.count == 1
    assert found.axis_deg is None


def test_a_box_lying_flat_has_a_horizontal_axis() -> None:
    found = objects_of([Item("box", (120, 40, 40), height=0.4, angle=90)])
    assert axis_error(found.axis_deg, 0) < 5


def test_shadows_are_not_objects() -> None:
    # soft contact shadows and a long soft cast shadow, with no product
    img = backdrop(SIZE, (248, 248, 246))
    shade = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(shade)
    draw.ellipse([200, 600, 560, 700], fill=150)
    draw.polygon([(650, 650), (1000, 420), (1100, 480), (760, 720)], fill=110)
    img.paste((60, 60, 60), (0, 0), shade.filter(ImageFilter.GaussianBlur(14)))
    rgb = analysed(add_noise(img, 3.0))
    bg = classify_background(rgb)
    assert bg.kind == "solid"
    assert find_objects(rgb, bg).count == 0


def test_products_with_shadows_count_once_each_and_keep_their_axis() -> None:
    found = objects_of(
        [
            Item("bottle", (180, 30, 30), cx=0.3, height=0.6),
            Item("bottle", (30, 30, 180), cx=0.7, height=0.6),
        ]
    )
    assert found.count == 2
    assert axis_error(found.axis_deg, 0) < 10  # two upright bottles side by side: wide


def test_specks_are_ignored() -> None:
    found = objects_of([Item("bottle"), Item("round", (20, 20, 20), 0.85, 0.2, 0.04)])
    assert found.count == 1


def test_dark_backdrop() -> None:
    found = objects_of([Item("bottle", (210, 170, 50), height=0.6)], (16, 16, 18))
    assert found.count == 1
    assert axis_error(found.axis_deg, 90) < 5


def test_scene_has_no_objects_to_count() -> None:
    rgb = analysed(scene(SIZE, 5))
    assert find_objects(rgb, Background("scene", None, 0.3)) == Objects(0, None, 0.0)
