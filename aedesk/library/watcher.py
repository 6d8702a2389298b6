"""Watching folders: observers, the debounce tick, periodic re-listing, observer health.

One control thread does everything that touches the catalog on the watcher's behalf:
settled batches of events, scans asked for by the library, and a periodic re-listing that
reconciles whatever the events missed (network drives, a full inotify table, a dead
observer). Observers that die are restarted; a folder that disappears is reported and
picked up again when it comes back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.observers.api import BaseObserver

from aedesk.library.debounce import Batch, Debouncer
from aedesk.library.observers import Handler, make_observer, problem_for

HEALTH_SECONDS = 1.0
RETRY_SECONDS = 30.0
log = logging.getLogger(__name__)


class Watcher:
    """Calls `on_batch(batch)` for settled events and `on_relist(folder, requeue)` for scans,
    always from its own thread; `on_problem(folder, message | None)` when watching fails or
    recovers."""

    def __init__(
        self,
        on_batch: Callable[[Batch], None],
        on_relist: Callable[[Path, bool], None],
        on_problem: Callable[[Path, str | None], None],
        *,
        debounce: float,
        relist_interval: float,
        polling: bool | None = None,
    ) -> None:
        self.debouncer = Debouncer(debounce, hold=max(10.0, 20 * debounce))
        self._on_batch, self._on_relist, self._on_problem = on_batch, on_relist, on_problem
        self._relist_interval = relist_interval
        self._polling = polling
        self._tick = min(0.25, max(0.02, debounce / 4))
        self._observers: dict[Path, BaseObserver | None] = {}
        self._scans: list[tuple[Path, bool]] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._health_due = True
        self._retry_at: dict[Path, float] = {}  # folders whose observer failed: next attempt

    def watch(self, folder: Path) -> None:
        """Watch `folder` (and list it) from the next tick on."""
        with self._cond:
            self._observers.setdefault(folder, None)
            self._health_due = True
            self._cond.notify()

    def unwatch(self, folder: Path) -> None:
        with self._cond:
            observer = self._observers.pop(folder, None)
            self._retry_at.pop(folder, None)
        _stop(observer)

    def scan(self, folder: Path | None = None) -> None:
        """Re-list `folder` (all folders when None) and queue its unfinished images."""
        with self._cond:
            folders = [folder] if folder else list(self._observers)
            self._scans += [(f, True) for f in folders]
            self._cond.notify()

    def start(self) -> None:
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="aedesk-watcher")
            self._thread.start()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._cond:
            observers, self._observers = (
                list(self._observers.values()),
                dict.fromkeys(self._observers),
            )
        for observer in observers:
            _stop(observer)

    def _run(self) -> None:
        next_relist = time.monotonic() + self._relist_interval
        next_health = 0.0
        while True:
            with self._cond:
                if not (self._stopping or self._scans or self._health_due):
                    self._cond.wait(self._tick)
                if self._stopping:
                    return
                scans, self._scans = self._scans, []
                health, self._health_due = self._health_due, False
            now = time.monotonic()
            try:
                if health or now >= next_health:
                    self._check_observers()
                    next_health = now + HEALTH_SECONDS
                for folder, requeue in dict.fromkeys(scans):
                    self._on_relist(folder, requeue)
                batch = self.debouncer.ready()
                if batch:
                    self._on_batch(batch)
                if now >= next_relist:
                    for folder in list(self._observers):
                        self._on_relist(folder, False)
                    next_relist = time.monotonic() + self._relist_interval
            except Exception:  # keep watching whatever one batch did
                log.exception("watcher tick failed")

    def _check_observers(self) -> None:
        """Start observers that are missing or dead, then re-list their folders to pick up
        what happened meanwhile; report folders that cannot be watched."""
        with self._cond:
            current = dict(self._observers)
        now = time.monotonic()
        for folder, observer in current.items():
            if observer is not None and _alive(observer) and folder.is_dir():
                continue
            if now < self._retry_at.get(folder, 0.0):
                continue
            _stop(observer)
            new = self._start_observer(folder)
            with self._cond:
                watched = folder in self._observers
                if watched:
                    self._observers[folder] = new
            if not watched:
                _stop(new)
                continue
            failed_before = folder in self._retry_at
            if new is None:
                # a missing folder is looked for every second; other failures (watch limit)
                # are costly to retry, and the periodic re-listing covers them meanwhile
                self._retry_at[folder] = now + (
                    HEALTH_SECONDS if not folder.exists() else RETRY_SECONDS
                )
            else:
                self._retry_at.pop(folder, None)
            if new is not None or not failed_before:
                self._on_relist(folder, True)

    def _start_observer(self, folder: Path) -> BaseObserver | None:
        if not folder.is_dir():
            self._on_problem(folder, problem_for(FileNotFoundError()))
            return None
        observer, close_events = make_observer(folder, self._polling)
        try:
            observer.schedule(
                Handler(folder, self.debouncer, close_events), str(folder), recursive=True
            )
            observer.start()
        except OSError as exc:
            _stop(observer)
            self._on_problem(folder, problem_for(exc))
            return None
        self._on_problem(folder, None)
        return observer


def _alive(observer: BaseObserver) -> bool:
    return observer.is_alive() and all(e.is_alive() for e in observer.emitters)


def _stop(observer: BaseObserver | None) -> None:
    if observer is not None:
        observer.stop()
        if observer.is_alive():
            observer.join()
