"""The catalog: one SQLite file holding watched folders, one row per image, and the sets.

A row is valid while the file's (size, mtime_ns) match it; stage 0 rows are listed but not
analysed yet. One connection, shared by the library's threads behind a lock: the work per
call is small, and one writer is what SQLite wants anyway.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aedesk.core.analysis.facts import ImageFacts
from aedesk.library.db import open_database

LISTED, ANALYSED, COMPLETE = 0, 1, 2  # stages of a row


@dataclass(frozen=True)
class Row:
    """An image row without its facts parsed (listings need only these)."""

    id: int
    path: str
    size: int
    mtime_ns: int
    sha256: str
    stage: int
    missing: bool


def placeholder_facts(path: str, size: int) -> ImageFacts:
    """Facts of a listed, not yet analysed file: only what the file system says."""
    return ImageFacts(path, size, Path(path).suffix.lower().lstrip("."), None)


def folder_range(folder: Path) -> tuple[str, str]:
    # Rows under `folder` form one range of the path index: "folder/" <= path < "folder0".
    base = str(folder).rstrip("/\\")
    sep = "\\" if "\\" in base and "/" not in base else "/"
    return base + sep, base + chr(ord(sep) + 1)


class _Reader:
    """A thread's read-only connection; its lock lets `Catalog.close` wait for a running read."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        self._conn.execute("PRAGMA query_only=ON")
        self._lock = threading.Lock()
        self._open = True

    def query(self, sql: str, args: Sequence[Any]) -> list[Any]:
        with self._lock:
            if not self._open:
                raise sqlite3.ProgrammingError("Cannot operate on a closed catalog.")
            return self._conn.execute(sql, args).fetchall()

    def close(self) -> None:
        with self._lock:
            self._open = False
            self._conn.close()

    def __del__(self) -> None:  # the thread ended: its connection goes with it
        self._conn.close()


class Catalog:
    """The catalog file. Open with `Catalog.open(path)`; `notices` says what start-up found."""

    def __init__(self, conn: sqlite3.Connection, path: Path, notices: list[str]) -> None:
        self._conn = conn
        self.path = path
        self.notices = notices
        self._lock = threading.RLock()  # the writing connection's
        # one read connection per thread (queries never wait on writes); a thread's goes
        # with the thread, the catalog closes those still open
        self._local = threading.local()
        self._readers: weakref.WeakSet[_Reader] = weakref.WeakSet()
        self._readers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: Path) -> Catalog:
        conn, notices = open_database(path)
        return cls(conn, path, notices)

    def close(self) -> None:
        with self._lock, self._readers_lock:
            self._closed = True
            for reader in list(self._readers):
                reader.close()
            self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """A read, on this thread's own connection: in WAL mode it sees the last commit and
        neither waits for a writer nor holds one up (the GUI thread must never stall on a
        worker's transaction)."""
        return self._reader().query(sql, args)

    def _reader(self) -> _Reader:
        reader: _Reader | None = getattr(self._local, "reader", None)
        if reader is None:
            with self._readers_lock:
                if self._closed:
                    raise sqlite3.ProgrammingError("Cannot operate on a closed catalog.")
                reader = self._local.reader = _Reader(self.path)
                self._readers.add(reader)
        return reader

    # folders
    def add_folder(self, folder: Path) -> bool:
        with self.transaction() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO folders VALUES (?, ?)", (str(folder), time.time_ns())
            )
            return cur.rowcount == 1

    def remove_folder(self, folder: Path) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM folders WHERE path = ?", (str(folder),))

    def folders(self) -> list[Path]:
        return [Path(p) for (p,) in self.query("SELECT path FROM folders ORDER BY path")]

    # images
    _ROW = "SELECT id, path, size, mtime_ns, sha256, stage, missing FROM images"

    def row(self, image_id: int) -> Row | None:
        rows = self.query(f"{self._ROW} WHERE id = ?", (image_id,))
        return Row(*rows[0]) if rows else None

    def row_for_path(self, path: str) -> Row | None:
        rows = self.query(f"{self._ROW} WHERE path = ?", (path,))
        return Row(*rows[0]) if rows else None

    def rows(self, folder: Path | None = None) -> list[Row]:
        """Rows under `folder` (all rows when None), sorted by path."""
        if folder is None:
            return [Row(*r) for r in self.query(f"{self._ROW} ORDER BY path")]
        lo, hi = folder_range(folder)
        return [
            Row(*r)
            for r in self.query(f"{self._ROW} WHERE path >= ? AND path < ? ORDER BY path", (lo, hi))
        ]

    def rows_by_id(self, ids: Sequence[int]) -> list[Row]:
        """The rows of these ids that exist (any order)."""
        found: list[Row] = []
        for at in range(0, len(ids), 500):  # SQLite's limit on bound parameters
            chunk = list(ids[at:at + 500])
            marks = ", ".join("?" * len(chunk))
            found += [Row(*r) for r in self.query(f"{self._ROW} WHERE id IN ({marks})", chunk)]
        return found

    def with_facts(self, folder: Path | None = None) -> list[tuple[Row, ImageFacts]]:
        """Rows and their facts under `folder` (all when None), sorted by path."""
        sql = "SELECT id, path, size, mtime_ns, sha256, stage, missing, facts FROM images"
        args: tuple[str, ...] = ()
        if folder is not None:
            sql, args = sql + " WHERE path >= ? AND path < ?", folder_range(folder)
        rows = self.query(sql + " ORDER BY path", args)
        return [(Row(*r[:7]), ImageFacts.from_dict(json.loads(r[7]))) for r in rows]

    def facts(self, image_id: int) -> ImageFacts | None:
        rows = self.query("SELECT facts FROM images WHERE id = ?", (image_id,))
        return ImageFacts.from_dict(json.loads(rows[0][0])) if rows else None

    def same_size(self, size: int) -> list[Row]:
        """Rows of files of this size: the candidates a moved or restored file may be."""
        return [
            Row(*r) for r in self.query(f"{self._ROW} WHERE size = ? AND sha256 != ''", (size,))
        ]

    def insert_listed(self, files: Iterable[tuple[str, int, int]]) -> list[int]:
        """New rows (stage 0) for (path, size, mtime_ns); returns their ids in order."""
        ids = []
        with self.transaction() as db:
            for path, size, mtime_ns in files:
                facts = json.dumps(placeholder_facts(path, size).to_dict())
                cur = db.execute(
                    "INSERT INTO images (path, size, mtime_ns, facts) VALUES (?, ?, ?, ?)",
                    (path, size, mtime_ns, facts),
                )
                ids.append(int(cur.lastrowid or 0))
        return ids

    def mark_changed(self, changes: Iterable[tuple[int, int, int]]) -> None:
        """(id, size, mtime_ns) of files that changed: back to stage 0, old facts kept till then."""
        changes = list(changes)
        with self.transaction() as db:
            db.executemany(
                "UPDATE images SET size = ?, mtime_ns = ?, stage = 0, missing = 0 WHERE id = ?",
                [(size, mtime, i) for i, size, mtime in changes],
            )
            db.executemany("DELETE FROM findings WHERE image_id = ?", [(i,) for i, _, _ in changes])

    def store_facts(self, row: Row, facts: ImageFacts, stage: int) -> bool:
        """Store analysis results for `row` as it was when the analysis began.

        Refused (False) when the row moved or changed meanwhile: the result is stale.
        """
        with self.transaction() as db:
            cur = db.execute(
                "UPDATE images SET sha256 = ?, stage = ?, facts = ? "
                "WHERE id = ? AND path = ? AND mtime_ns = ? AND size = ? AND missing = 0",
                (
                    facts.sha256,
                    stage,
                    json.dumps(facts.to_dict()),
                    row.id,
                    row.path,
                    row.mtime_ns,
                    row.size,
                ),
            )
            db.execute("DELETE FROM findings WHERE image_id = ?", (row.id,))
            return cur.rowcount == 1

    def relocate(self, row: Row, path: str, size: int, mtime_ns: int) -> None:
        """The file of `row` now lives at `path` (renamed, moved, or come back); no row may
        be at `path` already."""
        facts = self.facts(row.id) or placeholder_facts(path, size)
        facts = dataclasses.replace(
            facts, path=path, extension=Path(path).suffix.lower().lstrip(".")
        )
        with self.transaction() as db:
            db.execute(
                "UPDATE images SET path = ?, size = ?, mtime_ns = ?, missing = 0, facts = ? "
                "WHERE id = ?",
                (path, size, mtime_ns, json.dumps(facts.to_dict()), row.id),
            )
            db.execute("DELETE FROM findings WHERE image_id = ?", (row.id,))

    def drop(self, ids: Iterable[int]) -> tuple[list[int], list[int]]:
        """Files gone: delete their rows, except those a set holds, which become missing.

        Returns (removed ids, missing ids).
        """
        removed, missing = [], []
        with self.transaction() as db:
            held = {i for (i,) in db.execute("SELECT DISTINCT image_id FROM set_items")}
            for image_id in ids:
                if image_id in held:
                    db.execute("UPDATE images SET missing = 1 WHERE id = ?", (image_id,))
                    missing.append(image_id)
                else:
                    db.execute("DELETE FROM images WHERE id = ?", (image_id,))
                    removed.append(image_id)
        return removed, missing

    def forget(self, ids: Iterable[int]) -> list[int]:
        """Delete the rows no set holds (their folder is no longer watched); returns those."""
        removed = []
        with self.transaction() as db:
            for image_id in ids:
                cur = db.execute(
                    "DELETE FROM images WHERE id = ? AND id NOT IN "
                    "(SELECT image_id FROM set_items)",
                    (image_id,),
                )
                removed += [image_id] * cur.rowcount
        return removed

    def orphans(self) -> list[int]:
        """Missing rows no set holds any more (the user removed them from their sets)."""
        held = "SELECT image_id FROM set_items"
        sql = f"SELECT id FROM images WHERE missing = 1 AND id NOT IN ({held})"
        return [i for (i,) in self.query(sql)]
