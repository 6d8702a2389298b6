"""Set rules at their boundaries: sizes, duplicates, backgrounds, canvases, placement."""

from __future__ import annotations

import pytest
from factsgen import facts

from aedesk.core.analysis.facts import Background, Objects
from aedesk.core.findings import Severity
from aedesk.core.rules.engine import check_set
from aedesk.core.rules.profiles import Catalogue


def set_rules(catalogue: Catalogue, profile: str, slots) -> dict[str, Severity]:
    found = check_set(catalogue, catalogue.profile(profile), slots)
    return {f.rule: f.severity for f in found}


@pytest.mark.parametrize(("n", "size_error", "recommend"), [
    (0, True, False), (1, False, True), (2, False, True), (3, False, False), (5, False, False), (6, True, False),
])
def test_huaxu_set_size(catalogue: Catalogue, n: int, size_error: bool, recommend: bool) -> None:
    found = set_rules(catalogue, "huaxu", [facts() for _ in range(n)])
    assert ("set-size" in found) is size_error
    assert ("set-recommended-size" in found) is recommend


@pytest.mark.parametrize(("n", "size_error", "exposure"), [
    (2, True, False), (3, False, False), (4, False, False), (5, False, True), (6, False, False),
    (7, False, True), (8, False, True), (9, False, False), (10, False, False), (50, False, False),
    (51, True, False),
])
def test_post_size_and_exposure(catalogue: Catalogue, n: int, size_error: bool, exposure: bool) -> None:
    found = set_rules(catalogue, "new-arrival", [facts() for _ in range(n)])
    assert ("post-size" in found) is size_error
    assert (found.get("exposure-count") is Severity.WARNING) is exposure


def test_cover_warns_when_slot_one_has_findings(catalogue: Catalogue) -> None:
    found = check_set(catalogue, catalogue.profile("huaxu"), [facts(width=1000), facts(), facts()])
    [cover] = [f for f in found if f.rule == "cover"]
    assert "min-resolution" in cover.message and cover.severity is Severity.WARNING
    assert "cover" not in set_rules(catalogue, "huaxu", [facts(), facts(width=1000), facts()])


def test_cover_ignores_info_findings(catalogue: Catalogue) -> None:
    assert "cover" not in set_rules(catalogue, "huaxu", [facts(text=None), facts(), facts()])


def test_byte_identical_and_pixel_identical_duplicates(catalogue: Catalogue) -> None:
    a = facts()
    same_bytes = facts(sha256=a.sha256, pixel_hash=a.pixel_hash)  # same bytes: same pixels too
    same_pixels = facts(pixel_hash=a.pixel_hash)
    found = check_set(catalogue, catalogue.profile("huaxu"), [a, facts(), same_bytes, same_pixels])
    dups = [f for f in found if f.rule == "duplicate"]
    assert sorted(tuple(f.detail["slots"]) for f in dups) == [(1, 3), (1, 4), (3, 4)]
    assert all(f.severity is Severity.ERROR for f in dups)
    assert "near-duplicate" not in {f.rule for f in found}


@pytest.mark.parametrize(("profile", "severity"), [("huaxu", Severity.WARNING), ("new-arrival", Severity.ERROR)])
def test_near_duplicate_threshold(catalogue: Catalogue, profile: str, severity: Severity) -> None:
    limit = catalogue.profile(profile).rule("near-duplicate").params["max_distance"]
    base = "0" * 16
    close = f"{(1 << limit) - 1:016x}"  # exactly `limit` bits set
    far = f"{(1 << (limit + 1)) - 1:016x}"
    others = [facts(), facts(), facts()]
    assert set_rules(catalogue, profile, [facts(phash=base), facts(phash=close), *others])["near-duplicate"] is severity
    assert "near-duplicate" not in set_rules(catalogue, profile, [facts(phash=base), facts(phash=far), *others])


def test_mixed_background_is_an_error_naming_slots(catalogue: Catalogue) -> None:
    scene = facts(background=Background("scene", None, 0.1))
    found = check_set(catalogue, catalogue.profile("new-arrival"), [facts(), scene, facts()])
    [mixed] = [f for f in found if f.rule == "mixed-background"]
    assert mixed.severity is Severity.ERROR and "2" in mixed.message
    assert "background-style" not in {f.rule for f in found}


def test_all_scene_posts_are_not_mixed(catalogue: Catalogue) -> None:
    scene = Background("scene", None, 0.1)
    assert "mixed-background" not in set_rules(catalogue, "new-arrival", [facts(background=scene)] * 3)


def test_background_style_different_solid_colours(catalogue: Catalogue) -> None:
    blue = facts(background=Background("solid", (150, 190, 240), 0.95))
    off_white = facts(background=Background("solid", (246, 246, 244), 0.95))
    assert set_rules(catalogue, "new-arrival", [facts(), blue, facts()]).get("background-style") is Severity.WARNING
    assert "background-style" not in set_rules(catalogue, "new-arrival", [facts(), off_white, facts()])


def test_canvas_and_orientation_mismatch(catalogue: Catalogue) -> None:
    found = set_rules(catalogue, "new-arrival", [facts(), facts(width=1500, height=1500), facts()])
    assert found.get("canvas-mismatch") is Severity.ERROR and "orientation-mismatch" not in found
    found = set_rules(catalogue, "new-arrival", [facts(), facts(width=1600, height=2000), facts()])
    assert found.get("canvas-mismatch") is Severity.ERROR and found.get("orientation-mismatch") is Severity.ERROR
    assert not {"canvas-mismatch", "orientation-mismatch"} & set(set_rules(catalogue, "new-arrival", [facts()] * 3))


@pytest.mark.parametrize(("a", "b", "warns"),
                         [(90, 90, False), (90, 65, False), (90, 0, True), (5, 175, False), (45, 135, True)])
def test_placement_mismatch_uses_undirected_axes(catalogue: Catalogue, a: float, b: float, warns: bool) -> None:
    slots = [facts(objects=Objects(1, a, 0.2)), facts(objects=Objects(1, b, 0.2)), facts(objects=Objects(1, None, 0.2))]
    assert ("placement-mismatch" in set_rules(catalogue, "new-arrival", slots)) is warns


def test_missing_slot_counts_for_size_but_not_comparisons(catalogue: Catalogue) -> None:
    found = set_rules(catalogue, "new-arrival", [facts(), None, facts()])
    assert "post-size" not in found and "canvas-mismatch" not in found


def test_same_shape_in_another_colour_is_not_a_near_duplicate(catalogue: Catalogue) -> None:
    grey = bytes([200] * 192).hex()
    blue_cells = bytes([200] * 150 + [40, 90, 170] * 14).hex()
    slightly_brighter = bytes([208] * 192).hex()
    base = facts(phash="0" * 16, colours=grey)
    found = set_rules(catalogue, "huaxu", [base, facts(phash="0" * 16, colours=blue_cells), facts()])
    assert "near-duplicate" not in found
    found = set_rules(catalogue, "huaxu", [base, facts(phash="0" * 16, colours=slightly_brighter), facts()])
    assert "near-duplicate" in found
