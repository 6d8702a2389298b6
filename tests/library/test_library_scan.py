"""Scanning: what gets catalogued and skipped, never decoding twice, rules, OCR, cancel."""

from __future__ import annotations

import io
import os
import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from library_support import (
    CountingAnalyse,
    LibraryFactory,
    Recorder,
    photo,
    scan_done,
    settled,
    wait_for,
)
from PIL import Image

from aedesk.core.analysis.facts import TextBox, TextFacts
from aedesk.core.analysis.pipeline import Analysis
from aedesk.core.findings import NOT_CHECKED, UNREADABLE
from aedesk.core.rules.profiles import load_catalogue
from aedesk.library import jobs
from aedesk.library.records import Progress


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    photo(folder / "a.jpg", 1)
    photo(folder / "sub" / "b.png", 2)
    for name in (".hidden.jpg", "~$a.jpg", "c.jpg.part", "d.jpg.crdownload", ".git/objects/e.jpg"):
        photo(folder / name, 3)
    (folder / "notes.txt").write_text("shot list")
    broken = folder / "broken.jpg"
    broken.write_bytes((folder / "a.jpg").read_bytes()[:2000])  # a copy cut short
    os.utime(broken, (time.time() - 3600,) * 2)
    return folder


def test_a_cold_scan_catalogues_images_and_counts_what_it_skips(
    make_library: LibraryFactory, photos: Path
) -> None:
    lib, rec = make_library(), Recorder()
    lib.subscribe(rec)
    lib.add_folder(photos)
    lib.start()
    wait_for(settled(lib, 3), what="three images analysed")
    by_name = {r.path.name: r for r in lib.records()}
    assert sorted(by_name) == ["a.jpg", "b.png", "broken.jpg"]
    good, broken = by_name["b.png"], by_name["broken.jpg"]
    assert (good.facts.width, good.facts.format) == (400, "PNG")
    assert good.size == good.path.stat().st_size
    assert broken.facts.error and UNREADABLE in {f.rule for f in lib.findings(broken.id, "huaxu")}
    with Image.open(io.BytesIO(lib.thumbnail(good.id) or b"")) as thumb:
        assert (thumb.format, max(thumb.size)) == ("JPEG", 320)
    with Image.open(io.BytesIO(lib.preview(good.id) or b"")) as preview:
        assert max(preview.size) == 400  # never enlarged
    assert lib.thumbnail(broken.id) is None
    (summary,) = lib.folders("huaxu")
    assert (summary.path, summary.images, summary.skipped, summary.problem) == (photos, 3, 5, None)
    assert summary.errors == 3  # 400 px is below 1200, and the broken one
    wait_for(lambda: Progress("analyse", 3, 3, "") in rec.progress_seen, what="final progress")


def test_unchanged_files_are_not_decoded_again_after_a_restart(
    make_library: LibraryFactory, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_library()
    first.add_folder(photos)
    first.start()
    wait_for(settled(first, 3))
    ids = first.ids()
    first.close()

    counted = CountingAnalyse(monkeypatch)
    photo(photos / "a.jpg", 9)  # rewritten while aedesk was not running
    again, rec = make_library(), Recorder()
    again.subscribe(rec)
    again.start()
    wait_for(scan_done(rec), what="the start-up listing")
    wait_for(settled(again, 3))
    assert again.ids() == ids
    assert counted.paths == ["a.jpg"]


def test_new_thresholds_apply_to_stored_facts_without_decoding(
    make_library: LibraryFactory, photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = make_library()
    lib.add_folder(photos)
    lib.start()
    wait_for(settled(lib, 3))
    image_id = lib.id_for_path(photos / "a.jpg")
    assert image_id is not None
    assert "min-resolution" in {f.rule for f in lib.findings(image_id, "huaxu")}
    counted = CountingAnalyse(monkeypatch)
    override = tmp_path / "rules.toml"
    override.write_text("[huaxu.min-resolution]\nmin_width = 300\nmin_height = 300\n")
    lib.set_rules(load_catalogue(override))
    assert "min-resolution" not in {f.rule for f in lib.findings(image_id, "huaxu")}
    assert lib.folders("huaxu")[0].errors == 1  # only the broken file now
    assert counted.paths == []


class FakeOcr:
    """Reads one line of text from anything, and remembers what it was shown."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, ...]] = []

    def recognise(self, rgb: np.ndarray) -> TextFacts:
        self.shapes.append(rgb.shape)
        return TextFacts("fake", (TextBox("SALE 50%", 0.9, (0.1, 0.1, 0.3, 0.1)),))


def test_the_ocr_stage_runs_after_analysis_on_the_stored_preview(
    make_library: LibraryFactory, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = make_library()
    plain.add_folder(photos)
    plain.start()
    wait_for(settled(plain, 3))
    image_id = plain.id_for_path(photos / "a.jpg")
    assert image_id is not None
    assert NOT_CHECKED in {f.rule for f in plain.findings(image_id, "huaxu")}
    plain.close()

    counted, ocr = CountingAnalyse(monkeypatch), FakeOcr()
    lib = make_library(ocr=ocr)
    lib.start()
    wait_for(lambda: len(ocr.shapes) == 2, what="text read on both readable images")
    record = lib.record(image_id)
    assert record is not None and record.facts.text is not None
    wait_for(lambda: NOT_CHECKED not in {f.rule for f in lib.findings(image_id, "huaxu")})
    assert counted.paths == []  # read from the cached preview, not by decoding again
    assert ocr.shapes[0] == (400, 400, 3)


def test_cancel_leaves_a_consistent_catalog_that_a_rescan_completes(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    for n in range(24):
        photo(folder / f"{n:02}.jpg", n, size=(200, 200))
    lib = make_library(workers=1)
    lib.add_folder(folder)
    lib.start()
    wait_for(lambda: any(not r.pending for r in lib.records()), what="a first image analysed")
    lib.cancel()
    records = lib.records()
    assert len(records) == 24
    for r in records:
        assert r.pending or (r.facts.sha256 and lib.thumbnail(r.id))
    lib.rescan()
    wait_for(settled(lib, 24), what="the rescan to finish")


def test_visible_ids_are_analysed_first(
    make_library: LibraryFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    for n in range(30):
        photo(folder / f"{n:02}.jpg", n, size=(300, 300))
    started, gate, real = [], threading.Event(), jobs.analyse

    def gated(path: Path, ocr: object = None) -> Analysis:
        started.append(path.name)
        gate.wait(10)
        return real(path)

    monkeypatch.setattr(jobs, "analyse", gated)
    lib = make_library(workers=1)
    lib.add_folder(folder)
    lib.start()
    wait_for(lambda: len(lib.ids()) == 30 and started, what="listed, one file in hand")
    visible = [r.path.name for r in lib.records()[-3:]]
    lib.prioritise([i for i in lib.ids() if lib.record(i).path.name in visible])  # type: ignore[union-attr]
    gate.set()
    wait_for(settled(lib, 30))
    assert sorted(started[1:4]) == visible


def test_catalogue_files_analyses_dropped_files_in_place_synchronously(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    loose = [photo(tmp_path / "desk" / f"{n}.jpg", n) for n in range(2)]
    (tmp_path / "desk" / "readme.txt").write_text("not an image")
    lib = make_library()
    ids = lib.catalogue_files([loose[1], tmp_path / "desk" / "readme.txt", loose[0]])
    assert ids == [lib.id_for_path(loose[1]), lib.id_for_path(loose[0])]
    assert all(not r.pending and r.facts.sha256 for r in lib.records())
    assert lib.catalogue_files([tmp_path / "desk"]) == ids[::-1]  # a folder: its images, by path


def test_a_cleared_thumbnail_cache_is_rebuilt_on_demand(
    make_library: LibraryFactory, photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = make_library()
    lib.add_folder(photos)
    lib.start()
    wait_for(settled(lib, 3))
    image_id = lib.id_for_path(photos / "a.jpg")
    assert image_id is not None
    lib.close()
    shutil.rmtree(tmp_path / "thumbs")  # the OS cleaned the cache
    counted = CountingAnalyse(monkeypatch)
    lib = make_library()
    lib.start()
    assert lib.thumbnail(image_id) is None  # not ready: asked for
    wait_for(lambda: lib.thumbnail(image_id), what="the rebuilt thumbnail")
    assert lib.preview(image_id) is not None
    assert counted.paths == ["a.jpg"]  # only what was asked for
    record = lib.record(image_id)
    assert record is not None and not record.pending
