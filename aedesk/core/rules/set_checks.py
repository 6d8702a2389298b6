"""Set-level checks: each takes the set's images in slot order and the rule's parameters.

Slots are numbered from 1 in messages, as the user sees them. A slot whose file is missing
or unreadable counts towards the set's size but not towards comparisons between images.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

from aedesk.core.analysis.background import colours_differ
from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.analysis.hashes import colour_distance, hamming
from aedesk.core.rules.hits import Hit
from aedesk.core.rules.profiles import Profile

Slots = Sequence[ImageFacts | None]
SetCheck = Callable[[Slots, dict[str, Any], Profile], list[Hit]]


def _readable(slots: Slots) -> list[tuple[int, ImageFacts]]:
    return [(i + 1, f) for i, f in enumerate(slots) if f is not None and f.readable]


def _slot_list(numbers: Sequence[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def check_size(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    n = len(slots)
    if n < max(profile.min_items, 1) or n > profile.max_items:
        return [Hit({"count": n, "min_items": profile.min_items, "max_items": profile.max_items})]
    return []


def check_recommended_size(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    n = len(slots)
    return [Hit({"count": n})] if 0 < n < p["recommended"] else []


def check_exposure_count(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    n = len(slots)
    eligible = n in profile.exposure_counts or n >= profile.exposure_from
    in_range = profile.min_items <= n <= profile.max_items
    return [Hit({"count": n})] if in_range and not eligible else []


def check_duplicate(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    return [
        Hit({"a": a, "b": b}, detail={"slots": [a, b]})
        for (a, fa), (b, fb) in combinations(_readable(slots), 2)
        if fa.sha256 == fb.sha256 or fa.pixel_hash == fb.pixel_hash
    ]


def check_near_duplicate(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    hits = []
    for (a, fa), (b, fb) in combinations(_readable(slots), 2):
        if fa.sha256 == fb.sha256 or fa.pixel_hash == fb.pixel_hash:
            continue  # an exact duplicate is the `duplicate` rule's finding
        distance = hamming(fa.phash, fb.phash)
        # one shape in two colours is two products, not a near-duplicate
        if distance <= p["max_distance"] and colour_distance(fa.colours, fb.colours) <= p["max_colour_distance"]:
            hits.append(Hit({"a": a, "b": b, "distance": distance}, detail={"slots": [a, b]}))
    return hits


def check_mixed_background(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    kinds: dict[str, list[int]] = {"solid": [], "scene": []}
    for n, f in _readable(slots):
        if f.background:
            kinds[f.background.kind].append(n)
    if kinds["solid"] and kinds["scene"]:
        return [Hit({"solid": _slot_list(kinds["solid"]), "scene": _slot_list(kinds["scene"])},
                    detail={"slots": kinds["scene"]})]
    return []


def check_background_style(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    solids = [(n, f.background.color) for n, f in _readable(slots)
              if f.background and f.background.kind == "solid" and f.background.color]
    if len(solids) != len([1 for _, f in _readable(slots) if f.background]):
        return []  # a mix of solid and scene is `mixed-background`'s finding
    groups: list[tuple[tuple[int, int, int], list[int]]] = []
    for n, colour in solids:
        group = next((g for g in groups if not colours_differ(g[0], colour)), None)
        if group:
            group[1].append(n)
        else:
            groups.append((colour, [n]))
    if len(groups) < 2:
        return []
    text = "; ".join(f"#{c[0]:02x}{c[1]:02x}{c[2]:02x} (slots {_slot_list(ns)})" for c, ns in groups)
    return [Hit({"colours": text})]


def _distinct(slots: Slots, key: Callable[[ImageFacts], str]) -> list[Hit]:
    groups: dict[str, list[int]] = {}
    for n, f in _readable(slots):
        groups.setdefault(key(f), []).append(n)
    if len(groups) < 2:
        return []
    text = "; ".join(f"{k} (slots {_slot_list(ns)})" for k, ns in groups.items())
    return [Hit({"sizes": text, "orientations": text}, detail={"groups": groups})]


def check_canvas(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    return _distinct(slots, lambda f: f"{f.width}×{f.height}")


def check_orientation(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    return _distinct(slots, lambda f: f.orientation_kind)


def check_placement(slots: Slots, p: dict[str, Any], profile: Profile) -> list[Hit]:
    axes = [(n, f.objects.axis_deg) for n, f in _readable(slots)
            if f.objects and f.objects.axis_deg is not None]
    worst: tuple[float, int, int] | None = None
    for (a, x), (b, y) in combinations(axes, 2):
        angle = abs(x - y) % 180.0
        angle = min(angle, 180.0 - angle)  # axes are undirected
        if angle > p["max_angle"] and (worst is None or angle > worst[0]):
            worst = (angle, a, b)
    return [Hit({"angle": worst[0], "a": worst[1], "b": worst[2]})] if worst else []


SET_CHECKS: dict[str, SetCheck] = {
    "set-size": check_size,
    "post-size": check_size,
    "set-recommended-size": check_recommended_size,
    "exposure-count": check_exposure_count,
    "duplicate": check_duplicate,
    "near-duplicate": check_near_duplicate,
    "mixed-background": check_mixed_background,
    "background-style": check_background_style,
    "canvas-mismatch": check_canvas,
    "orientation-mismatch": check_orientation,
    "placement-mismatch": check_placement,
}
