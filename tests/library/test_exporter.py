"""The export service end to end: real analysis of what is written, refusal and --force,
atomicity under injected failures, originals untouched, manifest hashes true."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import imagegen
import pytest

from aedesk.core.analysis.pipeline import analyse
from aedesk.core.export.options import ExportOptions
from aedesk.core.export.plan import make_plan
from aedesk.core.export.writer import BundleWriter
from aedesk.core.rules.profiles import Catalogue, load_catalogue
from aedesk.library.exporter import ExportCancelled, Exporter, ExportError

NOW = datetime(2024, 6, 1, 4, 0, tzinfo=UTC)  # 12:00 in China
SHAPES = ("bottle", "box", "ball", "bottle", "box")
COLOURS = ((40, 90, 170), (170, 60, 40), (50, 140, 70), (120, 60, 150), (200, 150, 30))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def exporter(catalogue: Catalogue) -> Exporter:
    return Exporter(catalogue, lambda p: analyse(p).facts, threads=2, clock=lambda: NOW)


def photos(folder: Path, sizes: list[tuple[int, int]], scenes: bool = False) -> list[Path]:
    """Distinct product shots (shape, colour, seed) or outdoor scenes, one per size, as camera JPEGs."""
    return [imagegen.save(imagegen.scene(size, seed=20 + i) if scenes else
                          imagegen.product(size, colour=COLOURS[i % 5], shape=SHAPES[i % 5], seed=10 + i),
                          folder / f"IMG_{i:04d}.jpg")
            for i, size in enumerate(sizes)]


def nothing_in(out: Path) -> bool:
    return not out.exists() or not list(out.iterdir())


def plan_for(catalogue: Catalogue, profile: str, files: list[Path], **options):  # type: ignore[no-untyped-def]
    facts = [analyse(f).facts for f in files]
    return make_plan("Spring set", catalogue.profile(profile), facts, ExportOptions(**options))


def snapshot(files: list[Path]) -> list[tuple[bytes, int, int]]:
    return [(f.read_bytes(), f.stat().st_mtime_ns, f.stat().st_ino) for f in files]


def test_bundle_is_written_in_set_order_with_true_hashes(tmp_path: Path, catalogue: Catalogue,
                                                         exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1400, 1400), (1600, 1200), (1300, 1500)])
    before = snapshot(files)
    plan = plan_for(catalogue, "huaxu", files, ticks=(True, False, True))
    result = exporter.run(plan, tmp_path / "out")
    assert result.status == "written" and result.bundle == tmp_path / "out" / "Spring set"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Spring set"]
    assert sorted(p.name for p in result.bundle.iterdir()) == [
        "01.jpg", "02.jpg", "03.jpg", "manifest.json", "report.html"]
    manifest = json.loads((result.bundle / "manifest.json").read_text("utf-8"))
    assert [e["source"] for e in manifest["images"]] == [str(f) for f in files]
    for entry, source in zip(manifest["images"], files, strict=True):
        data = (result.bundle / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)
        assert entry["source_sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
        assert not [f for f in entry["findings"] if f["severity"] == "error"]
    assert [c["ticked"] for c in manifest["checklist"]] == [True, False, True]
    assert manifest["profile"]["id"] == "huaxu" and manifest["override"] is None
    assert snapshot(files) == before  # originals: same bytes, never rewritten or replaced
    assert "data:image/jpeg;base64," in (result.bundle / "report.html").read_text("utf-8")


def test_errors_refuse_the_export_and_nothing_is_written(tmp_path: Path, catalogue: Catalogue,
                                                         exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1400, 1400), (1000, 1000)])  # slot 2: under 1200×1200
    result = exporter.run(plan_for(catalogue, "huaxu", files), tmp_path / "out")
    assert result.status == "refused" and result.forceable
    assert [(slot, f.rule) for slot, f in result.errors] == [(2, "min-resolution")]
    assert nothing_in(tmp_path / "out")


def test_force_writes_and_records_the_override(tmp_path: Path, catalogue: Catalogue, exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1400, 1400), (1000, 1000)])
    plan = plan_for(catalogue, "huaxu", files, force=True, force_reason="the client accepts 1000 px")
    result = exporter.run(plan, tmp_path / "out")
    assert result.status == "written" and [f.rule for _, f in result.errors] == ["min-resolution"]
    manifest = json.loads((result.bundle / "manifest.json").read_text("utf-8"))
    assert manifest["override"]["reason"] == "the client accepts 1000 px"
    assert [(e["slot"], e["rule"]) for e in manifest["override"]["errors"]] == [(2, "min-resolution")]
    assert "Exported despite errors" in (result.bundle / "report.html").read_text("utf-8")


def test_disk_full_on_the_third_file_leaves_no_bundle_and_no_temp(
        tmp_path: Path, catalogue: Catalogue, exporter: Exporter, monkeypatch: pytest.MonkeyPatch) -> None:
    files = photos(tmp_path / "src", [(1400, 1400)] * 4)
    plan = plan_for(catalogue, "huaxu", files)
    real_write, calls = BundleWriter.write, []

    def write(self: BundleWriter, name: str, data: bytes) -> Path:
        calls.append(name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", name)
        return real_write(self, name, data)

    monkeypatch.setattr(BundleWriter, "write", write)
    with pytest.raises(ExportError, match="disk is full") as info:
        exporter.run(plan, tmp_path / "out")
    assert "磁盘已满" in info.value.message_zh
    assert nothing_in(tmp_path / "out")


def test_a_source_that_vanished_or_changed_stops_the_export(tmp_path: Path, catalogue: Catalogue,
                                                            exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1400, 1400), (1300, 1300), (1500, 1500)])
    plan = plan_for(catalogue, "huaxu", files)
    files[1].unlink()
    with pytest.raises(ExportError, match=r"Slot 2 .* has disappeared"):
        exporter.run(plan, tmp_path / "out")
    assert nothing_in(tmp_path / "out")
    photos(tmp_path / "src", [(1400, 1400), (1300, 1300)])[1].rename(files[1])
    files[2].write_bytes(files[2].read_bytes() + b"\0")
    with pytest.raises(ExportError, match=r"Slot 3 .* changed since it was checked"):
        exporter.run(plan, tmp_path / "out")
    assert nothing_in(tmp_path / "out")


def test_cancel_leaves_nothing(tmp_path: Path, catalogue: Catalogue, exporter: Exporter) -> None:
    plan = plan_for(catalogue, "huaxu", photos(tmp_path / "src", [(1400, 1400)] * 3))
    seen: list[tuple[int, int, str]] = []
    with pytest.raises(ExportCancelled):
        exporter.run(plan, tmp_path / "out", progress=lambda *a: seen.append(a), cancel=lambda: len(seen) >= 4)
    assert seen[:4] == [(1, 7, "processed"), (2, 7, "processed"), (3, 7, "processed"), (4, 7, "checked")]
    assert nothing_in(tmp_path / "out")


def test_progress_runs_to_the_total(tmp_path: Path, catalogue: Catalogue, exporter: Exporter) -> None:
    plan = plan_for(catalogue, "huaxu", photos(tmp_path / "src", [(1400, 1400)] * 2))
    seen: list[tuple[int, int, str]] = []
    exporter.run(plan, tmp_path / "out", progress=lambda *a: seen.append(a))
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5] and seen[-1] == (5, 5, "written")


def test_unchanged_set_is_recognised_and_a_second_export_gets_a_new_name(
        tmp_path: Path, catalogue: Catalogue, exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1400, 1400), (1300, 1300)])
    plan = plan_for(catalogue, "huaxu", files)
    assert exporter.unchanged(plan, tmp_path / "out") is None
    first = exporter.run(plan, tmp_path / "out")
    assert exporter.unchanged(plan, tmp_path / "out") == first.bundle
    assert exporter.unchanged(plan_for(catalogue, "huaxu", files[::-1]), tmp_path / "out") is None
    assert exporter.unchanged(plan_for(catalogue, "huaxu", files, zip=True), tmp_path / "out") is None
    second = exporter.run(plan, tmp_path / "out")
    assert second.bundle.name == "Spring set (2)" and (first.bundle / "01.jpg").exists()


def test_zip_is_written_beside_the_folder(tmp_path: Path, catalogue: Catalogue, exporter: Exporter) -> None:
    plan = plan_for(catalogue, "huaxu", photos(tmp_path / "src", [(1400, 1400)]), zip=True)
    result = exporter.run(plan, tmp_path / "out")
    assert result.zip_path == tmp_path / "out" / "Spring set.zip" and result.zip_path.stat().st_size > 10_000
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Spring set", "Spring set.zip"]


def test_undecodable_source_is_refused_and_cannot_be_forced(tmp_path: Path, catalogue: Catalogue,
                                                            exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1400, 1400)])
    heic = tmp_path / "src" / "IMG_9.HEIC"
    heic.write_bytes(b"\0\0\0\x18ftypheic" + bytes(200))
    result = exporter.run(plan_for(catalogue, "huaxu", [*files, heic], force=True), tmp_path / "out")
    assert result.status == "refused" and not result.forceable
    assert [(slot, f.rule) for slot, f in result.errors] == [(2, "format")]
    assert nothing_in(tmp_path / "out")


def test_uniform_canvas_fixes_canvas_and_orientation_mismatch(tmp_path: Path, catalogue: Catalogue,
                                                              exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1600, 1600), (1600, 1200), (1200, 1600), (1500, 1500)], scenes=True)
    refused = exporter.run(plan_for(catalogue, "new-arrival", files), tmp_path / "out")
    assert {f.rule for _, f in refused.errors} >= {"canvas-mismatch", "orientation-mismatch"}
    result = exporter.run(plan_for(catalogue, "new-arrival", files, canvas=True), tmp_path / "out")
    assert result.status == "written", result.errors
    assert {(e.width, e.height) for e in result.manifest.images} == {(1600, 1600)}
    assert [op.name for op in result.manifest.images[1].operations] == ["fill", "encode"]


@pytest.mark.parametrize(("ahead", "status"), [(timedelta(days=2), "written"), (timedelta(days=8), "refused")])
def test_planned_publish_time_is_checked_and_recorded(tmp_path: Path, catalogue: Catalogue, exporter: Exporter,
                                                      ahead: timedelta, status: str) -> None:
    files = photos(tmp_path / "src", [(1400, 1400)] * 3, scenes=True)
    china_time = (NOW + ahead).replace(tzinfo=None) + timedelta(hours=8)
    plan = plan_for(catalogue, "new-arrival", files, publish_at=china_time)
    result = exporter.run(plan, tmp_path / "out")
    assert result.status == status
    if status == "written":
        manifest = json.loads((result.bundle / "manifest.json").read_text("utf-8"))
        assert manifest["publish_at"] == "2024-06-03T12:00+08:00"
    else:
        assert [(slot, f.rule) for slot, f in result.errors] == [(None, "schedule")]


def test_banner_is_cropped_to_750_by_360(tmp_path: Path, catalogue: Catalogue, exporter: Exporter) -> None:
    src = imagegen.save(imagegen.scene((1600, 1200), seed=4), tmp_path / "src" / "wide.jpg")
    result = exporter.run(plan_for(catalogue, "banner", [src]), tmp_path / "out")
    assert result.status == "written", result.errors
    assert (result.manifest.images[0].width, result.manifest.images[0].height) == (750, 360)
    assert os.path.getsize(result.bundle / "01.jpg") == result.manifest.images[0].bytes


def test_uniform_canvas_pads_studio_shots_on_their_backdrop(tmp_path: Path, catalogue: Catalogue,
                                                            exporter: Exporter) -> None:
    files = photos(tmp_path / "src", [(1600, 1600), (1600, 1200), (1400, 1400)])
    result = exporter.run(plan_for(catalogue, "new-arrival", files, canvas=True), tmp_path / "out")
    assert result.status == "written", result.errors
    assert {(e.width, e.height) for e in result.manifest.images} == {(1600, 1600)}
    pads = [next((op.params for op in e.operations if op.name == "pad"), None) for e in result.manifest.images]
    assert pads[0] is None and pads[1]["scale"] == 1.0 and pads[2]["to"] == [1600, 1600]
    assert not {f.rule for _, f in result.errors}
