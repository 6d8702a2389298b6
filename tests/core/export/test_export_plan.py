"""The pure export plan: canvas choice, banner geometry, option checks, the fingerprint."""

from __future__ import annotations

from datetime import datetime

import pytest
from factsgen import facts

from aedesk.core.analysis.facts import Background
from aedesk.core.export.fixable import remaining_errors
from aedesk.core.export.options import ExportOptions, PlanError
from aedesk.core.export.plan import canvas_size, fingerprint, make_plan
from aedesk.core.findings import Finding, Severity
from aedesk.core.rules.profiles import Catalogue


def test_canvas_is_the_largest_image_of_the_most_common_orientation() -> None:
    post = [facts(width=1200, height=1600), facts(width=1600, height=1200),
            facts(width=1500, height=2000), facts(width=1000, height=1300)]
    assert canvas_size(post) == (1500, 2000)


def test_canvas_orientation_tie_goes_to_the_earliest_slot() -> None:
    post = [facts(width=1600, height=1200), facts(width=1000, height=1000),
            facts(width=1200, height=1200), facts(width=2000, height=1500)]
    assert canvas_size(post) == (2000, 1500)


def test_canvas_ignores_unreadable_images() -> None:
    post = [facts(width=0, height=0, error="broken"), facts(width=800, height=800)]
    assert canvas_size(post) == (800, 800)


def test_canvas_plan_pads_every_image_on_its_background(catalogue: Catalogue) -> None:
    grey = Background("solid", (238, 238, 238), 0.97)
    post = [facts(background=grey), facts(width=1600, height=1200, background=grey),
            facts(background=Background("scene", None, 0.2))]
    plan = make_plan("p", catalogue.profile("new-arrival"), post, ExportOptions(canvas=True))
    assert {i.geometry.size for i in plan.images} == {(1600, 1600)}
    assert [i.geometry.kind for i in plan.images] == ["pad", "pad", "fill"]
    grey_rgb, white = (238, 238, 238), (255, 255, 255)
    assert [i.background for i in plan.images] == [grey_rgb, grey_rgb, white]
    assert "pad" in plan.images[1].expected and "pad" not in plan.images[0].expected


def test_chosen_background_overrides_the_detected_one(catalogue: Catalogue) -> None:
    black = ExportOptions(background=(0, 0, 0))
    plan = make_plan("p", catalogue.profile("huaxu"), [facts()], black)
    assert plan.images[0].background == (0, 0, 0)


def test_banner_plan_crops_every_image_with_its_window(catalogue: Catalogue) -> None:
    window = (0.1, 0.2, 0.5, 0.3)
    plan = make_plan("b", catalogue.profile("banner"), [facts(), facts()],
                     ExportOptions(crop_windows=(window,)))
    assert [(i.geometry.kind, i.geometry.size, i.geometry.window) for i in plan.images] == [
        ("banner", (750, 360), window), ("banner", (750, 360), None)]


def test_limits_come_from_the_profile(catalogue: Catalogue) -> None:
    def limits(profile: str):
        plan = make_plan("x", catalogue.profile(profile), [facts()], ExportOptions())
        return plan.images[0].limits

    huaxu, post = limits("huaxu"), limits("new-arrival")
    assert (huaxu.min_width, huaxu.min_height, huaxu.max_bytes) == (1200, 1200, 4_900_000)
    assert (post.min_width, post.min_height) == (1, 1)


def test_expected_operations_follow_the_facts(catalogue: Catalogue) -> None:
    huaxu = catalogue.profile("huaxu")
    cases = [facts(orientation=6), facts(mode="CMYK"), facts(bit_depth=16, mode="I;16"),
             facts(mode="RGBA", format="PNG"), facts()]
    plan = make_plan("h", huaxu, cases, ExportOptions())
    expected = [set(i.expected) - {"strip-metadata", "encode"} for i in plan.images]
    assert expected == [{"orient"}, {"colour"}, {"depth", "colour"}, {"flatten"}, set()]
    keep_format = ExportOptions(keep_format=True)
    keep = make_plan("h", huaxu, [facts(mode="RGBA", format="PNG")], keep_format)
    assert keep.images[0].prefer_png and "flatten" not in keep.images[0].expected
    big = make_plan("h", huaxu, [facts(format="PNG", bytes=9_000_000)], keep_format)
    assert not big.images[0].prefer_png


@pytest.mark.parametrize(("profile", "options", "words"), [
    ("huaxu", ExportOptions(canvas=True), "canvas"),
    ("huaxu", ExportOptions(crop_windows=((0, 0, 1, 1),)), "banners only"),
    ("banner", ExportOptions(crop_windows=((0.5, 0, 0.6, 1),)), "outside"),
    ("huaxu", ExportOptions(publish_at=datetime(2030, 1, 1)), "publish time"),
    ("huaxu", ExportOptions(ticks=(True,) * 4), "3 items"),
    ("huaxu", ExportOptions(floor_quality=96), "Quality"),
])
def test_options_that_do_not_fit_are_refused(catalogue: Catalogue, profile: str,
                                             options: ExportOptions, words: str) -> None:
    with pytest.raises(PlanError, match=words) as info:
        make_plan("x", catalogue.profile(profile), [facts()], options)
    assert info.value.message_zh


def test_an_empty_set_has_nothing_to_export(catalogue: Catalogue) -> None:
    with pytest.raises(PlanError, match="empty"):
        make_plan("x", catalogue.profile("huaxu"), [], ExportOptions())


def test_fingerprint_names_sources_in_order_options_and_rules(catalogue: Catalogue) -> None:
    huaxu = catalogue.profile("huaxu")
    a, b = facts(), facts()
    base = fingerprint(huaxu, [a, b], ExportOptions())
    assert base == fingerprint(huaxu, [a, b], ExportOptions())
    forced = ExportOptions(force=True, force_reason="client asked")
    assert base == fingerprint(huaxu, [a, b], forced)
    assert base != fingerprint(huaxu, [b, a], ExportOptions())
    assert base != fingerprint(huaxu, [a], ExportOptions())
    assert base != fingerprint(huaxu, [a, b], ExportOptions(zip=True))
    assert base != fingerprint(huaxu, [a, b], ExportOptions(ticks=(True,)))
    assert base != fingerprint(catalogue.profile("new-arrival"), [a, b], ExportOptions())


def test_remaining_errors_leave_out_what_the_export_fixes(catalogue: Catalogue) -> None:
    def error(rule: str) -> Finding:
        return Finding(rule, Severity.ERROR, rule)

    sources = [facts(), facts(format="HEIC", error="HEIC image", width=0, height=0)]
    image_findings = [[error("format"), error("max-file-size"), error("min-resolution"),
                       Finding("blur", Severity.WARNING, "blur")], [error("format")]]
    set_findings = [error("canvas-mismatch"), error("near-duplicate")]
    post = catalogue.profile("new-arrival")
    plain = make_plan("p", post, sources, ExportOptions())
    assert [(slot, f.rule) for slot, f in remaining_errors(plain, image_findings, set_findings)] == [
        (1, "min-resolution"), (2, "format"), (None, "canvas-mismatch"), (None, "near-duplicate")]
    canvas = make_plan("p", post, sources, ExportOptions(canvas=True))
    assert (None, "canvas-mismatch") not in [
        (slot, f.rule) for slot, f in remaining_errors(canvas, image_findings, set_findings)]
