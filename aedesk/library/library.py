"""The library: catalog, scanner, watcher and rules behind one object (see LIBRARY_API.md).

Threads: a pool of workers (analysis, OCR), one watcher thread (events, scans, re-listing),
one notifier thread (listeners). Nothing runs before `start()`; `close()` joins them all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.analysis.pipeline import TextRecogniser
from aedesk.core.export.fixable import remaining_errors
from aedesk.core.export.options import ExportOptions
from aedesk.core.export.plan import make_plan
from aedesk.core.findings import Finding, Severity
from aedesk.core.rules import engine
from aedesk.core.rules.profiles import Catalogue, Profile, load_catalogue
from aedesk.core.sets import ImageSet
from aedesk.library import paths
from aedesk.library.catalog import LISTED, Catalog, Row
from aedesk.library.debounce import Batch
from aedesk.library.duplicates import QUERY as DUPLICATES_QUERY
from aedesk.library.duplicates import duplicate_ids
from aedesk.library.findings_cache import FindingsCache
from aedesk.library.jobs import Jobs
from aedesk.library.memory import return_freed_buffers
from aedesk.library.notifier import Notifier
from aedesk.library.reconcile import Reconciler, Work
from aedesk.library.records import FolderSummary, ImageEntry, ImageRecord, LibraryListener
from aedesk.library.scanner import Scanner
from aedesk.library.set_store import SetStore
from aedesk.library.thumbs import ThumbnailCache
from aedesk.library.watcher import Watcher

DEBOUNCE_S = 0.4
RELIST_S = 60.0


class Library:
    """Catalog + scanner + watcher + rules. Listeners are called from the library's threads."""

    def __init__(
        self,
        catalog: Catalog,
        rules: Catalogue,
        *,
        ocr: TextRecogniser | None = None,
        thumbnails: ThumbnailCache | None = None,
        workers: int | None = None,
        debounce: float = DEBOUNCE_S,
        relist_interval: float = RELIST_S,
        polling: bool | None = None,
    ) -> None:
        self.notices: list[str] = [*catalog.notices, *rules.problems]
        self._catalog = catalog
        self._thumbs = thumbnails or ThumbnailCache(paths.cache_dir() / "thumbnails")
        self._notifier = Notifier()
        self._findings = FindingsCache(catalog, rules)
        self._sets = SetStore(catalog)
        self._problems: dict[tuple[Path, str], str | None] = {}
        self._watcher = Watcher(
            self._on_batch,
            self._on_relist,
            self._on_watch_problem,
            debounce=debounce,
            relist_interval=relist_interval,
            polling=polling,
        )
        settle = self._watcher.debouncer.touch
        self._reconciler = Reconciler(
            catalog, self._notifier, lambda p: settle(p), young_s=debounce, ocr=ocr is not None
        )
        self._jobs = Jobs(
            catalog,
            self._thumbs,
            self._notifier,
            settle=lambda p, delay: settle(p, delay=delay),
            submit_ocr=lambda ids: self._scanner.submit("ocr", ids),
            ocr=ocr,
            grace_s=max(2.0, 4 * debounce),
        )
        self._scanner = Scanner(self._jobs.run, self._notifier.progress, workers)
        self._state = "new"  # -> "started" -> "closed"
        self._lock = threading.Lock()

    @classmethod
    def open_default(cls, *, ocr: TextRecogniser | None = None, **options: object) -> Library:
        """The user's library: catalog in the data dir, thumbnails in the cache dir, the
        shipped rules with the user's overrides. `options`: debounce, polling…"""
        catalog = Catalog.open(paths.data_dir() / "catalog.sqlite3")
        rules = load_catalogue(paths.rules_override(), paths.text_lists_override())
        thumbs = ThumbnailCache(paths.cache_dir() / "thumbnails")
        return cls(catalog, rules, ocr=ocr, thumbnails=thumbs, **options)  # type: ignore[arg-type]

    # listeners
    def subscribe(self, listener: LibraryListener) -> None:
        self._notifier.subscribe(listener)

    def unsubscribe(self, listener: LibraryListener) -> None:
        self._notifier.unsubscribe(listener)

    # folders
    def add_folder(self, path: Path) -> None:
        folder = path.resolve()
        if self._catalog.add_folder(folder):
            self._notifier.folders()
        if self._state == "started":
            self._watcher.watch(folder)

    def remove_folder(self, path: Path) -> None:
        folder = path.resolve()
        self._catalog.remove_folder(folder)
        self._watcher.unwatch(folder)
        others = self._catalog.folders()
        ids = [r.id for r in self._catalog.rows(folder) if not _under_any(r.path, others)]
        self._notifier.removed(self._catalog.forget(ids))
        self._notifier.folders()

    def folders(self, profile_id: str) -> list[FolderSummary]:
        result = []
        for folder in self._catalog.folders():
            images, errors, warnings = self._findings.summary(folder, profile_id)
            problem = self._problems.get((folder, "watch")) or self._reconciler.problems.get(folder)
            skipped = self._reconciler.skipped.get(folder, 0)
            result.append(FolderSummary(folder, images, errors, warnings, problem, skipped))
        return result

    def rescan(self, path: Path | None = None) -> None:
        if self._state == "started":
            self._watcher.scan(path.resolve() if path else None)

    # images
    def record(self, image_id: int) -> ImageRecord | None:
        row, facts = self._catalog.row(image_id), self._catalog.facts(image_id)
        if row is None or facts is None:
            return None
        return _record(row, facts)

    def records(self, folder: Path | None = None) -> list[ImageRecord]:
        return [_record(r, f) for r, f in self._catalog.with_facts(folder and folder.resolve())]

    def entries(self, folder: Path | None = None) -> list[ImageEntry]:
        """Every catalogued image without its facts (cheap: for lists of thousands), by path."""
        return [_entry(r) for r in self._catalog.rows(folder and folder.resolve())]

    def entries_of(self, ids: Sequence[int]) -> list[ImageEntry]:
        """The entries of these ids that are still catalogued (for updating a list in place)."""
        return [_entry(r) for r in self._catalog.rows_by_id(ids)]

    def verdicts(self, profile_id: str) -> dict[int, int]:
        """Worst severity rank per analysed image for the profile: -1 none, 0 info, 1 warning,
        2 error (for filters; one query, not one per image)."""
        return self._findings.verdicts(profile_id)

    def ids(self, folder: Path | None = None) -> list[int]:
        return [r.id for r in self._catalog.rows(folder and folder.resolve())]

    def id_for_path(self, path: Path) -> int | None:
        row = self._catalog.row_for_path(str(path)) or self._catalog.row_for_path(
            str(path.resolve())
        )
        return row.id if row else None

    def catalogue_files(self, paths: list[Path]) -> list[int]:
        """Analyse these files (folders: the images in them) where they are, now; their ids,
        in order. Files that are not images are left out."""
        files: list[str] = []
        for p in (p.resolve() for p in paths):
            if p.is_dir():
                files += sorted(self._reconciler.lister.list(p, set()).files)
            else:
                files.append(str(p))
        work = self._reconciler.files(files)
        with ThreadPoolExecutor(self._scanner.workers) as pool:
            list(pool.map(lambda i: self._jobs.analyse(i, patient=False), work.analyse))
        self._scanner.submit("ocr", work.ocr)
        rows = (self._catalog.row_for_path(f) for f in files)
        return list(dict.fromkeys(r.id for r in rows if r is not None))

    def findings(self, image_id: int, profile_id: str) -> list[Finding]:
        return self._findings.findings(image_id, profile_id)

    def thumbnail(self, image_id: int) -> bytes | None:
        return self._cached(image_id, self._thumbs.thumbnail)

    def preview(self, image_id: int) -> bytes | None:
        return self._cached(image_id, self._thumbs.preview)

    def duplicate_ids(self, profile_id: str) -> set[int]:
        """Images with an exact twin in the catalog or a near twin in their folder (by the
        profile's near-duplicate thresholds): one query over the stored hashes."""
        rule = self.profile(profile_id).rule("near-duplicate")
        return duplicate_ids(self._catalog.query(DUPLICATES_QUERY), rule.params if rule else None)

    def profile(self, profile_id: str) -> Profile:
        """The rules in force for a profile (names, thresholds), user overrides applied."""
        return self._findings.rules.profile(profile_id)

    def prioritise(self, ids: list[int]) -> None:
        self._scanner.prioritise(ids)

    def _cached(self, image_id: int, get: Callable[[str], bytes | None]) -> bytes | None:
        row = self._catalog.row(image_id)
        if row is None or not row.sha256:
            return None
        data = get(row.sha256)
        if data is None and row.stage != LISTED and not row.missing:
            self._scanner.submit("analyse", [image_id])  # the cache was cleared: rebuild
            self._scanner.prioritise([image_id])
        return data

    # sets
    def sets(self) -> list[ImageSet[int]]:
        return self._sets.sets()

    def create_set(self, kind: str, name: str) -> ImageSet[int]:
        return self._sets.create(kind, name)

    def delete_set(self, set_id: str) -> None:
        self._sets.delete(set_id)

    def restore_set(self, s: ImageSet[int], position: int) -> None:
        self._sets.restore(s, position)

    def set_findings(self, s: ImageSet[int] | Sequence[int], profile_id: str | None = None) -> list[Finding]:
        """Set-level findings of a set, or of ids in slot order under `profile_id`; slots
        whose file is missing or not analysed yet count as missing (they fill a slot but are
        not compared)."""
        profile_id = profile_id or _kind(s)
        records = [self.record(i) for i in s]
        slots = [r.facts if r and not r.missing and not r.pending else None for r in records]
        image_findings = [
            self.findings(i, profile_id) if f else [] for i, f in zip(s, slots, strict=True)
        ]
        profile = self._findings.rules.profile(profile_id)
        return engine.check_set(self._findings.rules, profile, slots, image_findings)

    def export_blockers(
        self, s: ImageSet[int] | Sequence[int], profile_id: str | None = None, canvas: bool = False
    ) -> list[tuple[int | None, Finding]]:
        """The errors an export of `s` (a set, or ids under `profile_id`) would not fix
        (slot from 1, None for the set's): what keeps the Export button disabled. Missing or
        unanalysed images block it too."""
        profile_id = profile_id or _kind(s)
        profile = self._findings.rules.profile(profile_id)
        records = [self.record(i) for i in s]
        blockers: list[tuple[int | None, Finding]] = [
            (slot, _not_ready(r)) for slot, r in enumerate(records, 1) if r is None or r.missing or r.pending
        ]
        if blockers or not records:
            return blockers + [(None, f) for f in self.set_findings(s, profile_id) if f.severity is Severity.ERROR]
        facts = [r.facts for r in records if r is not None]
        plan = make_plan("", profile, facts, ExportOptions(canvas=canvas))
        findings = [self.findings(i, profile_id) for i in s]
        return remaining_errors(plan, findings, self.set_findings(s, profile_id))

    @property
    def rules(self) -> Catalogue:
        """The rules in force (shipped profiles with the user's overrides)."""
        return self._findings.rules

    def set_rules(self, rules: Catalogue) -> None:
        """New rules (the user edited rules.toml): findings are recomputed from stored facts."""
        self._findings.set_rules(rules)
        self._notifier.changed(self.ids())
        self._notifier.folders()

    # lifecycle
    def start(self) -> None:
        with self._lock:
            if self._state != "new":
                return
            self._state = "started"
        return_freed_buffers()
        self._notifier.removed(self._catalog.forget(self._catalog.orphans()))
        self._thumbs.prune({r.sha256 for r in self._catalog.rows() if r.sha256})
        self._notifier.start()
        self._scanner.start()
        self._watcher.start()
        folders = self._catalog.folders()
        for folder in folders:
            self._watcher.watch(folder)
        loose = [r.path for r in self._catalog.rows() if not _under_any(r.path, folders)]
        self._submit(self._reconciler.files(loose))

    def cancel(self) -> None:
        self._scanner.cancel()

    def close(self) -> None:
        with self._lock:
            if self._state == "closed":
                return
            self._state = "closed"
        self._watcher.stop()
        self._scanner.stop()
        self._notifier.stop()
        self._catalog.close()

    # the watcher's callbacks (its thread)
    def _on_relist(self, folder: Path, requeue: bool) -> None:
        if folder not in self._catalog.folders():
            return  # removed meanwhile
        self._submit(self._reconciler.relist(folder, requeue))
        self._set_problem(folder, "list", self._reconciler.problems.get(folder))

    def _on_batch(self, batch: Batch) -> None:
        dirs = set(batch.dirs)
        for src, dest in batch.moves:
            if dest in dirs:
                self._reconciler.move_folder(src, dest)
        roots = set(self._catalog.folders())
        for d in map(Path, batch.dirs):
            if d in roots:
                self._on_relist(d, True)
            else:
                self._submit(self._reconciler.relist(d, True, root=False))
        moves = [(s, d) for s, d in batch.moves if d not in dirs]
        self._submit(self._reconciler.files(batch.files, moves))

    def _on_watch_problem(self, folder: Path, problem: str | None) -> None:
        self._set_problem(folder, "watch", problem)

    def _set_problem(self, folder: Path, source: str, problem: str | None) -> None:
        if self._problems.get((folder, source)) != problem:
            self._problems[(folder, source)] = problem
            if problem:
                self._notifier.notice(f"{folder}: {problem}")
            self._notifier.folders()

    def _submit(self, work: Work) -> None:
        self._scanner.submit("analyse", work.analyse)
        self._scanner.submit("ocr", work.ocr)


def _record(row: Row, facts: ImageFacts) -> ImageRecord:
    return ImageRecord(
        row.id,
        Path(row.path),
        row.size,
        row.mtime_ns,
        facts,
        missing=row.missing,
        pending=row.stage == LISTED,
    )


def _entry(row: Row) -> ImageEntry:
    return ImageEntry(row.id, Path(row.path), row.missing, row.stage == LISTED)


def _kind(s: ImageSet[int] | Sequence[int]) -> str:
    if isinstance(s, ImageSet):
        return s.kind
    raise ValueError("ids without a set need a profile id")


def _not_ready(record: ImageRecord | None) -> Finding:
    if record is not None and record.pending:
        return Finding("not-checked", Severity.ERROR, "Not checked yet.", "尚未检查。")
    return Finding("unreadable", Severity.ERROR, "The file is missing.", "文件不见了。")


def _under_any(path: str, folders: list[Path]) -> bool:
    return any(Path(path).is_relative_to(f) for f in folders)
