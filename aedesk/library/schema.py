"""The catalog's schema, as the ordered list of steps that build it.

`PRAGMA user_version` holds how many steps a database has had. A new schema version is a new
step appended here, never an edit of an old one, so every older catalog migrates forward.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: folders, images (facts as JSON), sets and their ordered items.
    """
    CREATE TABLE folders (
        path TEXT PRIMARY KEY,
        added_ns INTEGER NOT NULL
    );
    CREATE TABLE images (
        id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: the GUI keys rows by id
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        sha256 TEXT NOT NULL DEFAULT '',
        stage INTEGER NOT NULL DEFAULT 0,       -- 0 listed, 1 analysed, 2 text read too
        missing INTEGER NOT NULL DEFAULT 0,
        facts TEXT NOT NULL                     -- ImageFacts.to_dict() as JSON
    );
    CREATE INDEX images_sha256 ON images(sha256);
    CREATE INDEX images_size ON images(size);
    CREATE TABLE sets (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        layout INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL
    );
    CREATE TABLE set_items (
        set_id TEXT NOT NULL REFERENCES sets(id) ON DELETE CASCADE,
        slot INTEGER NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images(id),
        PRIMARY KEY (set_id, slot)
    );
    CREATE INDEX set_items_image ON set_items(image_id);
    """,
    # 2: findings per image and profile, computed from the stored facts. `rules_key` names
    # the rules they were computed with: other thresholds or severities mean recompute.
    """
    CREATE TABLE findings (
        image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        profile TEXT NOT NULL,
        rules_key TEXT NOT NULL,
        worst INTEGER NOT NULL,                 -- highest severity rank, -1 when none
        findings TEXT NOT NULL,                 -- [Finding.to_dict()] as JSON
        PRIMARY KEY (image_id, profile)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
