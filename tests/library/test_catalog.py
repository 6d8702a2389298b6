"""The catalog file: rows, validity, sets across reopen, damage, migrations."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from factsgen import facts

from aedesk.core.sets import ImageSet
from aedesk.library.catalog import ANALYSED, LISTED, Catalog
from aedesk.library.schema import MIGRATIONS, SCHEMA_VERSION
from aedesk.library.set_store import SetStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "catalog.sqlite3"


def _with_row(cat: Catalog, path: str = "/photos/a.jpg", size: int = 100, mtime: int = 5) -> int:
    return cat.insert_listed([(path, size, mtime)])[0]


def test_a_new_catalog_is_at_the_current_schema_in_wal_mode(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    assert cat.notices == []
    assert cat.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert cat.query("PRAGMA journal_mode")[0][0] == "wal"
    cat.close()


def test_stored_facts_need_the_row_unchanged_since_the_analysis_began(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    image_id = _with_row(cat)
    row = cat.row(image_id)
    assert row is not None and row.stage == LISTED
    cat.mark_changed([(image_id, 120, 6)])  # the file was written to meanwhile
    assert not cat.store_facts(row, facts(path=row.path), ANALYSED)
    fresh = cat.row(image_id)
    assert fresh is not None and cat.store_facts(fresh, facts(path=row.path, sha256="ab"), ANALYSED)
    stored = cat.row(image_id)
    assert stored is not None and (stored.stage, stored.sha256, stored.size) == (
        ANALYSED,
        "ab",
        120,
    )
    cat.close()


def test_relocating_keeps_the_id_and_rewrites_path_and_extension(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    image_id = _with_row(cat)
    row = cat.row(image_id)
    assert row is not None
    cat.store_facts(row, facts(path=row.path, sha256="ab"), ANALYSED)
    cat.relocate(row, "/photos/sub/b.jpeg", 100, 5)
    moved = cat.row(image_id)
    stored = cat.facts(image_id)
    assert moved is not None and moved.path == "/photos/sub/b.jpeg"
    assert stored is not None and (stored.path, stored.extension) == ("/photos/sub/b.jpeg", "jpeg")
    assert cat.row_for_path("/photos/a.jpg") is None
    cat.close()


def test_gone_files_are_deleted_unless_a_set_holds_them(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    held, loose = _with_row(cat, "/p/held.jpg"), _with_row(cat, "/p/loose.jpg")
    store = SetStore(cat)
    store.create("huaxu", "Bottle").append([held])
    removed, missing = cat.drop([held, loose])
    assert (removed, missing) == ([loose], [held])
    row = cat.row(held)
    assert row is not None and row.missing
    assert cat.orphans() == []
    store.sets()[0].remove(0)
    assert cat.orphans() == [held]
    cat.close()


def test_rows_under_a_folder_do_not_include_its_namesakes(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    for p in ("/p/shoot/a.jpg", "/p/shoot/sub/b.jpg", "/p/shoot2/c.jpg", "/p/shoot.jpg"):
        _with_row(cat, p)
    assert [r.path for r in cat.rows(Path("/p/shoot"))] == ["/p/shoot/a.jpg", "/p/shoot/sub/b.jpg"]
    assert len(cat.rows()) == 4
    cat.close()


def test_sets_and_their_order_survive_reopening(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    ids = [_with_row(cat, f"/p/{n}.jpg") for n in range(4)]
    store = SetStore(cat)
    first = store.create("huaxu", "Bottle")
    post = store.create("new-arrival", "Spring")
    first.append(ids[:3])
    first.move(0, 2)
    first.rename("Blue bottle")
    post.append([ids[3]])
    post.set_layout(4)
    deleted = store.delete(first.id)
    assert deleted is first
    store.restore(first, 1)
    cat.close()

    cat = Catalog.open(db_path)
    loaded = SetStore(cat).sets()
    assert [(s.id, s.kind, s.name) for s in loaded] == [
        (post.id, "new-arrival", "Spring"),
        (first.id, "huaxu", "Blue bottle"),
    ]
    assert loaded[1].items == (ids[1], ids[2], ids[0])
    assert loaded[0].layout == 4
    cat.close()


def test_a_file_that_is_not_a_database_is_set_aside_and_a_fresh_one_started(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite at all " * 200)
    cat = Catalog.open(db_path)
    assert len(cat.notices) == 1 and "kept as catalog.sqlite3.broken-" in cat.notices[0]
    aside = list(db_path.parent.glob("catalog.sqlite3.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not sqlite")
    assert cat.rows() == [] and SetStore(cat).sets() == []
    cat.close()


def _damage_table(path: Path, name: str) -> None:
    """Overwrite the root page of table or index `name` with garbage."""
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?", (name,)
        ).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xde\xad" * (page_size // 2))


def test_sets_are_salvaged_from_a_catalog_with_a_damaged_index(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    ids = [_with_row(cat, f"/p/{n}.jpg", size=n) for n in range(30)]
    store = SetStore(cat)
    kept = store.create("huaxu", "Kept")
    kept.append(ids[3:6])
    cat.close()
    _damage_table(db_path, "images_size")

    cat = Catalog.open(db_path)
    assert "1 set(s) were recovered" in cat.notices[0]
    (recovered,) = SetStore(cat).sets()
    assert (recovered.id, recovered.name, recovered.items) == (kept.id, "Kept", tuple(ids[3:6]))
    row = cat.row(ids[4])
    assert row is not None and row.path == "/p/4.jpg" and row.stage == LISTED
    assert cat.query("PRAGMA quick_check")[0][0] == "ok"
    cat.close()


def test_a_catalog_from_a_newer_aedesk_is_kept_aside_not_overwritten(db_path: Path) -> None:
    Catalog.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    cat = Catalog.open(db_path)
    assert "newer aedesk" in cat.notices[0]
    cat.close()


def test_migrating_from_the_previous_schema_keeps_data_and_a_backup(db_path: Path) -> None:
    if SCHEMA_VERSION < 2:
        pytest.skip("only one schema version so far")
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
        for step in range(SCHEMA_VERSION - 1):
            conn.executescript(MIGRATIONS[step])
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
        conn.execute(
            "INSERT INTO images (path, size, mtime_ns, facts) VALUES ('/p/a.jpg', 1, 2, '{}')"
        )
        conn.execute("INSERT INTO sets VALUES ('s1', 'huaxu', 'Old', 0, 0)")
        conn.execute("INSERT INTO set_items VALUES ('s1', 0, 1)")
    cat = Catalog.open(db_path)
    assert cat.notices == []
    assert cat.query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    (old,) = SetStore(cat).sets()
    assert (old.name, old.items) == ("Old", (1,))
    backups = list(db_path.parent.glob(f"catalog.sqlite3.v{SCHEMA_VERSION - 1}-*.bak"))
    assert len(backups) == 1
    with closing(sqlite3.connect(backups[0])) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    cat.close()


def test_image_sets_from_the_store_are_plain_image_sets(db_path: Path) -> None:
    cat = Catalog.open(db_path)
    s = SetStore(cat).create("huaxu", "x")
    assert isinstance(s, ImageSet) and s.capacity == 5
    cat.close()
