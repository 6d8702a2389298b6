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


BLOCK = 512  # rows compared against the whole folder at once: ≤ 512 × n distances in memory
PAIRS = 65536  # candidate pairs colour-checked at once (~25 MB)


def _near(rows: list[Any], near: dict[str, Any]) -> set[int]:
    """Near twins in one folder. Images with the same pHash and colours are compared once
    (a folder of copies costs what its distinct pictures cost), in blocks of rows, with the
    colour check vectorised over the candidate pairs."""
    if len(rows) < 2:
        return set()
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in rows:
        groups[(r[4], r[5] or "")].append(r[0])
    keys = list(groups)
    hashes = np.array([int(h, 16) for h, _ in keys], dtype=np.uint64)
    colours, known = _colour_cells([c for _, c in keys])
    found: set[int] = {i for ids in groups.values() if len(ids) > 1 for i in ids}
    for start in range(0, len(keys), BLOCK):
        block = hashes[start:start + BLOCK]
        close = np.bitwise_count(block[:, None] ^ hashes[None, :]) <= near["max_distance"]
        a, b = np.nonzero(close)
        a += start
        pairs_a, pairs_b = a[a < b], b[a < b]  # each pair once
        for at in range(0, pairs_a.size, PAIRS):
            a, b = pairs_a[at:at + PAIRS], pairs_b[at:at + PAIRS]
            # colour: the 90th percentile of per-cell differences, as hashes.colour_distance;
            # a missing signature passes (judged by pHash alone)
            spread = np.percentile(np.abs(colours[a] - colours[b]).max(axis=2), 90, axis=1)
            keep = (spread <= near["max_colour_distance"]) | ~known[a] | ~known[b]
            for k in {int(x) for x in a[keep]} | {int(x) for x in b[keep]}:
                found.update(groups[keys[k]])
    return found


def _colour_cells(signatures: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(n, cells, 3) int16 colour cells, and which signatures were there at all."""
    size = max((len(c) for c in signatures), default=0)
    cells = np.zeros((len(signatures), max(size // 6, 1), 3), np.int16)
    known = np.zeros(len(signatures), bool)
    for n, c in enumerate(signatures):
        if c and len(c) == size:
            cells[n] = np.frombuffer(bytes.fromhex(c), np.uint8).reshape(-1, 3)
            known[n] = True
    return cells, known
