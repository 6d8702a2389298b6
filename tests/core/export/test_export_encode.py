"""The size cap: highest quality that fits, downscaling below the floor, never under the minimum."""

from __future__ import annotations

import io

import imagegen
import imagegen_export as gen
import pytest
from PIL import Image

from aedesk.core.export.colour import SRGB_ICC
from aedesk.core.export.encode import encode_jpeg, jpeg
from aedesk.core.export.options import Limits


@pytest.fixture(scope="module")
def noisy_24mp() -> Image.Image:
    return gen.noisy_photo((6000, 4000), sigma=8.0, seed=1)


def test_noisy_24_megapixel_photo_gets_the_highest_quality_that_fits(
    noisy_24mp: Image.Image,
) -> None:
    limits = Limits(min_width=1200, min_height=1200)
    assert len(jpeg(noisy_24mp, limits.top_quality)) > limits.max_bytes  # the cap has work to do
    result = encode_jpeg(noisy_24mp, limits)
    assert result.fits and len(result.data) <= 4_900_000 and result.size == (6000, 4000)
    assert limits.floor_quality <= result.quality < limits.top_quality
    assert len(jpeg(noisy_24mp, result.quality + 1)) > 4_900_000  # one step up does not fit
    assert result.encodes <= 2 and result.downscaled_from is None
    out = Image.open(io.BytesIO(result.data))
    assert out.size == (6000, 4000) and out.info["icc_profile"] == SRGB_ICC


def test_an_image_well_under_the_cap_is_encoded_once_at_top_quality() -> None:
    im = imagegen.product((1600, 1600), seed=2)
    result = encode_jpeg(im, Limits())
    assert (result.quality, result.encodes, result.fits) == (95, 1, True)


def test_small_image_search_is_exact() -> None:
    im = gen.noisy_photo((640, 480), sigma=10, seed=3)
    cap = len(jpeg(im, 85)) + 10
    result = encode_jpeg(im, Limits(max_bytes=cap))
    assert result.quality == 85 and len(result.data) <= cap


def test_below_the_floor_it_downscales_instead() -> None:
    im = gen.noisy_photo((2400, 1800), sigma=25, seed=4)
    limits = Limits(max_bytes=700_000, min_width=1200, min_height=1200)
    assert len(jpeg(im, limits.floor_quality)) > limits.max_bytes
    result = encode_jpeg(im, limits)
    assert result.fits and len(result.data) <= 700_000 and result.quality >= limits.floor_quality
    assert result.downscaled_from == (2400, 1800)
    w, h = result.size
    assert h >= 1200 and w < 2400 and abs(w / h - 4 / 3) < 0.01  # never stretched


def test_never_under_the_minimum_size_even_if_it_cannot_fit() -> None:
    im = gen.noisy_photo((1400, 1300), sigma=30, seed=5)
    result = encode_jpeg(im, Limits(max_bytes=100_000, min_width=1200, min_height=1200))
    assert not result.fits and result.quality == 75
    assert result.size[1] == 1200 and result.size[0] >= 1200
    assert len(result.data) > 100_000
