"""Background: studio backdrops of any colour are `solid`, scenes and textured surfaces are not."""

from __future__ import annotations

import numpy as np
import pytest
from imagegen import product, scene
from imagegen_objects import Item, compose
from imagegen_scenes import analysed, room, table_edge, wooden_table

from aedesk.core.analysis.background import classify_background, colours_differ
from aedesk.core.analysis.pixels import srgb_to_lab


def delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    lab = srgb_to_lab(np.array([a, b], dtype=np.uint8))
    return float(np.linalg.norm(lab[0] - lab[1]))


@pytest.mark.parametrize(
    ("backdrop", "colour", "shape", "size"),
    [
        ((250, 250, 250), (40, 90, 170), "bottle", (1200, 1200)),  # white
        ((214, 214, 211), (180, 40, 40), "box", (1200, 900)),  # light grey
        ((246, 214, 220), (60, 60, 60), "round", (900, 1200)),  # pastel pink paper
        ((205, 228, 244), (230, 140, 20), "bottle", (1200, 900)),  # pastel blue paper
        ((14, 14, 16), (200, 160, 40), "bottle", (1200, 900)),  # black
    ],
)
def test_studio_backdrops_are_solid_with_their_colour(
    backdrop: tuple[int, int, int], colour: tuple[int, int, int], shape: str, size: tuple[int, int]
) -> None:
    bg = classify_background(analysed(product(size, backdrop, colour, seed=3, shape=shape)))
    assert bg.kind == "solid"
    assert bg.color is not None
    # the sweep darkens 4 % to the bottom: the colour is the backdrop's, give or take that
    assert delta_e(bg.color, backdrop) < 6
    assert bg.uniformity > 0.95


def test_product_cut_by_the_bottom_edge_is_still_solid() -> None:
    img = compose([Item("bottle", (40, 90, 170), cx=0.5, cy=0.8, height=0.75)], (1200, 900))
    bg = classify_background(analysed(img))
    assert bg.kind == "solid"
    assert bg.uniformity < 0.97  # the bottle does take part of the border


def test_big_product_cut_by_the_bottom_edge_on_a_coloured_sweep() -> None:
    img = compose(
        [Item("box", (180, 40, 40), cx=0.45, cy=0.85, height=0.6)], (1200, 900), (220, 225, 235)
    )
    assert classify_background(analysed(img)).kind == "solid"


def test_gentle_gradient_and_vignette_are_solid() -> None:
    img = compose([Item("bottle")], (1200, 900), (245, 245, 245), fall=0.12)
    bg = classify_background(analysed(img))
    assert bg.kind == "solid"


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_outdoor_scenes_are_scene(seed: int) -> None:
    size = (1200, 900) if seed % 2 else (900, 1200)
    bg = classify_background(analysed(scene(size, seed)))
    assert bg.kind == "scene"
    assert bg.color is None
    assert bg.uniformity < 0.8


def test_product_on_a_wooden_table_is_scene() -> None:
    assert classify_background(analysed(wooden_table((1200, 900)))).kind == "scene"


def test_plain_wall_with_a_visible_floor_is_scene() -> None:
    # Hard negative: three sides are a plain wall, but the floor runs up both side borders.
    assert classify_background(analysed(room((1200, 900), floor_at=0.72))).kind == "scene"


def test_product_in_front_of_a_table_edge_is_scene() -> None:
    assert classify_background(analysed(table_edge((1200, 900)))).kind == "scene"


def test_colours_differ_is_perceptual() -> None:
    white, off_white = (255, 255, 255), (250, 248, 240)
    assert not colours_differ(white, off_white)
    assert not colours_differ((250, 250, 250), (238, 238, 238))  # one sweep, two exposures
    assert colours_differ(white, (173, 216, 230))  # light blue
    assert colours_differ((128, 128, 128), (0, 0, 0))
    assert colours_differ((250, 250, 250), (246, 214, 220))  # white vs pastel pink
