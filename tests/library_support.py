"""Helpers for the library tests: waiting on conditions, an event recorder, settledness."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import imagegen
import pytest

from aedesk.core.analysis.pipeline import Analysis
from aedesk.library import jobs
from aedesk.library.library import Library
from aedesk.library.records import Progress

TIMEOUT = 10.0
LibraryFactory = Callable[..., Library]


def wait_for(condition: Callable[[], object], timeout: float = TIMEOUT, what: str = "") -> None:
    """Poll `condition` until it is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what or condition}")
        time.sleep(0.02)


class Recorder:
    """A LibraryListener that keeps every call (from the notifier thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.changed: list[list[int]] = []
        self.removed: list[int] = []
        self.missing: list[int] = []
        self.progress_seen: list[Progress] = []
        self.notices: list[str] = []
        self.folder_calls = 0

    def images_changed(self, ids: list[int]) -> None:
        with self.lock:
            self.changed.append(list(ids))

    def images_removed(self, ids: list[int]) -> None:
        with self.lock:
            self.removed += ids

    def images_missing(self, ids: list[int]) -> None:
        with self.lock:
            self.missing += ids

    def folders_changed(self) -> None:
        with self.lock:
            self.folder_calls += 1

    def progress(self, p: Progress) -> None:
        with self.lock:
            self.progress_seen.append(p)

    def notice(self, message: str) -> None:
        with self.lock:
            self.notices.append(message)


def settled(library: Library, count: int | None = None) -> Callable[[], bool]:
    """True once every record is analysed (and there are `count` of them, if given)."""

    def check() -> bool:
        records = library.records()
        return (count is None or len(records) == count) and all(not r.pending for r in records)

    return check


def photo(path: Path, seed: int = 0, size: tuple[int, int] = (400, 400), old: bool = True) -> Path:
    """A small product shot saved as a real file; `old` backdates it, so no settling is due."""
    imagegen.save(imagegen.product(size, seed=seed, colour=(40 + 7 * seed % 200, 90, 170)), path)
    if old:
        past = time.time() - 3600
        os.utime(path, (past, past))
    return path


class CountingAnalyse:
    """Wraps the pipeline's analyse (patched into the library's jobs) to count decodes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        self._lock = threading.Lock()
        self._real = jobs.analyse
        monkeypatch.setattr(jobs, "analyse", self)

    def __call__(self, path: Path, ocr: object = None) -> Analysis:
        with self._lock:
            self.paths.append(path.name)
        return self._real(path)


def scan_done(recorder: Recorder) -> Callable[[], bool]:
    """True once a listing has finished (its final progress was delivered)."""

    def check() -> bool:
        with recorder.lock:
            return any(
                p.stage == "scan" and p.done == p.total and not p.current
                for p in recorder.progress_seen
            )

    return check


def jpeg(seed: int, size: tuple[int, int] = (400, 400)) -> bytes:
    return imagegen.jpeg_bytes(imagegen.product(size, seed=seed))


def slow_write(data: bytes, dest: Path, parts: int, pause: float, reopen: bool = False) -> None:
    """Write `data` in `parts` with pauses, as a camera or a slow copy does; `reopen`: close
    the file between parts (each part a separate append, as some tools do)."""
    step = -(-len(data) // parts)
    chunks = [data[i : i + step] for i in range(0, len(data), step)]
    fh = dest.open("wb")
    try:
        for n, chunk in enumerate(chunks):
            if reopen and n:
                fh = dest.open("ab")
            fh.write(chunk)
            fh.flush()
            if reopen:
                fh.close()
            time.sleep(pause)
    finally:
        fh.close()


class Lines:
    """The watch command's output, as JSON objects, from captured stdout."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys
        self.items: list[dict[str, object]] = []

    def read(self) -> list[dict[str, object]]:
        out = self._capsys.readouterr().out
        self.items += [json.loads(line) for line in out.splitlines() if line.strip()]
        return self.items

    def about(self, path: Path) -> list[dict[str, object]]:
        return [i for i in self.read() if i["path"] == str(path)]
