"""The memory budget: estimates from headers, and waiting for room."""

from __future__ import annotations

import threading
from pathlib import Path

from PIL import Image

from aedesk.core.analysis.decode import DECODE_LONG_SIDE
from aedesk.library.budget import BYTES_PER_PIXEL, MemoryBudget, cost


def test_cost_follows_the_decoded_size(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4000), (200, 190, 180)).save(big, quality=80)
    png = tmp_path / "wide.png"
    Image.new("RGB", (3000, 1000), (10, 20, 30)).save(png)
    scale = max(s for s in (1, 2, 4, 8) if 6000 // s >= DECODE_LONG_SIDE)  # as draft picks it
    assert scale > 1
    assert cost(big) == big.stat().st_size + 6000 * 4000 // scale**2 * BYTES_PER_PIXEL
    assert cost(png) == png.stat().st_size + 3000 * 1000 * BYTES_PER_PIXEL  # decoded whole
    notes = tmp_path / "notes.txt"
    notes.write_text("not an image")
    assert cost(notes) == 0


def test_a_second_large_analysis_waits_for_room_but_one_always_runs() -> None:
    budget, order = MemoryBudget(limit=100), []
    never = threading.Event()

    def second() -> None:
        with budget.reserve(60):
            order.append("second")

    with budget.reserve(150):  # over the limit on its own: runs anyway
        order.append("first")
        t = threading.Thread(target=second)
        t.start()
        never.wait(0.3)  # (a negative: give the second a chance to get in wrongly)
        assert order == ["first"]
    t.join(10)
    assert order == ["first", "second"]
    fitted = threading.Event()

    def both() -> None:
        with budget.reserve(40), budget.reserve(50):  # together under the limit: no wait
            fitted.set()

    t = threading.Thread(target=both)
    t.start()
    t.join(10)
    assert fitted.is_set()
