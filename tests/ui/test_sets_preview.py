"""The set preview (carousel, post grid) and screenshots of the panel and the preview."""
# ruff: noqa: F811  (fixtures imported from sets_support are redefined as parameters)

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragLeaveEvent
from PySide6.QtWidgets import QApplication
from sets_support import OFFSCREEN_SIZE_HINTS, hover, left_of, panel, undo  # noqa: F401

from aedesk.core.findings import Severity
from aedesk.demo import imagery as im
from aedesk.ui.images import ImageStore
from aedesk.ui.mime import image_ids_mime
from aedesk.ui.sets import SetPreviewDialog, SetsPanel
from aedesk.ui.sets.board_model import Role
from aedesk.ui.sets.list_model import verdict_dot

pytestmark = OFFSCREEN_SIZE_HINTS


LOOKS = [((180, 40, 40), "box"), ((40, 90, 170), "bottle"), ((220, 120, 30), "jar"), ((40, 140, 80), "bottle"),
         ((110, 60, 150), "bottle"), ((20, 130, 140), "box"), ((90, 90, 100), "jar")]


def product_shots(store: ImageStore, folder: Path) -> list[int]:
    """Seven products of different colours and shapes, the last with a QR sticker, catalogued."""
    folder.mkdir()
    paths = []
    for n, (colour, shape) in enumerate(LOOKS):
        img = im.product((1300, 1300), colour=colour, seed=20 + n, shape=shape)
        if n == len(LOOKS) - 1:
            img = im.with_qr(img, "https://wa.me/8613800000000")
        paths.append(im.save(img, folder / f"product-{n + 1}.jpg"))
    return store.library.catalogue_files(paths)


def thumbnails_loaded(qtbot, store: ImageStore, items: list[int]) -> None:
    qtbot.waitUntil(lambda: all(store.thumbnail(i) is not None for i in items), timeout=5000)


def preview(qtbot, store: ImageStore, folder: Path, kind: str, count: int) -> SetPreviewDialog:
    """The shown preview of a new set of `count` product shots."""
    s = store.library.create_set(kind, "夏季连衣裙 Summer dress")
    s.append(product_shots(store, folder)[:count])
    dialog = SetPreviewDialog(store, s)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_carousel_keys_and_strip(qtbot, tmp_path: Path, store: ImageStore, screenshot) -> None:
    dialog = preview(qtbot, store, tmp_path / "products", "huaxu", 3)
    assert dialog.label.text() == "1 / 3 · Cover" and not dialog.previous.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Right)
    qtbot.keyClick(dialog, Qt.Key.Key_Right)
    assert dialog.label.text() == "3 / 3" and not dialog.next.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Right)
    assert dialog.current == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Left)
    assert dialog.label.text() == "2 / 3" and dialog.strip[1].isChecked()
    qtbot.mouseClick(dialog.strip[0], Qt.MouseButton.LeftButton)
    assert dialog.current == 0 and not dialog.image.pixmap().isNull()
    screenshot(dialog, "preview_huaxu")
    shiboken6.delete(dialog)


def test_post_preview_is_its_grid(qtbot, tmp_path: Path, store: ImageStore, screenshot) -> None:
    dialog = preview(qtbot, store, tmp_path / "products", "new-arrival", 4)
    cells = dialog.findChildren(type(dialog.label))
    assert len([c for c in cells if c.pixmap() is not None and not c.pixmap().isNull()]) == 4
    assert dialog.label.text() == "4 products"
    screenshot(dialog, "preview_post")
    shiboken6.delete(dialog)


def test_panel_screenshots(qtbot, tmp_path: Path, photos: Path, panel: SetsPanel, store: ImageStore,
                           screenshot) -> None:
    ids = product_shots(store, tmp_path / "products")
    watched = store.library.id_for_path(photos / "shot-01.jpg")  # in a watched folder: its deletion is seen
    huaxu = store.library.create_set("huaxu", "夏季连衣裙 Summer dress")
    huaxu.append([*ids[:2], watched])
    post = store.library.create_set("new-arrival", "秋季上新 Autumn arrivals")
    post.append(ids[1:])
    store.library.create_set("huaxu", "工厂实拍 Factory")
    store.sets_edited()
    thumbnails_loaded(qtbot, store, [*ids, watched])
    panel.select(huaxu)
    view = panel.huaxu.view
    assert hover(view, image_ids_mime([ids[5]]), left_of(view, 1)).isAccepted()
    assert view.drop_row(left_of(view, 1)) == 1
    (photos / "shot-01.jpg").unlink()
    qtbot.waitUntil(lambda: view.model().index(2).data(Role.MISSING), timeout=8000)
    red = verdict_dot(Severity.ERROR).cacheKey()
    assert panel.list.model.index(0).data(Qt.ItemDataRole.DecorationRole).cacheKey() == red
    qtbot.wait(50)
    screenshot(panel, "sets_huaxu")  # a drop about to land in slot 2; slot 3's file is gone
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    panel.select(post)
    qtbot.wait(50)
    assert panel.post.note.isHidden()
    post.remove(4)
    store.sets_edited()
    qtbot.waitUntil(lambda: not panel.post.note.isHidden(), timeout=1000)
    lines = panel.status.findings
    qtbot.waitUntil(lambda: any(lines.item(n).text().startswith("Slot 5: A QR code") for n in range(lines.count())),
                    timeout=1000)
    screenshot(panel, "sets_post")
