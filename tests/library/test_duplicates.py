"""The duplicate mark: exact twins anywhere in the catalog, near twins in the same folder."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import numpy as np
from library_support import LibraryFactory, photo, settled, wait_for
from PIL import Image

from aedesk.core.analysis.hashes import colour_distance, hamming
from aedesk.library.duplicates import duplicate_ids


def test_exact_twins_anywhere_and_near_twins_in_one_folder(make_library: LibraryFactory, tmp_path: Path) -> None:
    shots, other = tmp_path / "shots", tmp_path / "other"
    shots.mkdir()
    other.mkdir()
    photo(shots / "a.jpg", seed=1)
    shutil.copy(shots / "a.jpg", shots / "b.jpg")  # the same file twice
    Image.open(shots / "a.jpg").save(shots / "c.jpg", quality=70)  # re-encoded: a near twin
    Image.open(shots / "a.jpg").save(other / "e.jpg", quality=60)  # near, but in another folder
    photo(shots / "d.jpg", seed=3)
    shutil.copy(shots / "d.jpg", other / "f.jpg")  # exact, across folders
    photo(other / "g.jpg", seed=7)
    library = make_library()
    library.add_folder(shots)
    library.add_folder(other)
    library.start()
    wait_for(settled(library, 7), what="the photos to be analysed")
    by_name = {e.path.name: e.id for e in library.entries()}
    expected = {by_name[n] for n in ("a.jpg", "b.jpg", "c.jpg", "d.jpg", "f.jpg")}
    assert library.duplicate_ids("huaxu") == expected
    # a profile without the near-duplicate rule marks exact twins only
    assert library.duplicate_ids("banner") == expected - {by_name["c.jpg"]}


def test_near_twins_match_the_pairwise_rule_on_many_rows() -> None:
    """The blocked, vectorised search finds exactly what comparing every pair with
    hashes.hamming and hashes.colour_distance finds (copies, colour twins, no signature)."""
    rng = np.random.default_rng(5)
    bases = [int(x) for x in rng.integers(0, 2**63, 300, dtype=np.int64)]
    palette = [bytes(rng.integers(0, 256, 192, dtype=np.uint8)).hex() for _ in range(20)]
    rows = []
    for n in range(700):
        phash = bases[n % 300] ^ (1 << int(rng.integers(0, 64))) if n % 3 else bases[n % 300]
        colours = "" if n % 17 == 0 else palette[int(rng.integers(0, 20))]
        rows.append((n, f"/shots/{n}.jpg", f"s{n}", f"p{n}", f"{phash:016x}", colours))
    near = {"max_distance": 4, "max_colour_distance": 40}
    expected = {ra[0] for ra, rb in itertools.permutations(rows, 2)
                if hamming(ra[4], rb[4]) <= 4 and colour_distance(ra[5], rb[5]) <= 40}
    found = duplicate_ids(rows, near)
    assert found == expected
    assert 0 < len(found) < len(rows)  # colours keep some shape twins apart
