"""Benchmark: the library's scanner and watcher on generated 24-megapixel JPEGs.

    uv run python bench/bench_library.py [--count N] [--workers N] [--skip-latency]

All figures come from one run, on the same files, and are printed as ratios where there is
a baseline (a shared machine slows both sides alike):

- cold scan: images/s from `start()` until every image is analysed with its thumbnail,
  against a bare Pillow `thumbnail()` loop with the same worker count (target ≥ 0.7×);
- threads against processes for the same analysis work (why the scanner uses threads);
- warm re-scan of unchanged files: files/s of a full re-listing, and decodes (target: none,
  ≥ 5,000 files/s), on the 24 MP files and on 5,000 hard links to one of them;
- peak memory (VmHWM) of a process doing a cold scan (target ≤ 300 MB);
- watch latency: from a copy finishing to `aedesk watch --json --no-ocr` printing its line,
  debounce included (target p95 ≤ 1.5 s).

Everything is written under a temp dir: the user's catalog and cache are never touched.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import make_photos

from aedesk.core.analysis.pipeline import analyse
from aedesk.core.rules.profiles import load_catalogue
from aedesk.library.catalog import ANALYSED, Catalog
from aedesk.library.library import Library
from aedesk.library.scanner import default_workers
from aedesk.library.thumbs import ThumbnailCache


def open_library(state: Path, workers: int) -> Library:
    catalog = Catalog.open(state / "catalog.sqlite3")
    return Library(catalog, load_catalogue(), thumbnails=ThumbnailCache(state / "thumbs"), workers=workers)


def wait(condition: object, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the library did not finish")
        time.sleep(0.02)


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cold_child(folder: Path, state: Path, workers: int) -> None:
    """Child process: one cold scan; prints seconds and peak memory as JSON."""
    count = len(list(folder.glob("*.jpg")))
    base = peak_mb()
    lib = open_library(state, workers)
    lib.add_folder(folder)
    start = time.perf_counter()
    lib.start()
    # a cheap question (parsing every record's facts would take the GIL from the workers)
    query = "SELECT count(*), total(stage = 0) FROM images"
    wait(lambda: tuple(lib._catalog.query(query)[0]) == (count, 0))
    seconds = time.perf_counter() - start
    lib.close()
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "import_mb": base}))


def cold_scan(folder: Path, state: Path, workers: int) -> dict[str, float]:
    shutil.rmtree(state, ignore_errors=True)
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(state), str(workers)],
                         capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out.splitlines()[-1])
    return result


def bare_loop(paths: list[Path], workers: int) -> float:
    def thumb(p: Path) -> None:
        with Image.open(p) as im:
            im.thumbnail((320, 320))

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(thumb, paths))
    return time.perf_counter() - start


def analyse_and_encode(path: Path) -> tuple[str, int]:
    """The scanner's per-file work, returning what a process would have to send back."""
    result = analyse(path)
    if result.preview is None:
        return result.facts.sha256, 0
    thumb = result.preview.copy()
    thumb.thumbnail((320, 320))
    return result.facts.sha256, thumb.width


def pool_rate(pool: Executor, paths: list[Path]) -> float:
    start = time.perf_counter()
    list(pool.map(analyse_and_encode, paths))
    return len(paths) / (time.perf_counter() - start)


def warm_rescan(lib: Library, folder: Path, rounds: int) -> tuple[float, int]:
    """Best files/s of a full re-listing of `folder` (what `rescan()` does, timed in this
    thread), and how many files it queued for decoding."""
    best, queued = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        work = lib._reconciler.relist(folder, requeue=True)
        best = min(best, time.perf_counter() - start)
        queued += len(work.analyse)
    return len(lib.ids(folder)) / best, queued


def fill_links(lib: Library, source: Path, folder: Path, count: int) -> None:
    """`count` hard links to one analysed file, catalogued with its facts (no decode)."""
    folder.mkdir()
    facts = lib.record(lib.id_for_path(source) or 0).facts  # type: ignore[union-attr]
    catalog = lib._catalog
    names = [str(folder / f"L{i:05d}.jpg") for i in range(count)]
    for name in names:
        os.link(source, name)
    st = source.stat()
    ids = catalog.insert_listed((name, st.st_size, st.st_mtime_ns) for name in names)
    for image_id, name in zip(ids, names, strict=True):
        row = catalog.row(image_id)
        assert row is not None
        catalog.store_facts(row, dataclasses.replace(facts, path=name), ANALYSED)


def watch_latency(paths: list[Path], root: Path) -> list[float]:
    """Seconds from each copy finishing to `aedesk watch` printing its line."""
    folder = root / "tethered"
    folder.mkdir()
    env = {**os.environ, "XDG_DATA_HOME": str(root / "data"), "XDG_CACHE_HOME": str(root / "cache"),
           "XDG_CONFIG_HOME": str(root / "config")}
    proc = subprocess.Popen([sys.executable, "-m", "aedesk", "watch", "--json", "--no-ocr", str(folder)],
                            stdout=subprocess.PIPE, text=True, env=env)
    seen: dict[str, float] = {}
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen[json.loads(line)["path"]] = time.perf_counter()
            ready.set()

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(3)  # imports and the first (empty) listing
    latencies = []
    for n, src in enumerate(paths):
        dest = folder / f"shot{n:03d}.jpg"
        shutil.copyfile(src, dest)
        done = time.perf_counter()
        wait(lambda d=str(dest): d in seen, timeout=60)
        latencies.append(seen[str(dest)] - done)
    proc.terminate()
    proc.wait()
    reader.join()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--links", type=int, default=5000)
    parser.add_argument("--skip-latency", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        cold_child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))
        return
    n, w = args.count, args.workers
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(f"making {n} 24 MP JPEGs…", flush=True)
        photos = root / "photos"
        photos.mkdir()
        paths = make_photos(photos, n)
        bare_loop(paths[:2], w)  # page cache and imports warm for every contender
        bare = min(bare_loop(paths, w) for _ in range(2))
        cold = [cold_scan(photos, root / "state", w) for _ in range(2)]
        scan = min(c["seconds"] for c in cold)
        print(f"workers: {w}   images: {n} × 24 MP")
        print(f"bare Pillow thumbnail() loop: {n / bare:6.2f} images/s")
        print(f"cold scan (facts + thumbnails + catalog): {n / scan:6.2f} images/s   "
              f"ratio {bare / scan:.2f}×   (target ≥ 0.70×)")
        print(f"peak memory of the scanning process: {max(c['peak_mb'] for c in cold):.0f} MB "
              f"({min(c['import_mb'] for c in cold):.0f} MB after imports)   (target ≤ 300 MB)")

        with ThreadPoolExecutor(w) as threads, ProcessPoolExecutor(w) as procs:
            list(procs.map(analyse_and_encode, paths[:w]))  # start and import in each process
            t_rate = max(pool_rate(threads, paths) for _ in range(2))
            p_rate = max(pool_rate(procs, paths) for _ in range(2))
        print(f"analysis alone with {w} threads: {t_rate:.2f} images/s;  with {w} processes: {p_rate:.2f} "
              f"images/s   threads/processes {t_rate / p_rate:.2f}×")
        print(f"the library's own cost: cold scan / analysis alone {n / scan / t_rate:.2f}×")

        lib = open_library(root / "state", w)
        rate, decodes = warm_rescan(lib, photos, rounds=20)
        print(f"warm re-scan, {n} unchanged 24 MP files: {rate:,.0f} files/s, {decodes} to decode")
        fill_links(lib, paths[0], root / "links", args.links)
        rate, decodes = warm_rescan(lib, root / "links", rounds=3)
        print(f"warm re-scan, {args.links:,} unchanged files: {rate:,.0f} files/s, {decodes} to decode   "
              f"(target ≥ 5,000 files/s, no decode)")
        lib.close()

        if not args.skip_latency:
            lat = sorted(watch_latency(paths, root))
            p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
            print(f"watch latency, copy done → checked line ({len(lat)} copies): "
                  f"median {statistics.median(lat):.2f} s, p95 {p95:.2f} s, max {lat[-1]:.2f} s   "
                  f"(target p95 ≤ 1.5 s)")


if __name__ == "__main__":
    main()
