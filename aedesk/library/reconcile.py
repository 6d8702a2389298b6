"""Bringing the catalog in line with the disk: for a re-listed folder or a batch of events.

New files get rows (listed, to be analysed); changed ones go back to be analysed; files that
moved or were renamed keep their row, found by the move event or, failing that, by content
hash among the rows whose file is gone; files that are gone lose their row unless a set
holds it, in which case it stays as missing. Nothing is decoded here: that is the workers'
job, so a re-listing of unchanged files touches only directory entries.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from aedesk.library.catalog import ANALYSED, LISTED, Catalog, Row
from aedesk.library.listing import Lister, Stat, file_stat
from aedesk.library.notifier import Notifier
from aedesk.library.records import Progress


@dataclass
class Work:
    """What a reconciliation leaves for the workers."""

    analyse: list[int] = field(default_factory=list)
    ocr: list[int] = field(default_factory=list)


def content_hash(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


class Reconciler:
    def __init__(
        self,
        catalog: Catalog,
        notifier: Notifier,
        settle: Callable[[str], None],
        *,
        young_s: float,
        ocr: bool,
    ) -> None:
        self.catalog = catalog
        self.lister = Lister()
        self.skipped: dict[Path, int] = {}
        self.problems: dict[Path, str | None] = {}  # from listing: missing or unreadable folder
        self._notifier = notifier
        self._settle = settle
        self._young_ns = int(young_s * 1e9)
        self._ocr = ocr
        self._lock = threading.Lock()  # the watcher thread and catalogue_files may both come in

    def relist(self, folder: Path, requeue: bool, *, root: bool = True) -> Work:
        """Reconcile everything under `folder`. `requeue`: also queue rows left unfinished.
        `root`: a watched folder, whose problems and skipped files are kept for its summary."""
        self._notifier.progress(Progress("scan", 0, 0, str(folder)))
        with self._lock:
            rows = {r.path: r for r in self.catalog.rows(folder)}
            listing = self.lister.list(folder, rows)
            unreadable = tuple(d + os.sep for d in listing.unreadable)
            if listing.problem and folder.exists():
                unreadable = (str(folder),)  # cannot read it: not the same as gone
            work = self._reconcile(
                listing.files,
                rows,
                [],
                requeue,
                patient=True,
                keep=lambda p: p.startswith(unreadable),
            )
            if root:
                self.problems[folder] = listing.problem
                self.skipped[folder] = listing.skipped
        self._notifier.progress(Progress("scan", len(listing.files), len(listing.files), ""))
        self._notifier.folders()
        return work

    def files(self, paths: Iterable[str], moves: Iterable[tuple[str, str]] = ()) -> Work:
        """Reconcile these paths only: settled events, or files the user handed in; both are
        complete files, so none is put back to settle."""
        with self._lock:
            rows = {p: self.catalog.row_for_path(p) for p in dict.fromkeys(paths)}
            disk = {}
            for p, row in rows.items():
                st = file_stat(p)
                if st is not None and self.lister.is_image(p, st, known=row is not None):
                    disk[p] = st
            return self._reconcile(
                disk, rows, list(moves), True, patient=False, keep=lambda p: False
            )

    def move_folder(self, src: str, dest: str) -> None:
        """A folder was moved inside the watched tree: its rows follow where the files did."""
        with self._lock:
            moved = []
            for row in self.catalog.rows(Path(src)):
                new = dest + row.path[len(src) :]
                if (
                    file_stat(new) == (row.size, row.mtime_ns)
                    and self.catalog.row_for_path(new) is None
                ):
                    self.catalog.relocate(row, new, row.size, row.mtime_ns)
                    moved.append(row.id)
        self._notifier.changed(moved)

    def _reconcile(
        self,
        disk: dict[str, Stat],
        rows: Mapping[str, Row | None],
        moves: list[tuple[str, str]],
        requeue: bool,
        *,
        patient: bool,
        keep: Callable[[str], bool],
    ) -> Work:
        work, changed, insert = Work(), [], []
        gone = {
            p: r for p, r in rows.items() if r and not r.missing and p not in disk and not keep(p)
        }
        new = {p: st for p, st in disk.items() if rows.get(p) is None}
        for src, dest in moves:
            row = gone.get(src)
            if row and new.get(dest) == (row.size, row.mtime_ns):
                self.catalog.relocate(row, dest, row.size, row.mtime_ns)
                changed.append(row.id)
                del gone[src], new[dest]
        for p, st in disk.items():
            row = rows.get(p)
            if row is None:
                continue
            if row.missing or (row.size, row.mtime_ns) != st:
                if patient and self._young(st):
                    self._settle(p)
                    continue
                if row.missing and (row.size, row.mtime_ns) == st:
                    self.catalog.relocate(row, p, *st)  # came back as it was
                else:
                    self.catalog.mark_changed([(row.id, *st)])
                    work.analyse.append(row.id)
                changed.append(row.id)
            elif requeue and row.stage == LISTED:
                work.analyse.append(row.id)
            elif requeue and row.stage == ANALYSED and self._ocr:
                work.ocr.append(row.id)
        for p, st in new.items():
            if patient and self._young(st):
                self._settle(p)
            elif (row := self._adopt(p, st, gone)) is not None:
                self.catalog.relocate(row, p, *st)
                gone.pop(row.path, None)
                changed.append(row.id)
            else:
                insert.append((p, *st))
        ids = self.catalog.insert_listed(insert)
        work.analyse += ids
        removed, missing = self.catalog.drop(r.id for r in gone.values())
        self._notifier.removed(removed)
        self._notifier.missing(missing)
        self._notifier.changed(changed + ids)
        return work

    def _young(self, st: Stat) -> bool:
        """Written to so recently that it may still be arriving (future mtimes are not)."""
        return 0 <= time.time_ns() - st[1] < self._young_ns

    def _adopt(self, path: str, st: Stat, gone: dict[str, Row]) -> Row | None:
        """A row whose file is gone and whose content this new file has: it was moved."""
        candidates = [
            r
            for r in self.catalog.same_size(st[0])
            if r.path in gone or r.missing or (r.path not in gone and not os.path.exists(r.path))
        ]
        if not candidates:
            return None
        digest = content_hash(path)
        return next((r for r in candidates if r.sha256 == digest), None)
