"""Pixel helpers: sRGB → Lab against published values; shrinking keeps the mean."""

from __future__ import annotations

import numpy as np
import pytest

from aedesk.core.analysis.pixels import shrink, shrink_band, srgb_to_lab


@pytest.mark.parametrize(
    ("rgb", "lab"),
    [
        ((255, 255, 255), (100.0, 0.0, 0.0)),
        ((0, 0, 0), (0.0, 0.0, 0.0)),
        ((255, 0, 0), (53.24, 80.09, 67.20)),
        ((0, 0, 255), (32.30, 79.19, -107.86)),
        ((128, 128, 128), (53.59, 0.0, 0.0)),
    ],
)
def test_lab_of_known_colours(rgb: tuple[int, int, int], lab: tuple[float, float, float]) -> None:
    as_bytes = srgb_to_lab(np.array(rgb, dtype=np.uint8))
    as_floats = srgb_to_lab(np.array(rgb, dtype=np.float32))
    assert np.allclose(as_bytes, lab, atol=0.3)
    assert np.allclose(as_floats, as_bytes, atol=1e-3)


def test_shrink_averages_blocks_to_about_the_long_side() -> None:
    rgb = np.random.default_rng(0).integers(0, 256, (683, 1024, 3), dtype=np.uint8)
    small = shrink(rgb, 256)
    assert small.shape == (171, 256, 3)  # the partial last row of blocks is kept
    assert abs(float(small.mean()) - float(rgb.mean())) < 1.0
    assert shrink(rgb, 2000) is rgb


def test_shrink_band_matches_the_same_part_of_the_whole() -> None:
    rgb = np.random.default_rng(1).integers(0, 256, (400, 600, 3), dtype=np.uint8)
    band = shrink_band(rgb, slice(0, 40), slice(None), 150)
    assert np.array_equal(band, shrink(rgb, 150)[:10])
