"""Time `find_codes` against a bare all-formats `zxingcpp.read_barcodes` call.

Runs on generated photos with no code in them (the common case, and the one that costs:
zxing gives up only after trying everything) at the two scales the pipeline hands over:
3000×2000 (a 24 MP photo decoded at JPEG draft 1/2) and 1500×1000. The "noisy" photo is a
scene with strong sensor noise (σ 12, high ISO), the worst case for zxing's binariser.

    uv run python bench/bench_qr.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import zxingcpp

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "tests")]

from imagegen import add_noise, product, scene  # noqa: E402
from imagegen_codes import to_gray  # noqa: E402

from aedesk.core.analysis.qr import find_codes  # noqa: E402


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median of `repeat` runs after one warm-up, in ms (the cores are shared: medians)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    cases = {
        "noisy scene": lambda size: add_noise(scene(size, seed=5), 12.0, seed=9),
        "scene": lambda size: scene(size, seed=3),
        "product": lambda size: product(size, seed=3),
    }
    print(f"{'image':24s} {'find_codes':>11s} {'bare all':>10s} {'ratio':>7s}")
    for size in ((3000, 2000), (1500, 1000)):
        for name, make in cases.items():
            gray = to_gray(make(size), quality=85)
            ours = median_ms(lambda g=gray: find_codes(g), 15)
            bare = median_ms(lambda g=gray: zxingcpp.read_barcodes(g), 3)
            label = f"{name} {size[0]}×{size[1]}"
            print(f"{label:24s} {ours:8.1f} ms {bare:7.1f} ms {bare / ours:6.1f}×")


if __name__ == "__main__":
    main()
