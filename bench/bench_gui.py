"""Benchmark: the main window over a 10,000-image catalog.

    uv run python bench/bench_gui.py [--count N] [--scan N]

Offscreen, everything under a temp dir. Each figure is printed with a baseline measured
in the same run on the same machine, as a ratio:

- warm start: from opening the catalog (the second time: findings cached, as on any start
  after the first) to the first screen of thumbnails painted (target ≤ 1 s), against a
  bare loop that reads and decodes the same thumbnails from the cache
  and paints them into an image;
- paint time per scrolled screen: one synchronous repaint of the grid's viewport after
  scrolling a page, placeholders and all (target ≤ 16 ms), against painting the same
  number of thumbnails with drawImage into a bare widget;
- the longest event-loop stall while a 1,000-image folder is scanned and analysed with
  the window open (target ≤ 50 ms), against the longest stall of the idle window.

The catalog is filled directly (rows with the facts and thumbnails of 50 real analysed
photos, the files hard links to them), so the bench takes seconds, not an hour of analysis.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import imagegen
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from aedesk.app import Session, build, qt_app
from aedesk.core.analysis.pipeline import analyse
from aedesk.core.rules.profiles import load_catalogue
from aedesk.library.catalog import COMPLETE, Catalog
from aedesk.library.library import Library
from aedesk.library.thumbs import ThumbnailCache


def make_catalog(root: Path, count: int, distinct: int = 50) -> None:
    """`count` catalogued images (hard links to `distinct` analysed photos) in root/lib."""
    src, lib = root / "src", root / "lib"
    src.mkdir()
    lib.mkdir()
    thumbs = ThumbnailCache(root / "thumbs")
    analysed = []
    for n in range(distinct):
        path = src / f"p{n:02d}.jpg"
        imagegen.save(imagegen.product((1300, 1300), seed=n, colour=(40 + 4 * n, 90, 170)), path)
        result = analyse(path)
        assert result.preview is not None
        thumbs.put(result.facts.sha256, result.preview)
        analysed.append(result.facts)
    files = []
    for n in range(count):
        path = lib / f"img-{n:05d}.jpg"
        os.link(src / f"p{n % distinct:02d}.jpg", path)
        st = path.stat()
        files.append((str(path), st.st_size, st.st_mtime_ns))
    catalog = Catalog.open(root / "catalog.sqlite3")
    catalog.add_folder(lib)
    ids = catalog.insert_listed(files)
    with catalog.transaction() as db:
        db.executemany("UPDATE images SET sha256 = ?, stage = ?, facts = ? WHERE id = ?", [
            (f.sha256, COMPLETE, json.dumps(dataclasses.replace(f, path=p).to_dict()), i)
            for i, (p, _, _), f in ((i, file, analysed[n % distinct]) for n, (i, file) in
                                    enumerate(zip(ids, files, strict=True)))])
    catalog.close()


def open_session(app: QApplication, root: Path) -> Session:
    library = Library(Catalog.open(root / "catalog.sqlite3"), load_catalogue(),
                      thumbnails=ThumbnailCache(root / "thumbs"), relist_interval=3600.0)
    settings = QSettings(str(root / "gui.ini"), QSettings.Format.IniFormat)
    session = build(app, library, language="en", settings=settings, export_analyse=lambda p: analyse(p).facts)
    session.window.resize(1400, 900)
    session.window.show()
    return session


def visible_ids(session: Session) -> list[int]:
    return session.window.grid.view.visible_ids()


def until(app: QApplication, condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        time.sleep(0.001)


def warm_start(app: QApplication, root: Path) -> tuple[float, Session, int]:
    t0 = time.perf_counter()
    session = open_session(app, root)
    until(app, lambda: bool(visible_ids(session)) and all(
        session.store.thumbnail(i) is not None for i in visible_ids(session)))
    session.window.grid.view.viewport().repaint()
    return time.perf_counter() - t0, session, len(visible_ids(session))


def bare_start(root: Path, n: int) -> float:
    t0 = time.perf_counter()
    catalog = Catalog.open(root / "catalog.sqlite3")
    rows = catalog.rows()[:n]
    cache = ThumbnailCache(root / "thumbs")
    canvas = QImage(1400, 900, QImage.Format.Format_RGB32)
    painter = QPainter(canvas)
    for k, row in enumerate(rows):
        image = QImage()
        image.loadFromData(cache.thumbnail(row.sha256) or b"")
        painter.drawImage((k % 8) * 170, (k // 8) * 170, image.scaled(160, 160))
    painter.end()
    catalog.close()
    return time.perf_counter() - t0


def scroll_paints(app: QApplication, session: Session, screens: int) -> list[float]:
    view = session.window.grid.view
    bar, times = view.verticalScrollBar(), []
    for _ in range(screens):
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        t0 = time.perf_counter()
        view.viewport().repaint()
        times.append(time.perf_counter() - t0)
    return times


class _Thumbs(QWidget):
    """The baseline: the same thumbnails drawn with drawImage, nothing else."""

    def __init__(self, thumbs: list[QImage]) -> None:
        super().__init__()
        self.thumbs = thumbs

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        for k, image in enumerate(self.thumbs):
            p.drawImage((k % 8) * 140, (k // 8) * 140, image)
        p.end()


def bare_paints(thumbs: list[QImage], screens: int) -> list[float]:
    widget = _Thumbs(thumbs)
    widget.resize(1100, 800)
    widget.show()
    times = []
    for _ in range(screens):
        t0 = time.perf_counter()
        widget.repaint()
        times.append(time.perf_counter() - t0)
    widget.close()
    return times


def longest_stall(app: QApplication, seconds: float, done: Callable[[], bool] = lambda: False) -> float:
    """The longest gap between 5 ms timer ticks over `seconds` (or until `done`, which is
    asked on another thread: the bench's own catalog reads must not be the stall)."""
    finished = threading.Event()

    def poll() -> None:
        while not finished.is_set() and not done():
            time.sleep(0.25)
        finished.set()

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    clock, gaps = QElapsedTimer(), []
    timer = QTimer(interval=5)
    last = [0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer.timeout.connect(tick)
    timer.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not finished.is_set():
        app.processEvents()
        time.sleep(0.0005)
    finished.set()
    poller.join()
    timer.stop()
    return max(gaps, default=0) / 1000


def _analysed(session: Session, folder: Path) -> int:
    return sum(not e.pending for e in session.store.library.entries(folder))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--scan", type=int, default=1_000)
    args = parser.parse_args()
    app = qt_app()
    with tempfile.TemporaryDirectory(prefix="aedesk-bench-gui-") as tmp:
        root = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")  # never the user's settings
        t0 = time.perf_counter()
        make_catalog(root, args.count)
        print(f"catalog of {args.count} images made in {time.perf_counter() - t0:.1f} s")
        first, session, _ = warm_start(app, root)  # findings are computed and cached once
        session.close()
        print(f"first start over the new catalog (findings computed): {first * 1000:.0f} ms")
        start, session, shown = warm_start(app, root)
        bare = bare_start(root, shown)
        print(f"warm start to first painted thumbnails: {start * 1000:.0f} ms ({shown} thumbnails; "
              f"bare read+decode+paint {bare * 1000:.0f} ms; ratio {start / bare:.1f}x; target <= 1000 ms)")
        paints = scroll_paints(app, session, 40)
        thumbs = [t for i in visible_ids(session) if (t := session.store.thumbnail(i)) is not None] or [
            QImage(160, 160, QImage.Format.Format_RGB32)] * shown
        bare_p = bare_paints((thumbs * shown)[:shown], 40)
        print(f"paint per scrolled screen: median {statistics.median(paints) * 1000:.1f} ms, "
              f"max {max(paints) * 1000:.1f} ms (bare drawImage median {statistics.median(bare_p) * 1000:.2f} ms; "
              f"ratio {statistics.median(paints) / statistics.median(bare_p):.1f}x; target <= 16 ms)")
        idle = longest_stall(app, 3.0)
        scan = root / "scan"
        scan.mkdir()
        for n in range(args.scan):
            imagegen.save(imagegen.product((400, 400), seed=1000 + n), scan / f"new-{n:04d}.jpg")
        before = len(session.store.library.ids())
        session.store.library.add_folder(scan)
        t0 = time.perf_counter()
        scanning = longest_stall(app, 600.0, lambda: _analysed(session, scan) == args.scan)
        took = time.perf_counter() - t0
        print(f"longest event-loop stall during a {args.scan}-image scan ({took:.0f} s): {scanning * 1000:.0f} ms "
              f"(idle window {idle * 1000:.0f} ms; ratio {scanning / max(idle, 0.001):.1f}x; target <= 50 ms); "
              f"catalog {before} -> {len(session.store.library.ids())}")
        session.close()


if __name__ == "__main__":
    main()
