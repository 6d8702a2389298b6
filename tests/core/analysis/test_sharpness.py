"""Sharpness: a crisp product on white is not 'blurred'; a soft one is."""

from __future__ import annotations

import imagegen
import numpy as np
import pytest
from PIL import Image, ImageFilter

from aedesk.core.analysis.sharpness import sharpness
from aedesk.core.rules.profiles import load_catalogue

LIMIT = load_catalogue().profile("huaxu").rule("blur").params["min_sharpness"]


def score(im: Image.Image) -> float:
    return sharpness(np.asarray(im.convert("L")))


@pytest.mark.parametrize("shape", ["bottle", "box", "jar"])
def test_sharp_product_on_white_passes_and_blurred_fails(shape: str) -> None:
    im = imagegen.product((1600, 1600), seed=2, shape=shape)
    assert score(im) > 3 * LIMIT
    assert score(im.filter(ImageFilter.GaussianBlur(3))) < LIMIT


def test_score_does_not_depend_on_decode_scale() -> None:
    im = imagegen.product((2048, 2048), seed=4)
    a, b = score(im), score(im.resize((1024, 1024), Image.Resampling.BILINEAR))
    assert abs(a - b) / max(a, b) < 0.35


def test_tiny_image_does_not_crash() -> None:
    assert sharpness(np.zeros((5, 7), np.uint8)) == 0.0
