"""The duplicate mark: exact twins anywhere in the catalog, near twins in the same folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from library_support import LibraryFactory, photo, settled, wait_for
from PIL import Image


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
