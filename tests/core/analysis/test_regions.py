"""Mask tools: run-based labelling agrees with a plain flood fill; morphology and hole filling."""

from __future__ import annotations

from collections import deque

import numpy as np
import pytest

from aedesk.core.analysis.regions import dilate, erode, fill_holes, label


def flood_components(mask: np.ndarray) -> list[frozenset[tuple[int, int]]]:
    """Reference: 4-connected components by breadth-first flood fill."""
    seen = np.zeros_like(mask)
    found = []
    for start in zip(*np.nonzero(mask), strict=True):
        if seen[start]:
            continue
        part, todo = set(), deque([start])
        seen[start] = True
        while todo:
            y, x = todo.popleft()
            part.add((int(y), int(x)))
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if (
                    0 <= ny < mask.shape[0]
                    and 0 <= nx < mask.shape[1]
                    and mask[ny, nx]
                    and not seen[ny, nx]
                ):
                    seen[ny, nx] = True
                    todo.append((ny, nx))
        found.append(frozenset(part))
    return found


@pytest.mark.parametrize("density", [0.3, 0.5, 0.6])
def test_label_matches_flood_fill_on_random_masks(density: float) -> None:
    mask = np.random.default_rng(int(density * 10)).random((40, 57)) < density
    labels, n = label(mask)
    mine = [frozenset(zip(*np.nonzero(labels == i), strict=True)) for i in range(1, n + 1)]
    assert {frozenset((int(y), int(x)) for y, x in c) for c in mine} == set(flood_components(mask))
    assert (labels[~mask] == 0).all()


def test_label_joins_a_u_shape_and_a_spiral_arm() -> None:
    mask = np.zeros((9, 9), dtype=bool)
    mask[1:8, 1] = mask[1:8, 7] = mask[7, 1:8] = True  # a U: two arms met only at the bottom
    mask[1, 3:6] = True  # a separate bar
    labels, n = label(mask)
    assert n == 2
    assert labels[1, 1] == labels[1, 7] != labels[1, 4]


def test_empty_and_full_masks() -> None:
    assert label(np.zeros((5, 6), dtype=bool))[1] == 0
    labels, n = label(np.ones((5, 6), dtype=bool))
    assert n == 1 and (labels == 1).all()


def test_opening_removes_specks_and_keeps_blocks() -> None:
    mask = np.zeros((20, 20), dtype=bool)
    mask[3, 3] = True
    mask[8:15, 8:15] = True
    opened = dilate(erode(mask))
    assert not opened[3, 3]
    assert (
        opened
        == (np.arange(20)[:, None] >= 8)
        & (np.arange(20)[:, None] < 15)
        & (np.arange(20)[None, :] >= 8)
        & (np.arange(20)[None, :] < 15)
    ).all()


def test_fill_holes_fills_enclosed_background_only() -> None:
    mask = np.zeros((12, 12), dtype=bool)
    mask[2:9, 2:9] = True
    mask[4:7, 4:7] = False  # a hole
    mask[0:3, 10] = True  # touches the edge: nothing to fill
    filled = fill_holes(mask)
    assert filled[4:7, 4:7].all()
    assert not filled[10, 10] and not filled[0, 11]
