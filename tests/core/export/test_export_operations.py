"""Each export operation on real-looking images, checked by reading the output back."""

from __future__ import annotations

import io

import imagegen
import imagegen_export as gen
import numpy as np
import pytest
from factsgen import facts
from PIL import Image

from aedesk.core.analysis.facts import Background
from aedesk.core.export.colour import SRGB_ICC
from aedesk.core.export.options import ExportOptions
from aedesk.core.export.plan import make_plan
from aedesk.core.export.process import Processed, process
from aedesk.core.rules.profiles import Catalogue


def export_one(catalogue: Catalogue, data: bytes, profile: str = "huaxu", fact=None,
               **options) -> Processed:
    plan = make_plan("t", catalogue.profile(profile), [fact or facts()], ExportOptions(**options))
    return process(data, plan.images[0])


def read(p: Processed) -> Image.Image:
    im = Image.open(io.BytesIO(p.data))
    im.load()
    return im


def ops(p: Processed) -> dict[str, dict]:
    return {op.name: op.params for op in p.operations}


def patch(im: Image.Image, box: tuple[int, int, int, int]) -> np.ndarray:
    """Mean colour of a region."""
    return np.asarray(im.convert("RGB").crop(box), dtype=float).reshape(-1, 3).mean(axis=0)


def is_red(colour: np.ndarray) -> bool:
    return bool(colour[0] > 150 and colour[1] < 80)


def test_exif_orientation_is_applied_and_not_left_as_a_tag(catalogue: Catalogue) -> None:
    stored = imagegen.product((1600, 1200), seed=1)
    stored.paste((220, 20, 20), (0, 0, 200, 200))  # marks the stored top-left corner
    out = export_one(catalogue, gen.encode(stored, "JPEG", quality=92, exif=gen.gps_exif(6)))
    im = read(out)
    assert im.size == (1200, 1600) and ops(out)["orient"] == {"orientation": 6}
    assert is_red(patch(im, (1050, 20, 1180, 150)))  # orientation 6: top-left goes top-right
    assert not is_red(patch(im, (20, 20, 150, 150)))
    assert not im.getexif()


def test_upright_image_is_not_rotated(catalogue: Catalogue) -> None:
    out = export_one(catalogue, imagegen.jpeg_bytes(imagegen.product((1600, 1200), seed=2)))
    assert read(out).size == (1600, 1200) and "orient" not in ops(out)


def test_cmyk_goes_through_its_embedded_profile(catalogue: Catalogue) -> None:
    data = gen.encode(gen.cmyk_patches(), "JPEG", quality=95, icc_profile=gen.cmyk_icc())
    out = export_one(catalogue, data, fact=facts(mode="CMYK", icc="other"))
    im = read(out)
    assert im.mode == "RGB" and im.info["icc_profile"] == SRGB_ICC
    assert ops(out)["colour"] == {"from": "CMYK", "profile": "Warm paper test CMYK"}
    cyan = patch(im, (250, 50, 350, 150))
    assert np.abs(cyan - gen.cmyk_print(255, 0, 0, 0)).max() < 8  # naive would give (0, 255, 255)
    red = patch(im, (50, 250, 150, 350))
    assert np.abs(red - gen.cmyk_print(0, 255, 255, 0)).max() < 8


def test_cmyk_without_a_profile_is_converted_and_says_so(catalogue: Catalogue) -> None:
    out = export_one(catalogue, gen.encode(gen.cmyk_patches(), "JPEG", quality=95))
    assert ops(out)["colour"] == {"from": "CMYK", "profile": None}
    assert read(out).mode == "RGB"


def test_rgb_with_a_foreign_profile_is_converted_through_it(catalogue: Catalogue) -> None:
    img = imagegen.product((1200, 1200), colour=(200, 30, 30), background=(200, 30, 30), seed=3)
    data = gen.encode(img, "JPEG", quality=95, icc_profile=gen.swapped_rgb_icc())
    out = export_one(catalogue, data)
    r, _, b = patch(read(out), (20, 20, 200, 200))
    assert b > 150 and r < 80  # in the profile's terms the first channel is blue
    assert ops(out)["colour"]["profile"] == "Swapped RB test profile"


def test_srgb_tagged_image_keeps_its_colours(catalogue: Catalogue) -> None:
    img = imagegen.product((1200, 1200), colour=(200, 30, 30), background=(200, 30, 30), seed=3)
    out = export_one(catalogue, gen.encode(img, "JPEG", quality=95, icc_profile=SRGB_ICC))
    r, _, b = patch(read(out), (20, 20, 200, 200))
    assert r > 150 and b < 80 and "colour" not in ops(out)


def test_16_bit_grey_is_scaled_not_clipped(catalogue: Catalogue) -> None:
    ramp = np.linspace(0, 65535, 1200, dtype=np.uint32)[None, :].repeat(1200, 0).astype(np.uint16)
    out = export_one(catalogue, gen.encode(Image.fromarray(ramp), "PNG"))
    im = read(out)
    assert ops(out)["depth"] == {"from": "I;16"}
    assert patch(im, (0, 0, 10, 10))[0] < 8 and patch(im, (1190, 0, 1200, 10))[0] > 247
    assert 118 < patch(im, (595, 0, 605, 10))[0] < 138  # clipping would give 255 here


def test_16_bit_rgb_png_is_recorded_and_keeps_its_colours(catalogue: Catalogue) -> None:
    arr = np.zeros((1200, 1200, 3), dtype=np.uint16)
    arr[..., 0], arr[..., 2] = 50000, 12000
    data = gen.png16(arr)
    out = export_one(catalogue, data)
    assert ops(out)["depth"] == {"from": "16-bit"}
    r, g, b = patch(read(out), (100, 100, 300, 300))
    assert abs(r - 50000 / 257) < 3 and g < 3 and abs(b - 12000 / 257) < 3


def test_alpha_is_flattened_onto_the_background_for_jpeg(catalogue: Catalogue) -> None:
    rgba = gen.cutout((800, 800))
    cream = Background("solid", (240, 230, 200), 1)
    out = export_one(catalogue, gen.encode(rgba, "PNG"),
                     fact=facts(format="PNG", mode="RGBA", background=cream))
    im = read(out)
    assert out.format == "JPEG" and im.mode == "RGB"
    assert ops(out)["flatten"] == {"colour": "#f0e6c8"}
    assert np.abs(patch(im, (0, 0, 100, 100)) - (240, 230, 200)).max() < 4
    product = patch(rgba, (350, 350, 450, 450))
    assert np.abs(patch(im, (350, 350, 450, 450)) - product).max() < 4


def test_keep_format_keeps_a_png_and_its_alpha(catalogue: Catalogue) -> None:
    out = export_one(catalogue, gen.encode(gen.cutout((800, 800)), "PNG"),
                     fact=facts(format="PNG", mode="RGBA"), keep_format=True)
    im = read(out)
    assert (out.format, out.file_name, im.mode) == ("PNG", "01.png", "RGBA")
    assert im.getpixel((5, 5))[3] == 0 and "flatten" not in ops(out)
    assert im.info.get("icc_profile") == SRGB_ICC


def test_keep_format_falls_back_to_jpeg_when_the_png_is_too_big(catalogue: Catalogue) -> None:
    noisy = gen.noisy_photo((1000, 1000), sigma=20)
    out = export_one(catalogue, gen.encode(noisy, "PNG"), fact=facts(format="PNG", bytes=900_000),
                     keep_format=True, max_bytes=1_000_000)
    assert out.format == "JPEG" and out.file_name == "01.jpg" and "png-too-large" in ops(out)
    assert len(out.data) <= 1_000_000


def test_metadata_is_stripped_gps_included(catalogue: Catalogue) -> None:
    img = imagegen.product((1400, 1400), seed=4)
    data = gen.encode(img, "JPEG", quality=92, exif=gen.gps_exif(), xmp=gen.XMP,
                      comment=b"shot by Li")
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the source does carry GPS
    out = export_one(catalogue, data)
    im = read(out)
    assert not im.getexif() and not im.getexif().get_ifd(0x8825)
    assert not {"exif", "xmp", "comment", "photoshop"} & set(im.info)
    assert im.info["icc_profile"] == SRGB_ICC
    assert b"Studio Li" not in out.data and b"TestCam" not in out.data
    assert ops(out)["strip-metadata"] == {"removed": ["EXIF", "GPS", "XMP", "comment"]}


def test_png_text_chunks_are_stripped(catalogue: Catalogue) -> None:
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_text("Author", "Studio Li")
    data = gen.encode(imagegen.product((600, 600)), "PNG", pnginfo=info)
    out = export_one(catalogue, data, fact=facts(format="PNG"), keep_format=True)
    assert out.format == "PNG" and b"Studio Li" not in out.data
    assert ops(out)["strip-metadata"] == {"removed": ["text"]}


def test_padding_centres_without_stretching(catalogue: Catalogue) -> None:
    bg = Background("solid", (236, 236, 236), 0.98)
    square = facts(width=1600, height=1600, background=bg)
    wide = facts(width=1600, height=1000, background=bg)
    plan = make_plan("p", catalogue.profile("new-arrival"), [square, wide, square],
                     ExportOptions(canvas=True))
    src = imagegen.product((1600, 1000), background=(236, 236, 236), seed=5)
    src.paste((200, 20, 20), (700, 400, 900, 600))  # a 200×200 square must stay square
    out = process(imagegen.jpeg_bytes(src, 95), plan.images[1])
    im = read(out)
    assert im.size == (1600, 1600) and ops(out)["pad"]["scale"] == 1.0
    assert np.abs(patch(im, (0, 0, 1600, 250)) - (236, 236, 236)).max() < 4  # the added band
    red = np.argwhere((np.asarray(im)[..., 0] > 150) & (np.asarray(im)[..., 1] < 80))
    (y0, x0), (y1, x1) = red.min(axis=0), red.max(axis=0)
    assert abs((x1 - x0) - (y1 - y0)) <= 2 and abs(y0 - 700) <= 3


def test_padding_shrinks_what_does_not_fit(catalogue: Catalogue) -> None:
    tall = facts(width=1000, height=1600)
    wide = facts(width=1600, height=1200)
    plan = make_plan("p", catalogue.profile("new-arrival"), [wide, wide, tall],
                     ExportOptions(canvas=True))
    out = process(imagegen.jpeg_bytes(imagegen.product((1000, 1600), seed=6)), plan.images[2])
    assert read(out).size == (1600, 1200) and ops(out)["pad"]["scale"] == 0.75


def test_banner_centre_crop_and_chosen_window(catalogue: Catalogue) -> None:
    src = imagegen.scene((1600, 1200), seed=7)
    src.paste((220, 20, 20), (0, 0, 1600, 100))  # a red top band: outside the centre crop
    data = imagegen.jpeg_bytes(src, 95)
    centre = export_one(catalogue, data, profile="banner")
    im = read(centre)
    assert im.size == (750, 360) and ops(centre)["banner-crop"]["window"] == [0.0, 0.18, 1.0, 0.64]
    assert "fill" not in ops(centre)
    assert not is_red(patch(im, (0, 0, 750, 20)))
    top = export_one(catalogue, data, profile="banner", crop_windows=((0.0, 0.0, 1.0, 0.5),))
    assert is_red(patch(read(top), (0, 0, 750, 20)))  # narrowed to 750:360 around its centre
    x, y, _, h = ops(top)["banner-crop"]["window"]
    assert (y, h) == (0.0, 0.5) and x > 0.1


def test_undecodable_bytes_raise_a_decode_error(catalogue: Catalogue) -> None:
    from aedesk.core.analysis.decode import DecodeError
    with pytest.raises(DecodeError):
        export_one(catalogue, imagegen.jpeg_bytes(imagegen.product((400, 400)))[:3000])


def test_scene_photo_fills_the_canvas_instead_of_being_framed(catalogue: Catalogue) -> None:
    scene = Background("scene", None, 0.3)
    post = [facts(background=scene), facts(width=1600, height=1200, background=scene)]
    plan = make_plan("p", catalogue.profile("new-arrival"), post, ExportOptions(canvas=True))
    src = imagegen.scene((1600, 1200), seed=8)
    src.paste((220, 20, 20), (0, 0, 150, 1200))  # a red strip at the left edge: cropped away
    out = process(imagegen.jpeg_bytes(src, 95), plan.images[1])
    im = read(out)
    assert im.size == (1600, 1600) and ops(out)["fill"]["window"] == [0.125, 0.0, 0.75, 1.0]
    assert "pad" not in ops(out) and not is_red(patch(im, (0, 0, 40, 1600)))


def test_animated_gif_keeps_its_first_frame_as_jpeg(catalogue: Catalogue) -> None:
    frames = [imagegen.product((600, 600), colour=c, seed=i).quantize(64)
              for i, c in enumerate(((40, 90, 170), (170, 60, 40), (50, 140, 70)))]
    data = gen.encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    out = export_one(catalogue, data, fact=facts(format="GIF", mode="P", frames=3))
    im = read(out)
    assert (out.format, im.mode) == ("JPEG", "RGB")
    assert ops(out)["first-frame"] == {"frames": 3} and ops(out)["mode"] == {"from": "P", "to": "RGB"}
    r, _, b = patch(im, (250, 250, 350, 350))
    assert b > r  # the blue first frame, not the red second one


def test_webp_becomes_jpeg(catalogue: Catalogue) -> None:
    out = export_one(catalogue, gen.encode(imagegen.product((800, 800), seed=3), "WEBP", quality=90),
                     fact=facts(format="WEBP"))
    assert out.format == "JPEG" and read(out).format == "JPEG" and out.file_name == "01.jpg"
