"""Image rules at their boundaries, on facts (no pixels needed)."""

from __future__ import annotations

import pytest
from factsgen import facts

from aedesk.core.analysis.facts import Background, Code, Collage, Objects
from aedesk.core.findings import Severity
from aedesk.core.rules.engine import check_image
from aedesk.core.rules.profiles import Catalogue


def rules_of(catalogue: Catalogue, profile: str, f) -> dict[str, Severity]:
    return {x.rule: x.severity for x in check_image(catalogue, catalogue.profile(profile), f)}


def test_good_photo_passes_huaxu(catalogue: Catalogue) -> None:
    assert rules_of(catalogue, "huaxu", facts()) == {}


@pytest.mark.parametrize(("w", "h", "fails"), [(1199, 1600, True), (1600, 1199, True), (1200, 1200, False)])
def test_min_resolution_boundary(catalogue: Catalogue, w: int, h: int, fails: bool) -> None:
    found = rules_of(catalogue, "huaxu", facts(width=w, height=h))
    assert ("min-resolution" in found) is fails
    if fails:
        assert found["min-resolution"] is Severity.ERROR


@pytest.mark.parametrize(
    ("size", "expected"),
    [(5_000_000, None), (5_000_001, Severity.WARNING), (5_242_880, Severity.WARNING), (5_242_881, Severity.ERROR)],
)
def test_max_file_size_boundaries(catalogue: Catalogue, size: int, expected: Severity | None) -> None:
    assert rules_of(catalogue, "huaxu", facts(bytes=size)).get("max-file-size") == expected


def test_file_size_message_names_the_bytes(catalogue: Catalogue) -> None:
    [f] = check_image(catalogue, catalogue.profile("huaxu"), facts(bytes=6_000_000))
    assert "6,000,000" in f.message and "6,000,000" in f.message_zh


@pytest.mark.parametrize(("fmt", "fails"), [("JPEG", False), ("PNG", False), ("MPO", False),
                                            ("WEBP", True), ("GIF", True), ("TIFF", True)])
def test_format_by_content(catalogue: Catalogue, fmt: str, fails: bool) -> None:
    ext = {"JPEG": "jpg", "MPO": "jpg"}.get(fmt, fmt.lower())
    assert ("format" in rules_of(catalogue, "huaxu", facts(format=fmt, extension=ext))) is fails


def test_animated_png_is_a_format_error(catalogue: Catalogue) -> None:
    f = check_image(catalogue, catalogue.profile("huaxu"), facts(format="PNG", extension="png", frames=12))
    assert [x.rule for x in f] == ["format"] and "12" in f[0].message


@pytest.mark.parametrize(("ext", "fmt", "warns"), [("jpg", "PNG", True), ("png", "JPEG", True),
                                                   ("jpeg", "JPEG", False), ("JPG".lower(), "JPEG", False)])
def test_extension_mismatch(catalogue: Catalogue, ext: str, fmt: str, warns: bool) -> None:
    found = rules_of(catalogue, "huaxu", facts(extension=ext, format=fmt))
    assert (found.get("extension-mismatch") is Severity.WARNING) is warns


def test_qr_code_is_an_error_naming_its_content(catalogue: Catalogue) -> None:
    code = Code("QRCode", "https://wa.me/123", (0.8, 0.8, 0.05, 0.05))
    [f] = check_image(catalogue, catalogue.profile("huaxu"), facts(codes=(code,)))
    assert f.rule == "qr-code" and f.severity is Severity.ERROR and "wa.me" in f.message
    assert f.detail["box"] == [0.8, 0.8, 0.05, 0.05]


@pytest.mark.parametrize(("profile", "severity"), [("huaxu", Severity.WARNING), ("new-arrival", Severity.ERROR)])
def test_collage_severity_per_profile(catalogue: Catalogue, profile: str, severity: Severity) -> None:
    assert rules_of(catalogue, profile, facts(collage=Collage(4)))["collage"] is severity
    assert "collage" not in rules_of(catalogue, profile, facts(collage=Collage(1)))


@pytest.mark.parametrize("changes", [{"mode": "CMYK"}, {"bit_depth": 16}, {"mode": "P"}, {"icc": "other"}])
def test_color_mode_warns(catalogue: Catalogue, changes: dict) -> None:
    assert rules_of(catalogue, "huaxu", facts(**changes)) == {"color-mode": Severity.WARNING}


def test_srgb_profile_is_fine(catalogue: Catalogue) -> None:
    assert rules_of(catalogue, "huaxu", facts(icc="srgb")) == {}


def test_blur_threshold(catalogue: Catalogue) -> None:
    limit = catalogue.profile("huaxu").rule("blur").params["min_sharpness"]
    assert "blur" in rules_of(catalogue, "huaxu", facts(sharpness=limit - 1))
    assert "blur" not in rules_of(catalogue, "huaxu", facts(sharpness=limit))


@pytest.mark.parametrize(("count", "warns"), [(5, False), (6, True)])
def test_too_many_items(catalogue: Catalogue, count: int, warns: bool) -> None:
    found = rules_of(catalogue, "new-arrival", facts(objects=Objects(count, 0.0, 0.5)))
    assert ("too-many-items" in found) is warns


def test_scene_background_is_info_in_posts(catalogue: Catalogue) -> None:
    found = rules_of(catalogue, "new-arrival", facts(background=Background("scene", None, 0.2)))
    assert found == {"background-kind": Severity.INFO}


@pytest.mark.parametrize(("w", "h", "warns"),
                         [(750, 750, False), (749, 749, True), (800, 750, True), (1200, 1200, False)])
def test_article_size(catalogue: Catalogue, w: int, h: int, warns: bool) -> None:
    assert ("article-size" in rules_of(catalogue, "article", facts(width=w, height=h))) is warns


@pytest.mark.parametrize(("w", "h", "fails"), [(750, 360, False), (751, 360, True), (1500, 720, True)])
def test_banner_size(catalogue: Catalogue, w: int, h: int, fails: bool) -> None:
    assert ("banner-size" in rules_of(catalogue, "banner", facts(width=w, height=h))) is fails


def test_text_rules_say_not_checked_before_ocr(catalogue: Catalogue) -> None:
    found = check_image(catalogue, catalogue.profile("huaxu"), facts(text=None))
    assert {f.rule for f in found} == {"not-checked"}
    assert {f.detail["checked_rule"] for f in found} == {"promo-text", "contact-info", "text-overlay"}
    assert all(f.severity is Severity.INFO for f in found)


def test_unreadable_file_has_one_specific_finding(catalogue: Catalogue) -> None:
    bad = facts(format=None, error="The file is empty (0 bytes).", error_zh="文件为空（0 字节）。")
    [f] = check_image(catalogue, catalogue.profile("huaxu"), bad)
    assert (f.rule, f.severity) == ("unreadable", Severity.ERROR)
    assert f.message == "The file is empty (0 bytes)." and f.message_zh == "文件为空（0 字节）。"


def test_undecodable_heic_is_a_format_error(catalogue: Catalogue) -> None:
    heic = facts(format="HEIC", extension="heic", error="HEIC image: …")
    [f] = check_image(catalogue, catalogue.profile("huaxu"), heic)
    assert f.rule == "format" and "HEIC" in f.message
