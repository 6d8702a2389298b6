"""The code detector finds small, rotated QR codes and reasonably sized barcodes in photos,
at the scale the pipeline decodes at, and stays quiet on code-like textures."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from imagegen import add_noise, product, scene
from imagegen_codes import (
    WECHAT_URL,
    Box,
    checkerboard,
    paste_code,
    random_bars,
    shadow_edge,
    striped_shirt,
    text_texture,
    to_gray,
)
from PIL import Image

from aedesk.core.analysis.facts import Code
from aedesk.core.analysis.qr import find_codes


def only(codes: tuple[Code, ...], kind: str) -> Code:
    matching = [c for c in codes if c.kind == kind]
    assert len(matching) == 1, codes
    return matching[0]


def assert_inside(found: Box, pasted: Box) -> None:
    """The detector's box lies within the pasted label (with a little slack) and is not a
    sliver of it: its centre is near the label's centre."""
    fx, fy, fw, fh = found
    px, py, pw, ph = pasted
    slack = 0.01
    assert px - slack <= fx and fx + fw <= px + pw + slack, (found, pasted)
    assert py - slack <= fy and fy + fh <= py + ph + slack, (found, pasted)
    assert abs((fx + fw / 2) - (px + pw / 2)) < pw / 4
    assert abs((fy + fh / 2) - (py + ph / 2)) < ph / 4


@pytest.mark.parametrize(
    ("photo", "angle", "centre"),
    [
        (lambda: product((1600, 1600), seed=1), 10.0, (0.7, 0.3)),
        (
            lambda: product((1600, 1600), seed=2, colour=(200, 40, 40), shape="box"),
            -10.0,
            (0.5, 0.5),
        ),
        (lambda: scene((1600, 1200), seed=1), 10.0, (0.3, 0.75)),
        (lambda: scene((1600, 1200), seed=2), 5.0, (0.8, 0.2)),
        (lambda: product((1200, 1600), seed=3, shape="round"), 15.0, (0.25, 0.8)),
    ],
)
def test_finds_a_qr_code_at_5_percent_of_the_short_side(
    photo: Callable[[], Image.Image], angle: float, centre: tuple[float, float]
) -> None:
    img, pasted = paste_code(photo(), fraction=0.05, angle=angle, centre=centre)
    code = only(find_codes(to_gray(img, quality=85)), "QRCode")
    assert code.text == WECHAT_URL
    assert_inside(code.box, pasted)


@pytest.fixture(scope="module")
def half_scale_scene() -> Image.Image:
    """A 6000×4000 photo as it reaches the detector: decoded at JPEG draft 1/2."""
    return scene((3000, 2000), seed=7)


@pytest.mark.parametrize("fraction", [0.05, 0.035])
def test_finds_a_small_qr_code_in_a_24_megapixel_photo_decoded_at_half_scale(
    half_scale_scene: Image.Image, fraction: float
) -> None:
    # at 5% the code is 100 px here, 3.4 px a module; at 3.5% only 2.4 px a module
    img, pasted = paste_code(half_scale_scene, fraction=fraction, angle=-10.0)
    code = only(find_codes(to_gray(img, quality=85)), "QRCode")
    assert code.text == WECHAT_URL
    assert_inside(code.box, pasted)


@pytest.mark.parametrize(
    ("levels", "what"),
    [
        ((0, 128), "in shade"),
        ((0, 90), "in deep shade"),
        ((110, 255), "washed out"),
        ((40, 200), "dim, low contrast"),
    ],
)
def test_finds_a_qr_code_whatever_the_light(levels: tuple[int, int], what: str) -> None:
    img, _ = paste_code(product((1600, 1600), seed=4), fraction=0.05, angle=8.0, levels=levels)
    assert only(find_codes(to_gray(img)), "QRCode").text == WECHAT_URL, what


def test_finds_a_grey_printed_qr_code_half_in_shadow() -> None:
    img, _ = paste_code(
        product((1600, 1600), seed=5), fraction=0.05, centre=(0.5, 0.4), levels=(60, 200)
    )
    assert only(find_codes(to_gray(shadow_edge(img, 0.5))), "QRCode").text == WECHAT_URL


def test_finds_a_large_qr_code_and_boxes_it() -> None:
    img, pasted = paste_code(
        scene((1600, 1200), seed=3), fraction=0.3, angle=12.0, centre=(0.5, 0.5)
    )
    code = only(find_codes(to_gray(img)), "QRCode")
    assert_inside(code.box, pasted)
    assert code.box[2] > 0.15  # the box covers the code, not one finder pattern


def test_finds_a_light_on_dark_qr_code() -> None:
    img, pasted = paste_code(
        scene((1600, 1200), seed=5), fraction=0.15, angle=6.0, levels=(255, 20)
    )
    code = only(find_codes(to_gray(img)), "QRCode")
    assert code.text == WECHAT_URL
    assert_inside(code.box, pasted)


@pytest.mark.parametrize(
    ("kind", "text", "fraction", "angle"),
    [
        pytest.param("EAN13", "5901234123457", 0.2, 3.0, id="EAN-13"),
        pytest.param("EAN13", "5901234123457", 0.2, 90.0, id="EAN-13 upright"),
        pytest.param("Code128", "ABC-12345-XY", 0.3, -4.0, id="Code 128"),
        pytest.param("ITF", "00012345678905", 0.2, 2.0, id="ITF-14"),
        pytest.param("DataMatrix", "SN-2024-000187-XK", 0.12, 5.0, id="DataMatrix"),
        pytest.param("PDF417", "SN-2024-000187-XK", 0.2, -3.0, id="PDF417"),
    ],
)
def test_finds_barcodes_on_a_box(kind: str, text: str, fraction: float, angle: float) -> None:
    box_shot = product((1600, 1600), seed=5, shape="box", colour=(230, 200, 120), scale=0.7)
    img, pasted = paste_code(box_shot, text, kind, fraction=fraction, angle=angle, quiet=10)
    code = only(find_codes(to_gray(img)), kind)
    assert code.text == text
    assert_inside(code.box, pasted)


def test_reports_every_code_in_the_image_once() -> None:
    img, _ = paste_code(
        product((1600, 1600), seed=6, shape="box"), fraction=0.08, centre=(0.3, 0.2)
    )
    img, _ = paste_code(
        img, "590123412345", "EAN13", fraction=0.25, angle=0.0, centre=(0.55, 0.7), quiet=10
    )
    assert sorted(c.kind for c in find_codes(to_gray(img))) == ["EAN13", "QRCode"]


@pytest.mark.parametrize(
    "photo",
    [
        pytest.param(lambda: product((1600, 1600), seed=7), id="bottle"),
        pytest.param(
            lambda: product((1600, 1600), seed=8, shape="box", colour=(20, 20, 20)), id="black box"
        ),
        pytest.param(
            lambda: product((1600, 1600), seed=9, shape="round", colour=(220, 220, 60)), id="round"
        ),
        pytest.param(lambda: scene((1600, 1200), seed=8), id="scene"),
        pytest.param(
            lambda: add_noise(scene((1500, 1000), seed=9), 12.0, seed=9), id="noisy scene"
        ),
        pytest.param(lambda: striped_shirt(period=6), id="fine stripes"),
        pytest.param(lambda: striped_shirt(period=12), id="stripes"),
        pytest.param(lambda: text_texture(seed=1), id="text-like texture"),
        pytest.param(lambda: checkerboard(cell=6, angle=0.0), id="fine checkerboard"),
        pytest.param(lambda: checkerboard(cell=24, angle=7.0), id="checkerboard"),
        pytest.param(lambda: checkerboard(cell=48, angle=30.0), id="coarse checkerboard"),
        pytest.param(lambda: random_bars(seed=33), id="random bars (ITF-like)"),
        pytest.param(lambda: random_bars(seed=98), id="random bars, rotated"),
    ],
)
def test_no_code_in_photos_and_code_like_textures(photo: Callable[[], Image.Image]) -> None:
    assert find_codes(to_gray(photo())) == ()


def test_rejects_colour_and_accepts_empty_arrays() -> None:
    with pytest.raises(ValueError, match="2-D uint8"):
        find_codes(np.zeros((10, 10, 3), np.uint8))
    assert find_codes(np.zeros((0, 0), np.uint8)) == ()
