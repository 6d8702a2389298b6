"""The inspector (facts, findings with their sources, boxes outlined, following changes) and
the status bar (progress per stage, cancel, totals)."""

from __future__ import annotations

from pathlib import Path

from library_support import wait_for
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from aedesk.demo import imagery
from aedesk.library.records import Progress
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.images import ImageStore
from aedesk.ui.inspector import Inspector
from aedesk.ui.status import StatusBar


def _qr_photo(store: ImageStore) -> int:
    folder = store.record(store.entries()[0].id).path.parent
    path = folder / "二维码 qr.jpg"
    imagery.save(imagery.with_qr(imagery.product((1300, 1300), seed=3), "https://wa.me/8613800000000"), path)
    [image_id] = store.library.catalogue_files([path])
    return image_id


def test_inspector_shows_findings_with_their_source_and_outlines_the_code(qtbot, store: ImageStore,
                                                                          screenshot) -> None:
    image_id = _qr_photo(store)
    inspector = Inspector(store)
    qtbot.addWidget(inspector)
    inspector.resize(360, 800)
    inspector.show_image(image_id)
    assert "1300 × 1300" in inspector._facts.text()
    html = inspector._findings.text()
    assert "qr-code" in html and "Source:" in html
    pixmap = inspector._preview.pixmap()
    red = [QColor(pixmap.toImage().pixel(x, y)) for x in range(pixmap.width()) for y in (pixmap.height() * 3 // 4,)]
    assert any(c.red() > 150 and c.green() < 80 and c.blue() < 80 for c in red)  # the box, in error red
    store.set_language("zh")
    assert "二维码" in inspector._findings.text() or "码" in inspector._findings.text()
    screenshot(inspector, "inspector")


def test_inspector_follows_a_file_that_disappears(qtbot, store: ImageStore) -> None:
    image_id = store.entries()[0].id
    store.library.create_set("huaxu", "keeps it").append([image_id])  # so the row stays, as missing
    inspector = Inspector(store)
    qtbot.addWidget(inspector)
    inspector.show_image(image_id)
    assert inspector._reveal.isEnabled()
    Path(store.record(image_id).path).unlink()
    qtbot.waitUntil(lambda: inspector._preview.text() == "File missing", timeout=10000)
    assert not inspector._reveal.isEnabled()


def test_status_bar_shows_each_stage_and_cancels(qtbot, store: ImageStore, monkeypatch) -> None:
    bridge = LibraryBridge()
    bar = StatusBar(store, bridge)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitUntil(lambda: "✓ 6 ok" in bar._totals.text())  # counted on a worker
    assert not bar._cancel.isVisible()
    bridge.progressed.emit(Progress("ocr", 2, 6, "/photos/shot-03.jpg"))
    assert bar._stage.text() == "Reading text 2 / 6  shot-03.jpg"
    assert bar._cancel.isVisible()
    cancelled = []
    monkeypatch.setattr(store.library, "cancel", lambda: cancelled.append(True))
    qtbot.mouseClick(bar._cancel, Qt.MouseButton.LeftButton)
    assert cancelled == [True]
    bridge.progressed.emit(Progress("ocr", 6, 6, ""))
    assert not bar._cancel.isVisible()


def test_status_totals_follow_the_profile(qtbot, store: ImageStore) -> None:
    bar = StatusBar(store, LibraryBridge())
    qtbot.addWidget(bar)
    store.set_profile("banner")  # 1300 × 1300 is no banner
    wait_for(lambda: (qtbot.wait(50), "✕ 6 errors" in bar._totals.text())[1], what="the totals to follow")
