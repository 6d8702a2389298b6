"""Which catalogued images have a twin: the grid's duplicate mark.

One query reads every analysed image's hashes (json_extract, no facts parsed); exact twins
share a sha256 or pixel hash anywhere in the catalog, near twins are pHashes within the
profile's `near-duplicate` distance in the same folder (and close in colour, as the set rule
judges them: one shape in two colours is two products).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath
from typing import Any

import numpy as np

from aedesk.core.analysis.hashes import colour_distance

QUERY = """
    SELECT id, path, sha256, json_extract(facts, '$.pixel_hash'), json_extract(facts, '$.phash'),
           json_extract(facts, '$.colours')
    FROM images WHERE stage > 0 AND missing = 0 AND json_extract(facts, '$.error') IS NULL
"""


def duplicate_ids(rows: list[Any], near: dict[str, Any] | None) -> set[int]:
    """Ids among `rows` (the result of `QUERY`) that have an exact or near twin; `near` is
    the near-duplicate rule's params (max_distance, max_colour_distance), None to skip."""
    twins: set[int] = set()
    for key in (2, 3):  # sha256, pixel hash
        groups: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            if row[key]:
                groups[row[key]].append(row[0])
        twins.update(i for ids in groups.values() if len(ids) > 1 for i in ids)
    if near is not None:
        folders: dict[PurePath, list[Any]] = defaultdict(list)
        for row in rows:
            if row[4]:
                folders[PurePath(row[1]).parent].append(row)
        for members in folders.values():
            twins.update(_near(members, near))
    return twins


def _near(rows: list[Any], near: dict[str, Any]) -> set[int]:
    """Near twins in one folder: pairwise Hamming distances of the pHashes with numpy."""
    if len(rows) < 2:
        return set()
    hashes = np.array([int(r[4], 16) for r in rows], dtype=np.uint64)
    distances = np.bitwise_count(hashes[:, None] ^ hashes[None, :])
    found: set[int] = set()
    for a, b in zip(*np.nonzero(np.triu(distances <= near["max_distance"], k=1)), strict=True):
        ra, rb = rows[a], rows[b]
        if colour_distance(ra[5] or "", rb[5] or "") <= near["max_colour_distance"]:
            found.update((ra[0], rb[0]))
    return found
