"""Recovering what matters from a damaged catalog: folders, sets, and the images they hold.

Everything else (facts, thumbnails) is rebuilt by scanning. Each table is read on its own, so
damage in one does not stop the others from being recovered. Recovered images are marked
"listed" (stage 0) so the scanner checks them against the disk before trusting them.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    # mode=ro reads the WAL too when it is there; immutable=1 is the fallback when even the
    # WAL index cannot be opened.
    for query in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?{query}", uri=True)
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            return conn
        except sqlite3.DatabaseError:
            continue
    return None


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.DatabaseError:
        return []


def salvage(broken: Path, fresh: sqlite3.Connection) -> int:
    """Copy folders, sets and their images from `broken` into `fresh`; returns sets recovered."""
    old = _open_read_only(broken)
    if old is None:
        return 0
    with contextlib.closing(old):
        folders = _rows(old, "SELECT path, added_ns FROM folders")
        sets = _rows(old, "SELECT id, kind, name, layout, position FROM sets")
        # items joined to their image by rowid: no index of the damaged file is needed
        items = _rows(
            old,
            "SELECT s.set_id, s.slot, i.id, i.path, i.size, i.mtime_ns, "
            "i.sha256, i.missing, i.facts FROM set_items s JOIN images i "
            "ON i.id = s.image_id",
        )
    set_ids = {s[0] for s in sets}
    fresh.execute("BEGIN IMMEDIATE")
    try:
        fresh.executemany("INSERT OR IGNORE INTO folders VALUES (?, ?)", folders)
        fresh.executemany("INSERT INTO sets VALUES (?, ?, ?, ?, ?)", sets)
        for set_id, slot, image_id, path, size, mtime_ns, sha, missing, facts in items:
            fresh.execute(
                "INSERT OR IGNORE INTO images (id, path, size, mtime_ns, sha256, stage, missing, "
                "facts) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
                (image_id, path, size, mtime_ns, sha, missing, facts),
            )
            if set_id in set_ids:
                fresh.execute(
                    "INSERT OR IGNORE INTO set_items VALUES (?, ?, ?)", (set_id, slot, image_id)
                )
        fresh.execute("COMMIT")
    except sqlite3.DatabaseError:
        fresh.execute("ROLLBACK")
        return 0
    return len(sets)
