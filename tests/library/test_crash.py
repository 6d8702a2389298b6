"""A kill -9 in the middle of a scan: the catalog opens clean, sets intact, scan resumes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from library_support import photo, settled, wait_for

from aedesk.library import paths
from aedesk.library.catalog import Catalog
from aedesk.library.library import Library
from aedesk.library.set_store import SetStore

SCANNER = """
import sys, time
from pathlib import Path
from aedesk.library.library import Library

lib = Library.open_default(workers=1, debounce=0.1)
lib.add_folder(Path(sys.argv[1]))
kept = lib.create_set("huaxu", "Kept")
lib.start()
while len(done := [r.id for r in lib.records() if not r.pending]) < 3:
    time.sleep(0.01)
kept.append(done[:3])
print("ready", flush=True)
time.sleep(60)
"""


def test_a_killed_scan_leaves_a_clean_catalog_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "shoot"
    for n in range(40):
        photo(folder / f"{n:02}.jpg", n)
    proc = subprocess.Popen(
        [sys.executable, "-c", SCANNER, str(folder)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    finally:
        proc.kill()  # SIGKILL: no clean-up of any kind
        proc.wait()
        if proc.stdout:
            proc.stdout.close()

    catalog = Catalog.open(paths.data_dir() / "catalog.sqlite3")
    assert catalog.notices == []
    assert catalog.query("PRAGMA integrity_check")[0][0] == "ok"
    (kept,) = SetStore(catalog).sets()
    assert kept.name == "Kept" and len(kept) == 3
    assert any(r.stage == 0 for r in catalog.rows()), "the scan was not killed mid-way"
    catalog.close()

    lib = Library.open_default(debounce=0.15)
    try:
        lib.start()  # the unfinished rows are picked up again
        wait_for(settled(lib, 40), timeout=30, what="the scan to resume and finish")
        assert lib.sets()[0].items == kept.items
    finally:
        lib.close()
