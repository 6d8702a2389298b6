"""Test images for the sharpness measure: out-of-focus versions of photos, and a lifestyle
shot (a crisp product in front of a soft outdoor background)."""

from __future__ import annotations

import numpy as np
from imagegen import add_noise, product, scene
from PIL import Image, ImageFilter


def defocus(img: Image.Image, radius: float, seed: int = 0) -> Image.Image:
    """The photo as an out-of-focus lens would have taken it: the optics blur, then the
    sensor adds its noise to the blurred picture."""
    return add_noise(img.filter(ImageFilter.GaussianBlur(radius)), 3.0, seed)


def lifestyle(size: tuple[int, int] = (1600, 1200), seed: int = 0) -> Image.Image:
    """A product in focus in front of a soft outdoor background (shallow depth of field)."""
    backdrop = (250, 250, 250)
    shot = product(size, background=backdrop, seed=seed, colour=(180, 60, 40), shape="box")
    arr = np.asarray(shot, dtype=np.int16)
    # the product is whatever differs clearly from the backdrop (its shadow included)
    mask = np.abs(arr - np.array(backdrop)).max(axis=2) > 40
    out = np.asarray(scene(size, seed=seed)).copy()
    out[mask] = arr[mask]
    return Image.fromarray(out.astype(np.uint8))
