"""Time the three image detectors on one pipeline-sized array (1024×683), as the analysis
runs them: background, then objects (solid backdrops), then collage.

    uv run python bench/detectors.py

Prints the best of several runs per detector (the machine is shared: the minimum is the
least disturbed), for a product shot, an outdoor scene and a 3×3 collage.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from imagegen import product, scene
from imagegen_collage import collage
from imagegen_scenes import analysed

from aedesk.core.analysis.background import classify_background
from aedesk.core.analysis.collage import detect_collage
from aedesk.core.analysis.objects import find_objects


def best_ms(fn: object, runs: int = 7, number: int = 10) -> float:
    return min(timeit.repeat(fn, number=number, repeat=runs)) / number * 1000  # type: ignore[arg-type]


def main() -> None:
    photos = [scene((800, 600), i) for i in range(9)]
    images = {
        "product on white": analysed(product((1536, 1024), seed=1)),
        "outdoor scene": analysed(scene((1536, 1024), 2)),
        "3x3 collage": analysed(collage(photos, "3x3", (1536, 1024), gutter=8)),
    }
    for name, rgb in images.items():
        bg = classify_background(rgb)
        t_bg = best_ms(lambda rgb=rgb: classify_background(rgb))
        t_obj = best_ms(lambda rgb=rgb, bg=bg: find_objects(rgb, bg))
        t_col = best_ms(lambda rgb=rgb: detect_collage(rgb))
        total = t_bg + t_obj + t_col
        print(
            f"{name:17s} {rgb.shape[1]}×{rgb.shape[0]}  background {t_bg:5.2f} ms"
            f"  objects {t_obj:5.2f} ms  collage {t_col:5.2f} ms"
            f"  total {total:5.2f} ms = {total / 15:.2f} × the 15 ms budget"
        )


if __name__ == "__main__":
    main()
