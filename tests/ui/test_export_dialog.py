"""The export dialog, driven as a user would: choose a folder, tick, export; refusal and
"export anyway" with a reason; an unchanged set; the sources untouched."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from library_support import photo, wait_for
from PIL import Image
from PySide6.QtCore import QPoint, QSettings, Qt

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.analysis.pipeline import analyse
from aedesk.ui.export_dialog import ExportDialog, ExportRequest
from aedesk.ui.images import ImageStore


def _dialog(qtbot, store: ImageStore, tmp_path: Path, ids: list[int], check=lambda p: analyse(p).facts) -> ExportDialog:
    s = store.library.create_set("huaxu", "春季 Spring")
    s.append(ids)
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(store, ExportRequest.of_set(s), settings, check)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _written(qtbot, dialog: ExportDialog) -> Path:
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=30000)
    assert dialog.result_ is not None and dialog.result_.status == "written"
    assert dialog._open.isVisible()
    assert dialog.result_.bundle is not None
    return dialog.result_.bundle


def test_export_writes_the_bundle_in_set_order(qtbot, store: ImageStore, tmp_path: Path, screenshot) -> None:
    ids = [e.id for e in store.entries()][:3]
    sources = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (store.record(i).path for i in ids)}
    dialog = _dialog(qtbot, store, tmp_path, ids)
    assert not dialog._export.isEnabled()  # no folder chosen yet
    qtbot.keyClicks(dialog._folder, str(tmp_path / "uploads"))
    (tmp_path / "uploads").mkdir()
    dialog._ticks[0].click()
    dialog._zip.click()
    assert dialog._export.isEnabled()
    qtbot.mouseClick(dialog._export, Qt.MouseButton.LeftButton)
    bundle = _written(qtbot, dialog)
    screenshot(dialog, "export_done")
    assert sorted(p.name for p in bundle.iterdir()) == ["01.jpg", "02.jpg", "03.jpg", "manifest.json", "report.html"]
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    assert [Path(i["source"]).name for i in manifest["images"]] == [p.name for p in sources]
    assert manifest["checklist"][0]["ticked"] is True
    assert dialog.result_.zip_path is not None and dialog.result_.zip_path.exists()
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sources} == sources

    dialog._start(force=False)  # the same set again: recognised, nothing written
    assert "Unchanged" in dialog._outcome.text()
    assert len(list((tmp_path / "uploads").iterdir())) == 2  # the folder and its zip
    dialog.result_ = None
    qtbot.mouseClick(dialog._force, Qt.MouseButton.LeftButton)  # no reason needed to write it again
    _written(qtbot, dialog)
    assert len(list((tmp_path / "uploads").iterdir())) == 4  # a second bundle beside the first


def test_errors_block_export_until_forced_with_a_reason(qtbot, store: ImageStore, tmp_path: Path) -> None:
    small = photo(store.record(store.entries()[0].id).path.parent / "small.jpg", seed=9, size=(900, 900))
    [small_id] = store.library.catalogue_files([small])
    dialog = _dialog(qtbot, store, tmp_path, [small_id, store.entries()[0].id])
    dialog._folder.setText(str(tmp_path))
    assert not dialog._export.isEnabled()
    assert "1200" in dialog._blockers.text()
    assert not dialog._force.isEnabled()
    qtbot.keyClicks(dialog._reason, "the buyer asked for this detail")
    assert dialog._force.isEnabled()
    qtbot.mouseClick(dialog._force, Qt.MouseButton.LeftButton)
    bundle = _written(qtbot, dialog)
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    assert manifest["override"]["reason"] == "the buyer asked for this detail"
    assert any(e["rule"] == "min-resolution" for e in manifest["override"]["errors"])


def test_cancel_leaves_nothing(qtbot, store: ImageStore, tmp_path: Path) -> None:
    checking, release = threading.Event(), threading.Event()

    def slow_check(path: Path) -> ImageFacts:
        checking.set()
        release.wait(10)
        return analyse(path).facts

    dialog = _dialog(qtbot, store, tmp_path, [e.id for e in store.entries()][:3], slow_check)
    out = tmp_path / "out"
    out.mkdir()
    dialog._folder.setText(str(out))
    qtbot.mouseClick(dialog._export, Qt.MouseButton.LeftButton)
    wait_for(checking.is_set, what="the export to check its first file")
    qtbot.mouseClick(dialog._cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: dialog._run is None, timeout=30000)
    assert dialog.result_ is None
    assert "nothing was written" in dialog._outcome.text()
    assert list(out.iterdir()) == []


def test_banner_crop_window_is_chosen_by_dragging(qtbot, store: ImageStore, tmp_path: Path, screenshot) -> None:
    image_id = store.entries()[0].id
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    request = ExportRequest("banner-shot", "banner", (image_id,))
    dialog = ExportDialog(store, request, settings, lambda p: analyse(p).facts)
    qtbot.addWidget(dialog)
    dialog.show()
    [crop] = dialog._crops
    x, y, w, h = crop.crop_window()
    assert (x, w) == (0.0, 1.0) and abs(h - 1300 / 750 * 360 / 1300) < 0.01  # full width, centred
    centre = crop.rect().center()
    qtbot.mousePress(crop, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(crop, centre + QPoint(0, crop.height() // 4))
    qtbot.mouseRelease(crop, Qt.MouseButton.LeftButton, pos=centre + QPoint(0, crop.height() // 4))
    moved = crop.crop_window()
    assert moved[1] > y and moved[0] == x  # dragged down
    dialog._folder.setText(str(tmp_path))
    screenshot(dialog, "export_banner")
    qtbot.mouseClick(dialog._export, Qt.MouseButton.LeftButton)
    bundle = _written(qtbot, dialog)
    with Image.open(bundle / "01.jpg") as im:
        assert im.size == (750, 360)
    ops = json.loads((bundle / "manifest.json").read_text("utf-8"))["images"][0]["operations"]
    [crop_op] = [op for op in ops if "window" in op]
    assert abs(crop_op["window"][1] - moved[1]) < 0.01
