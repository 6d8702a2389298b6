"""Sharpness tells an out-of-focus photo from a sharp one: products on plain backdrops,
shallow-depth-of-field lifestyle shots, whatever the decode scale and the sensor noise."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from imagegen import add_noise, product, scene
from imagegen_blur import defocus, lifestyle
from imagegen_codes import to_gray
from PIL import Image

from aedesk.core.analysis.sharpness import sharpness
from aedesk.core.rules.profiles import load_catalogue

# The recommended `blur` warning threshold (measured: sharp product and lifestyle shots 80
# to 1300, the same photos defocused by 3 px at 1600 px 0 to 10, or up to 64 with heavy
# sensor noise on top).
BLUR_BELOW = load_catalogue().profile("huaxu").rule("blur").params["min_sharpness"]

SHARP: dict[str, Callable[[], Image.Image]] = {
    "bottle on white": lambda: product((1600, 1600), seed=1),
    "black box": lambda: product((1600, 1600), seed=2, shape="box", colour=(30, 30, 30)),
    "pale round on white": lambda: product(
        (1600, 1600), seed=3, shape="round", colour=(230, 200, 120)
    ),
    "small product, mostly backdrop": lambda: product((1600, 1600), seed=4, scale=0.15),
    "lifestyle, soft background": lambda: lifestyle((1600, 1200), seed=1),
}


@pytest.mark.parametrize("photo", list(SHARP))
def test_a_sharp_photo_reads_sharp_and_its_defocused_copy_blurred(photo: str) -> None:
    img = SHARP[photo]()
    sharp, blurred = sharpness(to_gray(img)), sharpness(to_gray(defocus(img, 3.0)))
    assert sharp > BLUR_BELOW > blurred, (sharp, blurred)
    assert sharp > 5 * blurred


def test_a_sharp_product_on_white_is_not_averaged_away_by_the_backdrop() -> None:
    # ~98% of this picture is flat paper: over the whole image the Laplacian variance is
    # that of the paper's noise, and the photo would read blurred
    gray = to_gray(product((1600, 1600), seed=4, scale=0.15))
    small = np.asarray(Image.fromarray(gray).resize((1024, 1024), Image.Resampling.BOX), float)
    whole_image = np.var(
        small[:-2, 1:-1]
        + small[2:, 1:-1]
        + small[1:-1, :-2]
        + small[1:-1, 2:]
        - 4 * small[1:-1, 1:-1]
    )
    assert whole_image < BLUR_BELOW < 2 * BLUR_BELOW < sharpness(gray)
    # a picture with content everywhere, none of it sharp
    assert sharpness(to_gray(scene((1600, 1200), seed=4))) < BLUR_BELOW


def test_sensor_noise_does_not_make_a_blurred_photo_read_sharp() -> None:
    img = product((1600, 1600), seed=5, shape="box", colour=(200, 40, 40))
    noisy_blurred = sharpness(to_gray(add_noise(defocus(img, 3.0), 6.0, seed=6)))
    assert noisy_blurred < BLUR_BELOW
    assert sharpness(to_gray(add_noise(img, 6.0, seed=6))) > 10 * noisy_blurred


def decoded_at(img: Image.Image, side: int) -> np.ndarray:
    return np.asarray(Image.fromarray(to_gray(img)).resize((side, side), Image.Resampling.BOX))


@pytest.mark.parametrize(("radius", "spread"), [(0.0, 2.0), (1.5, 1.3)])
def test_the_decode_scale_hardly_moves_the_value(radius: float, spread: float) -> None:
    # a slightly soft photo, near the threshold, is where the scale would matter most:
    # measured at the decoded size, 1.5 px of blur at 2400 px would read 16× apart
    img = product((2400, 2400), seed=7)
    img = defocus(img, radius) if radius else img
    values = [sharpness(decoded_at(img, side)) for side in (2400, 2000, 1600, 1200, 1024)]
    assert max(values) < spread * min(values), values


def test_odd_shapes() -> None:
    assert sharpness(np.full((1200, 1600), 128, np.uint8)) == 0.0  # flat: nothing in focus
    assert sharpness(np.tile(np.uint8([0, 255]), (2, 1000))) >= 0.0  # a 2 px strip
    with pytest.raises(ValueError, match="2-D"):
        sharpness(np.zeros((10, 10, 3), np.uint8))
