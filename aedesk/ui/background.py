"""One small API for work that must not run on the GUI thread (a query over the whole
catalog, say): run it on a private worker, get the newest result back as a signal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    result = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], generation: int, relay: _Relay) -> None:
        super().__init__()
        self._work, self._generation, self._relay = work, generation, relay

    def run(self) -> None:
        self._relay.result.emit(self._generation, self._work())


class BackgroundCall(QObject):
    """`start()` runs `work` on one worker thread; `finished(result)` fires on the GUI thread
    with the result of the newest start only (an older one still running is dropped)."""

    #: the result of the newest call
    finished = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject) -> None:
        super().__init__(parent)
        self._work = work
        self._pool = QThreadPool(self)  # destroyed first: waits for a running call
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.result.connect(self._on_result)
        self._generations = itertools.count(1)
        self._newest = 0
        self._stopped = False

    def start(self) -> None:
        if self._stopped:
            return
        self._newest = next(self._generations)
        self._pool.clear()  # a queued call that has not begun is superseded
        self._pool.start(_Job(self._work, self._newest, self._relay))

    def wait(self) -> None:
        self._pool.waitForDone()

    def stop(self) -> None:
        """No more calls; waits for a running one (before what it reads is closed)."""
        self._stopped = True
        self._pool.clear()
        self._pool.waitForDone()

    def _on_result(self, generation: int, result: object) -> None:
        if generation == self._newest:
            self.finished.emit(result)
