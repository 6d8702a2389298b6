"""The scanner's queue: stage order, priority hints, cancel, progress."""

from __future__ import annotations

import threading

from library_support import wait_for

from aedesk.library.records import Progress
from aedesk.library.scanner import Scanner


class Gated:
    """A work function that blocks until released, and records the order of its jobs."""

    def __init__(self) -> None:
        self.order: list[tuple[str, int]] = []
        self.gate = threading.Event()
        self.started = threading.Event()

    def __call__(self, stage: str, image_id: int) -> str:
        self.started.set()
        self.gate.wait(10)
        self.order.append((stage, image_id))
        return f"/p/{image_id}.jpg"


def test_analysis_comes_before_ocr_and_visible_ids_first() -> None:
    work, seen = Gated(), []
    scanner = Scanner(work, seen.append, workers=1)
    scanner.start()
    scanner.submit("analyse", [1])
    work.started.wait(10)  # the one worker is now busy with 1
    scanner.submit("ocr", [1, 2])
    scanner.submit("analyse", range(2, 10))
    scanner.prioritise([7, 8])
    scanner.prioritise([5])  # the latest hint wins over earlier ones
    work.gate.set()
    assert scanner.wait_idle(10)
    scanner.stop()
    assert work.order == [("analyse", i) for i in (1, 5, 7, 8, 2, 3, 4, 6, 9)] + [
        ("ocr", 1),
        ("ocr", 2),
    ]
    assert Progress("analyse", 9, 9, "") in seen and Progress("ocr", 2, 2, "") in seen


def test_a_job_queued_twice_runs_once() -> None:
    work = Gated()
    work.gate.set()
    scanner = Scanner(work, lambda p: None, workers=2)
    scanner.submit("analyse", [3, 3, 4])
    scanner.submit("analyse", [3])
    scanner.start()
    assert scanner.wait_idle(10)
    scanner.stop()
    assert sorted(work.order) == [("analyse", 3), ("analyse", 4)]


def test_cancel_drops_queued_jobs_and_reports_the_stage_finished() -> None:
    work, seen = Gated(), []
    scanner = Scanner(work, seen.append, workers=1)
    scanner.start()
    scanner.submit("analyse", range(20))
    work.started.wait(10)
    scanner.cancel()
    work.gate.set()
    assert scanner.wait_idle(10)
    scanner.stop()
    assert work.order == [("analyse", 0)]  # the file in hand is finished, nothing else
    assert seen[-1] == Progress("analyse", 1, 1, "")


def test_a_failing_job_does_not_stop_the_others() -> None:
    done: list[int] = []

    def work(stage: str, image_id: int) -> str:
        if image_id == 2:
            raise RuntimeError("detector bug")
        done.append(image_id)
        return ""

    scanner = Scanner(work, lambda p: None, workers=1)
    scanner.start()
    scanner.submit("analyse", [1, 2, 3])
    wait_for(lambda: len(done) == 2, what="the other jobs")
    scanner.stop()
    assert done == [1, 3]


def test_one_ocr_job_at_a_time_leaves_the_other_worker_to_new_photos() -> None:
    ocr_running, peak, analysed = [0], [0], threading.Event()
    lock, release = threading.Lock(), threading.Event()

    def work(stage: str, image_id: int) -> str:
        if stage == "analyse":
            analysed.set()
            return ""
        with lock:
            ocr_running[0] += 1
            peak[0] = max(peak[0], ocr_running[0])
        release.wait(10)
        with lock:
            ocr_running[0] -= 1
        return ""

    scanner = Scanner(work, lambda p: None, workers=2)
    scanner.start()
    scanner.submit("ocr", [1, 2, 3])
    wait_for(lambda: ocr_running[0] == 1, what="an OCR job")
    scanner.submit("analyse", [10])  # a photo lands while text is being read
    wait_for(analysed.is_set, what="the photo served by the other worker")
    release.set()
    assert scanner.wait_idle(10)
    scanner.stop()
    assert peak[0] == 1


def test_a_job_submitted_while_it_runs_runs_once_more_afterwards() -> None:
    work = Gated()
    scanner = Scanner(work, lambda p: None, workers=2)
    scanner.start()
    scanner.submit("analyse", [5])
    work.started.wait(10)
    scanner.submit("analyse", [5, 5])  # the file changed while it was being read
    work.gate.set()
    assert scanner.wait_idle(10)
    scanner.stop()
    assert work.order == [("analyse", 5), ("analyse", 5)]
