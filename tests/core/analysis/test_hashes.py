"""Fingerprints: copies stay close, different products stay apart."""

from __future__ import annotations

import io

import imagegen
import numpy as np
from PIL import Image, ImageEnhance

from aedesk.core.analysis.hashes import (
    colour_distance,
    colour_signature,
    difference_hash,
    hamming,
    perceptual_hash,
    pixel_hash,
)


def grey(im: Image.Image) -> np.ndarray:
    return np.asarray(im.convert("L"))


def reencoded(im: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


BOTTLE = imagegen.product((1024, 1024), seed=1)


def test_copies_are_close() -> None:
    base = perceptual_hash(grey(BOTTLE))
    copies = [reencoded(BOTTLE, 60), BOTTLE.resize((700, 700)), ImageEnhance.Brightness(BOTTLE).enhance(1.08)]
    for copy in copies:
        assert hamming(base, perceptual_hash(grey(copy.resize((1024, 1024))))) <= 4
        assert colour_distance(colour_signature(np.asarray(BOTTLE)),
                               colour_signature(np.asarray(copy.resize((1024, 1024))))) <= 24


def test_different_pictures_are_apart() -> None:
    base = perceptual_hash(grey(BOTTLE))
    assert hamming(base, perceptual_hash(grey(imagegen.scene((1024, 1024), seed=3)))) > 20
    assert hamming(base, perceptual_hash(grey(imagegen.product((1024, 1024), seed=5, shape="box")))) > 12
    purple = imagegen.product((1024, 1024), seed=1, colour=(110, 60, 150))
    assert colour_distance(colour_signature(np.asarray(BOTTLE)), colour_signature(np.asarray(purple))) > 24


def test_difference_hash_and_hex_form() -> None:
    d = difference_hash(grey(BOTTLE))
    assert len(d) == 16 and len(perceptual_hash(grey(BOTTLE))) == 16
    assert hamming(d, difference_hash(grey(reencoded(BOTTLE, 70)))) <= 6


def test_missing_hashes_count_as_far_apart_and_missing_colours_as_unknown() -> None:
    assert hamming("", "0" * 16) == 64
    assert colour_distance("", colour_signature(np.asarray(BOTTLE))) == 0.0


def test_pixel_hash_ignores_metadata_but_not_pixels() -> None:
    arr = np.asarray(BOTTLE)
    assert pixel_hash(arr) == pixel_hash(arr.copy())
    changed = arr.copy()
    changed[0, 0, 0] ^= 1
    assert pixel_hash(changed) != pixel_hash(arr)
    wide = np.zeros((4, 6, 3), np.uint8)
    assert pixel_hash(wide) != pixel_hash(wide.reshape(6, 4, 3))  # same bytes, another picture
