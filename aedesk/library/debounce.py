"""Waiting until files have settled before anyone reads them.

A camera or a copy writes a file in parts, and `created` fires at the start. A path is
handed on only once it has had no event for `interval` and its (size, mtime_ns) stayed the
same over a whole `interval`; while a writer is known to have it open (inotify's
close-write has not come yet) it is held up to `hold` longer. Everything that settles in
the same tick goes out as one batch: 500 files dropped at once are a few batches of work.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from aedesk.library.listing import Stat, file_stat

_UNSEEN: object = object()
_DIR: Stat = (-1, -1)  # the "stat" of an existing folder: its presence is what matters


@dataclass
class Batch:
    files: list[str] = field(default_factory=list)
    dirs: list[str] = field(default_factory=list)
    moves: list[tuple[str, str]] = field(default_factory=list)  # (src, dest), files or folders

    def __bool__(self) -> bool:
        return bool(self.files or self.dirs or self.moves)


@dataclass
class _Entry:
    last_event: float
    is_dir: bool
    stat: object = _UNSEEN
    stable_since: float = 0.0
    writing: bool = False
    not_before: float = 0.0


class Debouncer:
    def __init__(
        self, interval: float, hold: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.interval = interval
        self.hold = hold
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._moves: dict[str, str] = {}  # dest -> src
        self._lock = threading.Lock()

    def touch(
        self, path: str, *, is_dir: bool = False, writing: bool | None = None, delay: float = 0.0
    ) -> None:
        """Something happened to `path`. `writing`: True after a write with no close yet,
        False on close-write, None when the observer cannot tell. `delay`: not before then."""
        now = self._clock()
        with self._lock:
            entry = self._entries.setdefault(path, _Entry(now, is_dir))
            entry.last_event = now
            entry.is_dir = entry.is_dir or is_dir
            if writing is not None:
                entry.writing = writing
            entry.not_before = max(entry.not_before, now + delay)

    def moved(self, src: str, dest: str, *, is_dir: bool = False) -> None:
        self.touch(src, is_dir=is_dir)
        self.touch(dest, is_dir=is_dir)
        with self._lock:
            self._moves[dest] = src

    def pending(self) -> int:
        with self._lock:
            return len(self._entries)

    def ready(self) -> Batch:
        """Take the paths that have settled (stat outside the lock: it may be slow)."""
        with self._lock:
            entries = list(self._entries.items())
        now = self._clock()
        done = []
        for path, entry in entries:
            stat = (_DIR if os.path.isdir(path) else None) if entry.is_dir else file_stat(path)
            if stat != entry.stat:
                entry.stat, entry.stable_since = stat, now
                continue
            quiet = now - max(entry.last_event, entry.stable_since) >= self.interval
            held = entry.writing and now - entry.stable_since < self.hold
            if quiet and not held and now >= entry.not_before:
                done.append(path)
        batch = Batch()
        with self._lock:
            sources = {src: dest for dest, src in self._moves.items()}
            settled = set(done)
            for path in done:
                current = self._entries.get(path)
                if current is None or current.last_event > now:  # touched again meanwhile
                    continue
                if path in sources and sources[path] not in settled:
                    continue  # a move's source waits for its destination, so they go together
                self._take(path, batch)
                src = self._moves.pop(path, None)
                if src is not None:
                    batch.moves.append((src, path))
                    self._take(src, batch)
        return batch

    def _take(self, path: str, batch: Batch) -> None:
        entry = self._entries.pop(path, None)
        if entry is not None:
            (batch.dirs if entry.is_dir else batch.files).append(path)
