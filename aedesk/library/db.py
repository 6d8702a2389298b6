"""Opening the catalog database: integrity check, migrations with backups, corruption.

A catalog that fails `quick_check` (or is not a database at all) is renamed aside with its
WAL, a fresh one is started, the sets are salvaged from the old file where it still reads,
and a notice says what happened: the user's sets are never lost silently.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path

from aedesk.library.salvage import salvage
from aedesk.library.schema import MIGRATIONS, SCHEMA_VERSION

KEEP_BACKUPS = 3
_COMPANIONS = ("-wal", "-shm")  # SQLite's files next to the database, named after it
_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB; "locked" or "cannot open" are not damage


class CatalogDamaged(Exception):
    """The file is not a usable catalog of this aedesk."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL journal."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode survives a killed process; only power loss may drop the last commits.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def open_database(path: Path) -> tuple[sqlite3.Connection, list[str]]:
    """Open (creating, migrating or replacing) the catalog at `path`; returns notices."""
    path.parent.mkdir(parents=True, exist_ok=True)
    notices: list[str] = []
    conn = None
    try:
        conn = connect(path)
        _check(conn)
        _migrate(conn, path)
        return conn, notices
    except (sqlite3.DatabaseError, CatalogDamaged) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.DatabaseError) and not _is_damage(exc):
            raise
        broken = set_aside(path)
        conn = connect(path)
        _migrate(conn, path)
        sets = salvage(broken, conn)
        notices.append(
            f"The catalog could not be used ({exc}); it was kept as {broken.name} and a new one "
            f"was started. {sets} set(s) were recovered from it; images are being scanned again. / "
            f"图库数据库无法使用（{exc}），已另存为 {broken.name} 并新建数据库；"
            f"已从中恢复 {sets} 个图组，图片正在重新扫描。"
        )
        return conn, notices


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGE_CODES


def _check(conn: sqlite3.Connection) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        raise CatalogDamaged("; ".join(str(r[0]) for r in rows[:3]))
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise CatalogDamaged(f"written by a newer aedesk (schema {version} > {SCHEMA_VERSION})")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > 0:
        backup(conn, path, version)
    for step in range(version, SCHEMA_VERSION):
        # executescript commits first; the step and its version bump are one transaction
        conn.executescript(f"BEGIN;\n{MIGRATIONS[step]}\nPRAGMA user_version={step + 1};\nCOMMIT;")


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the live database to `<name>.v<version>-<time>.bak`; keep the newest few."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    with contextlib.closing(sqlite3.connect(dest)) as out:
        conn.backup(out)
    olds = sorted(path.parent.glob(f"{path.name}.v*.bak"), key=lambda p: p.stat().st_mtime_ns)
    for old in olds[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return dest


def set_aside(path: Path) -> Path:
    """Rename a damaged catalog (and its WAL, so it stays readable) out of the way."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    broken = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while broken.exists():
        n += 1
        broken = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    path.replace(broken)
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(broken.with_name(broken.name + suffix))
    return broken
