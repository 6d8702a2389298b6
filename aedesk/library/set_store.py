"""The user's sets in the catalog: loaded as evented ImageSets, saved on every edit.

Each edit rewrites the set's row and items in one transaction, so a crash leaves either the
old or the new set, never half of one. Positions are the order of the sets in the GUI.
"""

from __future__ import annotations

import sqlite3

from aedesk.core.sets import ImageSet, Listener, SetEvent
from aedesk.library.catalog import Catalog

# Events after which the set is as the user left it (the "-ing" ones come before a change).
_SAVE_ON = {"inserted", "removed", "moved", "replaced", "renamed", "layout"}


class SetStore:
    """Keeps the catalog in step with the live ImageSet objects it hands out."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._sets: list[ImageSet[int]] = []
        self._savers: dict[str, Listener] = {}
        for sid, kind, name, layout in catalog.query(
            "SELECT id, kind, name, layout FROM sets ORDER BY position"
        ):
            items = [
                i
                for (i,) in catalog.query(
                    "SELECT image_id FROM set_items WHERE set_id = ? ORDER BY slot", (sid,)
                )
            ]
            s: ImageSet[int] = ImageSet(kind, name, items, id=sid, layout=layout)
            self._watch(s)
            self._sets.append(s)

    def sets(self) -> list[ImageSet[int]]:
        return list(self._sets)

    def create(self, kind: str, name: str) -> ImageSet[int]:
        s: ImageSet[int] = ImageSet(kind, name)
        self.restore(s, len(self._sets))
        return s

    def restore(self, s: ImageSet[int], position: int) -> None:
        """Put `s` (new, or deleted earlier) at `position` in the order of sets."""
        position = max(0, min(position, len(self._sets)))
        self._sets.insert(position, s)
        self._watch(s)
        with self._catalog.transaction() as db:
            self._write(db, s)
            self._write_positions(db)

    def delete(self, set_id: str) -> ImageSet[int] | None:
        s = next((s for s in self._sets if s.id == set_id), None)
        if s is None:
            return None
        self._sets.remove(s)
        s.disconnect(self._savers.pop(s.id))
        with self._catalog.transaction() as db:
            db.execute("DELETE FROM sets WHERE id = ?", (set_id,))
            self._write_positions(db)
        return s

    def _watch(self, s: ImageSet[int]) -> None:
        def save(event: SetEvent) -> None:
            if event.type in _SAVE_ON:
                with self._catalog.transaction() as db:
                    self._write(db, s)

        self._savers[s.id] = save
        s.connect(save)

    def _write(self, db: sqlite3.Connection, s: ImageSet[int]) -> None:
        position = self._sets.index(s)
        db.execute(
            "INSERT INTO sets VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "name = excluded.name, layout = excluded.layout",
            (s.id, s.kind, s.name, s.layout, position),
        )
        db.execute("DELETE FROM set_items WHERE set_id = ?", (s.id,))
        db.executemany(
            "INSERT INTO set_items VALUES (?, ?, ?)",
            [(s.id, slot, image_id) for slot, image_id in enumerate(s)],
        )

    def _write_positions(self, db: sqlite3.Connection) -> None:
        db.executemany(
            "UPDATE sets SET position = ? WHERE id = ?",
            [(n, s.id) for n, s in enumerate(self._sets)],
        )
