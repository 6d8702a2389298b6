"""Benchmark: `check` on generated 24-megapixel JPEGs against a bare Pillow thumbnail loop.

Both loops use a thread pool with one worker per core over the same files in the same run,
so the ratio is meaningful on any machine. Target: check ≤ 1.5× the bare decode loop.

    uv run python bench/bench_check.py [--count N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from aedesk.core.rules.profiles import load_catalogue
from aedesk.demo import imagery
from aedesk.library.checker import Checker, workers


def make_photos(folder: Path, count: int) -> list[Path]:
    """24 MP (6000×4000) noisy product shots, as a camera would write them."""
    base = imagery.product((6000, 4000), seed=0)
    paths = []
    for i in range(count):
        path = folder / f"IMG_{i:04d}.jpg"
        imagery.add_noise(base, 6.0, seed=i).save(path, "JPEG", quality=92)
        paths.append(path)
    return paths


def bare_loop(paths: list[Path]) -> None:
    def thumb(p: Path) -> None:
        with Image.open(p) as im:
            im.thumbnail((320, 320))

    with ThreadPoolExecutor(workers()) as pool:
        list(pool.map(thumb, paths))


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    checker = Checker(load_catalogue())
    profile = checker.catalogue.profile("huaxu")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"making {args.count} 24 MP JPEGs…", flush=True)
        paths = make_photos(Path(tmp), args.count)
        bare_loop(paths[:2])  # warm the page cache and imports for both
        checker.check(paths[:2], profile)
        bare, check = [], []
        for _ in range(args.rounds):  # interleaved, so drift on a shared machine hits both
            bare.append(timed(bare_loop, paths))
            check.append(timed(checker.check, paths, profile))
    b, c = min(bare), min(check)
    n = args.count
    print(f"workers: {workers()}   images: {n}   best of {args.rounds}")
    print(f"bare Pillow thumbnail loop: {b:.2f} s  ({b / n * 1000:.0f} ms/image, {n / b:.1f} images/s)")
    print(f"aedesk check (huaxu):       {c:.2f} s  ({c / n * 1000:.0f} ms/image, {n / c:.1f} images/s)")
    print(f"ratio check / bare: {c / b:.2f}×   (target ≤ 1.50×)")


if __name__ == "__main__":
    main()
