"""Fingerprints: edits of one photo stay close, different photos stay apart, identical
pixels hash identically whatever the file around them."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable

import numpy as np
import pytest
from imagegen import product, scene
from PIL import Image, ImageEnhance

from aedesk.core.analysis.hashes import (
    _dct_matrix,
    difference_hash,
    hamming,
    perceptual_hash,
    pixel_hash,
)

# The near-duplicate threshold measured for pHash: edits of one photo (re-encode, resize,
# ±10% brightness or contrast) moved it at most 4 bits; different product shapes on the
# same studio backdrop were at least 12 bits apart.
NEAR_DUPLICATE = 8


def gray(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L"))


def reencode(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


EDITS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "re-encoded at quality 70": lambda im: reencode(im, 70),
    "resized to half": lambda im: im.resize(
        (im.width // 2, im.height // 2), Image.Resampling.LANCZOS
    ),
    "resized to 3/4": lambda im: im.resize((im.width * 3 // 4, im.height * 3 // 4)),
    "brightened 10%": lambda im: ImageEnhance.Brightness(im).enhance(1.1),
    "contrast +10%": lambda im: ImageEnhance.Contrast(im).enhance(1.1),
}
PHOTOS: dict[str, Callable[[], Image.Image]] = {
    "bottle": lambda: product((800, 800), seed=1),
    "red box": lambda: product((800, 800), seed=2, shape="box", colour=(200, 40, 40)),
    "scene": lambda: scene((800, 600), seed=3),
}


@pytest.mark.parametrize("hash_fn", [perceptual_hash, difference_hash])
@pytest.mark.parametrize("photo", list(PHOTOS))
@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edited_photo_stays_within_the_near_duplicate_threshold(
    hash_fn: Callable[[np.ndarray], str], photo: str, edit: str
) -> None:
    original = reencode(PHOTOS[photo](), 90)
    assert hamming(hash_fn(gray(original)), hash_fn(gray(EDITS[edit](original)))) <= NEAR_DUPLICATE


PRODUCTS = [
    ("bottle", (40, 90, 170)),
    ("box", (200, 40, 40)),
    ("round", (230, 200, 120)),
    ("bottle", (30, 30, 30)),
    ("round", (60, 160, 80)),
]


def test_different_products_on_the_same_backdrop_are_apart() -> None:
    shots = [
        product((800, 800), seed=i, shape=shape, colour=colour)
        for i, (shape, colour) in enumerate(PRODUCTS)
    ]
    distances = [
        hamming(perceptual_hash(gray(a)), perceptual_hash(gray(b)))
        for a, b in itertools.combinations(shots, 2)
    ]
    assert min(distances) > NEAR_DUPLICATE + 2, distances
    assert np.median(distances) > 20, distances


def test_a_scene_and_a_product_are_far_apart() -> None:
    shot, view = product((800, 800), seed=4), scene((800, 600), seed=4)
    assert hamming(perceptual_hash(gray(shot)), perceptual_hash(gray(view))) > 20
    assert hamming(difference_hash(gray(shot)), difference_hash(gray(view))) > 20


def test_hashes_are_16_hex_digits_and_deterministic() -> None:
    g = gray(product((400, 400), seed=5))
    for h in (perceptual_hash(g), difference_hash(g)):
        assert len(h) == 16 and int(h, 16) >= 0
    assert perceptual_hash(g) == perceptual_hash(g.copy())


def test_hamming_counts_differing_bits() -> None:
    assert hamming("0000000000000000", "0000000000000000") == 0
    assert hamming("0000000000000000", "ffffffffffffffff") == 64
    assert hamming("8000000000000001", "0000000000000000") == 2
    with pytest.raises(ValueError, match="different lengths"):
        hamming("00", "000")


def test_pixel_hash_sees_pixels_and_shape_not_files() -> None:
    rgb = np.asarray(product((300, 200), seed=6))
    png, jpeg = io.BytesIO(), io.BytesIO()
    Image.fromarray(rgb).save(png, "PNG")
    Image.fromarray(rgb).save(jpeg, "JPEG", quality=95)
    assert pixel_hash(np.asarray(Image.open(png))) == pixel_hash(rgb)
    assert pixel_hash(np.asarray(Image.open(jpeg))) != pixel_hash(rgb)  # lossy: new pixels
    changed = rgb.copy()
    changed[0, 0, 0] ^= 1
    assert pixel_hash(changed) != pixel_hash(rgb)
    # same bytes, other shape: a 200×300 image is not a 300×200 one
    assert pixel_hash(rgb.reshape(300, 200, 3)) != pixel_hash(rgb)
    assert len(pixel_hash(rgb)) == 64


def test_the_dct_matrix_is_an_orthonormal_dct_ii() -> None:
    m = _dct_matrix(32)
    assert np.allclose(m @ m.T, np.eye(32))
    n = np.arange(32)
    for k in (0, 1, 5, 31):  # a DCT-II basis cosine transforms to a single coefficient
        coefficients = m @ np.cos(np.pi * (2 * n + 1) * k / 64)
        assert np.argmax(np.abs(coefficients)) == k
        assert np.allclose(np.delete(coefficients, k), 0.0)
