"""Batched delivery of library events to listeners, from one thread.

Workers report every image as they finish it; listeners hear at most one call per kind per
interval (~10 per second), with the ids collapsed: 500 files dropped at once become a few
calls, not 500 UI updates. The latest state of an id wins within a batch (an image changed
and then removed is only reported removed).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from aedesk.library.records import LibraryListener, Progress

INTERVAL = 0.1
log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, interval: float = INTERVAL) -> None:
        self._interval = interval
        self._listeners: list[LibraryListener] = []
        self._cond = threading.Condition()
        self._changed: dict[int, None] = {}  # ordered sets
        self._missing: dict[int, None] = {}
        self._removed: dict[int, None] = {}
        self._folders = False
        self._progress: dict[str, Progress] = {}
        self._notices: list[str] = []
        self._thread: threading.Thread | None = None
        self._stopping = False

    def subscribe(self, listener: LibraryListener) -> None:
        with self._cond:
            self._listeners = [*self._listeners, listener]

    def unsubscribe(self, listener: LibraryListener) -> None:
        with self._cond:
            self._listeners = [x for x in self._listeners if x is not listener]

    # reports (any thread)
    def changed(self, ids: Iterable[int]) -> None:
        with self._cond:
            for i in ids:
                self._missing.pop(i, None)
                self._changed[i] = None

    def missing(self, ids: Iterable[int]) -> None:
        with self._cond:
            for i in ids:
                self._changed.pop(i, None)
                self._missing[i] = None

    def removed(self, ids: Iterable[int]) -> None:
        with self._cond:
            for i in ids:
                self._changed.pop(i, None)
                self._missing.pop(i, None)
                self._removed[i] = None

    def folders(self) -> None:
        with self._cond:
            self._folders = True

    def progress(self, p: Progress) -> None:
        with self._cond:
            self._progress[p.stage] = p

    def notice(self, message: str) -> None:
        with self._cond:
            self._notices.append(message)
            self._cond.notify()

    # delivery
    def start(self) -> None:
        if self._thread is None:
            self._stopping = False
            self._thread = threading.Thread(target=self._run, name="aedesk-notifier")
            self._thread.start()

    def stop(self) -> None:
        """Deliver what is pending, then end the thread."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()  # (a listener that closes the library must not wait on itself)
            self._thread = None

    def _flush(self) -> None:
        """Deliver pending reports now, in the calling thread."""
        with self._cond:
            listeners = self._listeners
            batch = (
                list(self._removed),
                list(self._missing),
                list(self._changed),
                self._folders,
                list(self._progress.values()),
                self._notices,
            )
            self._removed, self._missing, self._changed = {}, {}, {}
            self._folders, self._progress, self._notices = False, {}, []
        removed, missing, changed, folders, progress, notices = batch
        for listener in listeners:
            for message in notices:
                _safe(listener.notice, message)
            if removed:
                _safe(listener.images_removed, removed)
            if missing:
                _safe(listener.images_missing, missing)
            if changed:
                _safe(listener.images_changed, changed)
            if folders:
                _safe(listener.folders_changed)
            for p in progress:
                _safe(listener.progress, p)

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._stopping:
                    self._cond.wait(self._interval)
                stopping = self._stopping
            self._flush()
            if stopping:
                return


def _safe(method: Callable[..., None], *args: object) -> None:
    try:
        method(*args)
    except Exception:  # a listener's bug must not stop the library's events
        log.exception("library listener failed in %s", getattr(method, "__name__", method))
