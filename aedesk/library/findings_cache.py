"""Findings per image and profile, computed from stored facts and kept in the catalog.

Findings never need a decode: they come from the facts. They are cached with a key naming
the profile's rules as they were (ids, severities, thresholds, messages), the text rules'
word lists and the aedesk version, so editing `rules.toml` or `text_lists.toml`, or
upgrading, recomputes them from the facts, and folder
summaries are one SQL query over the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from aedesk import __version__
from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.findings import Finding, worst
from aedesk.core.rules import engine
from aedesk.core.rules.profiles import Catalogue, Profile
from aedesk.core.rules.text_lists import TextLists
from aedesk.library.catalog import LISTED, Catalog, folder_range


def rules_key(profile: Profile, lists: TextLists) -> str:
    """Names the rules findings were computed with: the profile, the word lists, the version."""
    words = [(m.kind, m.source) for m in (*lists.contact, *lists.promo)]
    text = json.dumps([__version__, dataclasses.asdict(profile), words], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _rank(findings: list[Finding]) -> int:
    level = worst(findings)
    return -1 if level is None else level.rank


class FindingsCache:
    def __init__(self, catalog: Catalog, rules: Catalogue) -> None:
        self._catalog = catalog
        self.rules = rules
        self._keys: dict[str, str] = {}

    def set_rules(self, rules: Catalogue) -> None:
        self.rules = rules
        self._keys = {}

    def _key(self, profile_id: str) -> str:
        if profile_id not in self._keys:
            self._keys[profile_id] = rules_key(self.rules.profile(profile_id), self.rules.text_lists)
        return self._keys[profile_id]

    def findings(self, image_id: int, profile_id: str) -> list[Finding]:
        """The image's findings for the profile; none while it is listed but not analysed."""
        key = self._key(profile_id)
        cached = self._catalog.query(
            "SELECT f.findings FROM findings f WHERE f.image_id = ? AND f.profile = ? AND f.rules_key = ?",
            (image_id, profile_id, key),
        )
        if cached:
            return [Finding.from_dict(d) for d in json.loads(cached[0][0])]
        return self._compute([image_id], profile_id).get(image_id, [])

    def summary(self, folder: Path, profile_id: str) -> tuple[int, int, int]:
        """(images, with errors, with warnings at worst) under `folder`, missing ones aside."""
        key = self._key(profile_id)
        lo, hi = folder_range(folder)
        join = (
            "FROM images i LEFT JOIN findings f ON f.image_id = i.id AND f.profile = ? "
            "AND f.rules_key = ? WHERE i.path >= ? AND i.path < ? AND i.missing = 0"
        )
        args = (profile_id, key, lo, hi)
        stale = self._catalog.query(f"SELECT i.id {join} AND i.stage > 0 AND f.image_id IS NULL", args)
        self._compute([i for (i,) in stale], profile_id)
        images, errors, warnings = self._catalog.query(
            f"SELECT count(*), total(f.worst = 2), total(f.worst = 1) {join}", args
        )[0]
        return int(images), int(errors), int(warnings)

    def verdicts(self, profile_id: str) -> dict[int, int]:
        """Every analysed image's worst severity rank for the profile (-1: no finding)."""
        key = self._key(profile_id)
        join = (
            "FROM images i LEFT JOIN findings f ON f.image_id = i.id AND f.profile = ? AND f.rules_key = ?"
        )
        stale = self._catalog.query(f"SELECT i.id {join} WHERE i.stage > 0 AND f.image_id IS NULL", (profile_id, key))
        self._compute([i for (i,) in stale], profile_id)
        rows = self._catalog.query(f"SELECT i.id, f.worst {join} WHERE f.worst IS NOT NULL", (profile_id, key))
        return {int(i): int(w) for i, w in rows}

    def _compute(self, ids: list[int], profile_id: str) -> dict[int, list[Finding]]:
        profile, key = self.rules.profile(profile_id), self._key(profile_id)
        results: dict[int, tuple[list[Finding], str]] = {}
        for image_id in ids:
            rows = self._catalog.query("SELECT stage, facts FROM images WHERE id = ?", (image_id,))
            if rows and rows[0][0] != LISTED:
                facts = ImageFacts.from_dict(json.loads(rows[0][1]))
                results[image_id] = (engine.check_image(self.rules, profile, facts), rows[0][1])
        with self._catalog.transaction() as db:
            # stored only if the facts are still those the findings came from
            db.executemany(
                "INSERT OR REPLACE INTO findings SELECT id, ?, ?, ?, ? FROM images WHERE id = ? AND facts = ?",
                [
                    (profile_id, key, _rank(fs), json.dumps([f.to_dict() for f in fs]), i, text)
                    for i, (fs, text) in results.items()
                ],
            )
        return {i: fs for i, (fs, _) in results.items()}
