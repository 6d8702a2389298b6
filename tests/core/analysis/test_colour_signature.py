"""Colour signatures: what tells one shape in two colours apart, where a grey pHash cannot."""

from __future__ import annotations

import imagegen
import numpy as np
from PIL import ImageEnhance

from aedesk.core.analysis.hashes import colour_distance, colour_signature

BOTTLE = imagegen.product((1024, 1024), seed=1)


def sig(im) -> str:
    return colour_signature(np.asarray(im.convert("RGB")))


def test_copies_stay_close() -> None:
    for copy in (BOTTLE.resize((700, 700)).resize((1024, 1024)), ImageEnhance.Brightness(BOTTLE).enhance(1.08)):
        assert colour_distance(sig(BOTTLE), sig(copy)) <= 24


def test_the_same_shape_in_another_colour_is_far() -> None:
    purple = imagegen.product((1024, 1024), seed=1, colour=(110, 60, 150))
    assert colour_distance(sig(BOTTLE), sig(purple)) > 24


def test_missing_signatures_are_unknown_not_different() -> None:
    assert colour_distance("", sig(BOTTLE)) == 0.0
    assert len(sig(BOTTLE)) == 8 * 8 * 3 * 2
