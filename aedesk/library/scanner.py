"""The scanner's work queue: (stage, image id) jobs served by a pool of worker threads.

Stages run in order: every `analyse` job (decode, facts, thumbnail) before any `ocr` job, so
badges and thumbnails come first and slow text recognition later. Within a stage, the ids
the user is looking at (`prioritise`) come first, the most recent hint first. Threads, not
processes: decoding and the detectors spend their time in Pillow, numpy and zxing-cpp with
the GIL released, previews need no pickling, and `bench/bench_library.py` measures both.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import threading
from collections.abc import Callable, Iterable

from aedesk.library.records import Progress

STAGES = ("analyse", "ocr")
# One worker per core, up to this many; what they decode at once is bounded by the memory
# budget (budget.py), not by the worker count.
MAX_WORKERS = 8
HINTS_KEPT = 8  # the last few screens the user looked at
# OCR engines serialise their calls (one model session); more OCR jobs at once would only park
# workers that newly arrived photos need for their fast checks.
LIMITS = {"ocr": 1}
log = logging.getLogger(__name__)

Work = Callable[[str, int], str]  # (stage, image id) -> path worked on


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


class Scanner:
    def __init__(self, work: Work, progress: Callable[[Progress], None], workers: int | None = None) -> None:
        self._work = work
        self._report = progress
        self._count = workers or default_workers()
        self._cond = threading.Condition()
        self._heap: list[tuple[int, int, int, str, int]] = []
        self._queued: dict[tuple[str, int], int] = {}  # job -> seq of its live heap entry
        self._active: set[tuple[str, int]] = set()  # jobs running now
        self._again: set[tuple[str, int]] = set()  # submitted while running: run once more after
        self._seq = itertools.count()
        self._generation = 0
        self._hints: dict[int, int] = {}  # id -> generation of the latest hint naming it
        self._waiting: dict[str, int] = dict.fromkeys(STAGES, 0)  # live queued jobs per stage
        self._running: dict[str, int] = dict.fromkeys(STAGES, 0)
        self._done: dict[str, int] = dict.fromkeys(STAGES, 0)
        self._total: dict[str, int] = dict.fromkeys(STAGES, 0)
        self._threads: list[threading.Thread] = []
        self._stopping = False

    @property
    def workers(self) -> int:
        return self._count

    def submit(self, stage: str, ids: Iterable[int]) -> None:
        """Queue jobs; one already queued is not queued twice, and one running now runs once
        more when it is done (it may have read the file before the change that asks again)."""
        with self._cond:
            for image_id in ids:
                job = (stage, image_id)
                if job in self._active:
                    self._again.add(job)
                elif job not in self._queued:
                    self._enqueue(stage, image_id)
            self._cond.notify_all()

    def prioritise(self, ids: Iterable[int]) -> None:
        """Serve these ids first (the latest hint before earlier ones), also when their jobs
        are submitted later (the GUI may see a listed row before its job is queued)."""
        with self._cond:
            self._generation += 1
            stale = self._generation - HINTS_KEPT
            self._hints = {i: g for i, g in self._hints.items() if g > stale}
            for image_id in ids:
                self._hints[image_id] = self._generation
                for stage in STAGES:
                    if (stage, image_id) in self._queued:
                        self._push(stage, image_id, -self._generation)

    def cancel(self) -> None:
        """Drop every queued job; running ones finish the file they are on."""
        with self._cond:
            self._heap.clear()
            self._queued.clear()
            self._again.clear()
            for stage in STAGES:
                self._waiting[stage] = 0
                self._total[stage] = self._done[stage] + self._running[stage]
                self._maybe_finished(stage)

    def idle(self) -> bool:
        with self._cond:
            return not self._queued and not any(self._running.values())

    def wait_idle(self, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: not self._queued and not any(self._running.values()), timeout)

    def start(self) -> None:
        with self._cond:
            self._stopping = False
        for n in range(self._count - len(self._threads)):
            t = threading.Thread(target=self._run, name=f"aedesk-worker-{n}")
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        """Cancel queued work and join the workers (each finishes its current file)."""
        self.cancel()
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        for t in self._threads:
            t.join()
        self._threads.clear()

    def _enqueue(self, stage: str, image_id: int) -> None:
        self._push(stage, image_id, -self._hints.get(image_id, 0))
        self._waiting[stage] += 1
        self._total[stage] += 1

    def _push(self, stage: str, image_id: int, boost: int) -> None:
        seq = next(self._seq)
        self._queued[(stage, image_id)] = seq
        heapq.heappush(self._heap, (STAGES.index(stage), boost, seq, stage, image_id))

    def _pop(self) -> tuple[str, int] | None:
        """The next live job (stale heap entries are skipped), or None when stopping."""
        with self._cond:
            while not self._stopping:
                while self._heap:
                    _, _, seq, stage, image_id = self._heap[0]
                    if self._queued.get((stage, image_id)) != seq:
                        heapq.heappop(self._heap)  # superseded by a later push
                        continue
                    if self._running[stage] >= LIMITS.get(stage, self._count):
                        break  # what is left is of this stage or later: wait for a slot
                    heapq.heappop(self._heap)
                    del self._queued[(stage, image_id)]
                    self._waiting[stage] -= 1
                    self._running[stage] += 1
                    self._active.add((stage, image_id))
                    return stage, image_id
                self._cond.wait()
            return None

    def _run(self) -> None:
        while (job := self._pop()) is not None:
            stage, image_id = job
            path = ""
            try:
                path = self._work(stage, image_id)
            except Exception:  # one file's failure must not stop the scan
                log.exception("%s of image %d failed", stage, image_id)
            with self._cond:
                self._running[stage] -= 1
                self._done[stage] += 1
                self._active.discard(job)
                if job in self._again:
                    self._again.discard(job)
                    self._enqueue(stage, image_id)
                if not self._maybe_finished(stage):
                    self._report(Progress(stage, self._done[stage], self._total[stage], path))
                self._cond.notify_all()

    def _maybe_finished(self, stage: str) -> bool:
        """When a stage has nothing queued or running: report it complete, reset its counts."""
        if self._running[stage] or self._waiting[stage]:
            return False
        if self._total[stage]:
            self._report(Progress(stage, self._done[stage], self._total[stage], ""))
        self._done[stage] = self._total[stage] = 0
        return True
