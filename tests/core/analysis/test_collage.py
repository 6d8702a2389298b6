"""Collage: stitched photos are found (with and without gutters); single photos with long
straight lines, patterns or flat backdrops are not."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from imagegen import product, scene
from imagegen_collage import collage
from imagegen_objects import Item, compose
from imagegen_scenes import (
    analysed,
    checker_box,
    hard_shadow,
    room,
    striped_shirt,
    table_edge,
    window,
    wooden_table,
)
from PIL import Image

from aedesk.core.analysis.collage import detect_collage

BACKDROPS = [
    (250, 250, 250),
    (236, 238, 242),
    (247, 244, 238),
    (240, 240, 240),
    (252, 250, 250),
    (242, 242, 247),
]
COLOURS = [(40, 90, 170), (180, 40, 40), (40, 140, 60), (200, 150, 30), (90, 40, 140), (30, 30, 30)]
SHAPES = ["bottle", "box", "round"]


@cache
def photos(kind: str) -> list[Image.Image]:
    """Nine different photos to cut into cells: outdoor scenes, product shots, or both."""
    scenes = [scene((800, 600), 40 + i) for i in range(9)]
    products = [
        product(
            (800, 800), BACKDROPS[i % 6], COLOURS[(i * 5) % 6], seed=50 + i, shape=SHAPES[i % 3]
        )
        for i in range(9)
    ]
    return {
        "scene": scenes,
        "product": products,
        "mix": [(scenes if i % 2 else products)[i] for i in range(9)],
    }[kind]


POSITIVES = [
    # kind, layout, canvas, gutter, border, panels
    ("scene", "2x1", (1400, 800), 0, 0, 2),
    ("scene", "1x2", (900, 1400), 0, 0, 2),
    ("scene", "2x2", (1300, 1300), 8, 0, 4),
    ("scene", "3x3", (1300, 1300), 8, 12, 9),
    ("scene", "1+2", (1400, 1000), 0, 0, 3),
    ("product", "2x1", (1400, 800), 8, 0, 2),
    ("product", "1x2", (900, 1400), 8, 12, 2),
    # near-white backdrops meeting: one half of a seam is invisible, the count comes out low
    ("product", "2x2", (1300, 1300), 0, 0, 3),
    ("product", "3x3", (1300, 1300), 8, 0, 9),
    ("product", "1+2", (1400, 1000), 8, 0, 3),
    ("mix", "3x1", (1500, 700), 0, 0, 3),
    ("mix", "2x2", (1300, 1300), 0, 0, 3),  # the same, in the left half
    ("mix", "3x3", (1300, 1300), 0, 0, 9),
    ("mix", "1+2", (1400, 1000), 8, 12, 3),
]


@pytest.mark.parametrize(("kind", "layout", "size", "gutter", "border", "panels"), POSITIVES)
def test_collages_are_found(
    kind: str, layout: str, size: tuple[int, int], gutter: int, border: int, panels: int
) -> None:
    rgb = analysed(collage(photos(kind), layout, size, gutter, border), quality=85)
    found = detect_collage(rgb)
    assert found.panels == panels


def test_seams_are_where_the_cells_meet() -> None:
    found = detect_collage(analysed(collage(photos("mix"), "2x2", (1300, 1300))))
    assert [s[0] for s in found.seams] == ["h", "v"]
    assert all(abs(pos - 0.5) < 0.01 for _, pos in found.seams)


def test_one_plus_two_has_a_short_seam_in_one_half() -> None:
    found = detect_collage(analysed(collage(photos("scene"), "1+2", (1400, 1000))))
    kinds = sorted(found.seams)
    assert [k for k, _ in kinds] == ["h", "v"]
    assert abs(kinds[0][1] - 0.5) < 0.02 and abs(kinds[1][1] - 0.5) < 0.02


SIZE = (1200, 900)
NEGATIVES = {
    "product on white": lambda: product(SIZE, (250, 250, 250), seed=1),
    "product on grey, portrait": lambda: product(
        (900, 1200), (232, 232, 232), (180, 40, 40), seed=2, shape="box"
    ),
    "three products in a row": lambda: compose(
        [
            Item("bottle", (200, 40, 40), 0.25, 0.5, 0.6),
            Item("bottle", (40, 160, 60), 0.5, 0.5, 0.6),
            Item("bottle", (30, 30, 30), 0.75, 0.5, 0.6),
        ],
        SIZE,
    ),
    "checkerboard box": lambda: checker_box(SIZE),
    "striped shirt": lambda: striped_shirt(SIZE),
    "table edge at 1/2": lambda: table_edge(SIZE, edge_at=0.5),
    "table edge at 0.62": lambda: table_edge(SIZE, seed=1, edge_at=0.62),
    "window frame": lambda: window(SIZE),
    "hard shadow line at 1/2": lambda: hard_shadow(SIZE, at=0.5),
    "hard shadow line at 2/3": lambda: hard_shadow(SIZE, seed=1, at=0.67),
    "wooden table with plank joints at quarters": lambda: wooden_table(SIZE, seed=1),
    "room with a floor": lambda: room(SIZE),
    "outdoor scene": lambda: scene(SIZE, 7),
    "outdoor scene, portrait": lambda: scene((900, 1200), 8),
}


@pytest.mark.parametrize("name", list(NEGATIVES))
def test_single_photos_are_not_collages(name: str) -> None:
    found = detect_collage(analysed(NEGATIVES[name]()))
    assert found.panels == 1, found.seams


def test_flat_white_canvas_with_a_product_has_no_gutters() -> None:
    # clipped pure-white backdrop: every margin column is perfectly flat
    rgb = np.full((683, 1024, 3), 255, dtype=np.uint8)
    rgb[150:550, 420:600] = (40, 90, 170)
    assert detect_collage(rgb).panels == 1
