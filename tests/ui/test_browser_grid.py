"""The grid as a user drives it: keys, tooltips of badges, drags, sizes, files changing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import browser_models
from library_support import photo
from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPoint, QRect, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip, QWidget
from shiboken6 import Shiboken

from aedesk.ui.browser import GridPanel
from aedesk.ui.browser.badges import NEUTRAL, RED, Badge, FileSizeBadge, PixelSizeBadge
from aedesk.ui.browser.delegate import ThumbnailDelegate
from aedesk.ui.browser.item import Item
from aedesk.ui.browser.model import Role
from aedesk.ui.browser.tile import TileLayout
from aedesk.ui.images import ImageStore
from aedesk.ui.mime import IMAGE_IDS, image_ids

# WORKAROUND: the offscreen platform warns on showing any top-level window


@pytest.fixture
def grid(qtbot, store: ImageStore) -> Iterator[GridPanel]:
    with browser_models(store) as (_, proxy):
        panel = GridPanel(store, proxy)
        panel.resize(760, 520)
        panel.show()
        qtbot.waitExposed(panel)
        yield panel
        Shiboken.delete(panel)


def index_of(grid: GridPanel, name: str) -> QModelIndex:
    model = grid.view.model()
    return next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == name)


def badge(grid: GridPanel, index: QModelIndex, kind: type[Badge]) -> tuple[Badge, QRect, Item]:
    """The badge of `kind` on the tile of `index` as the delegate lays it out."""
    view = grid.view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    small = QFontMetrics(ThumbnailDelegate._small(option))
    item = Item.of(index, "en")
    placed = TileLayout(option.rect, option.decorationSize, option.fontMetrics, small).badges(item)
    found = [(b, r) for b, r in placed if isinstance(b, kind)]
    assert found, f"no {kind.__name__} on {index.data()}"
    return found[0][0], found[0][1], item


def hover(widget: QWidget, pos: QPoint) -> None:
    """What Qt sends when the mouse rests over `pos`."""
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))


def test_space_and_digits_ask_for_a_preview_and_a_slot(qtbot, grid: GridPanel) -> None:
    view = grid.view
    third = view.model().index(2, 0)
    with qtbot.waitSignal(view.currentImageChanged) as current:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(third).center())
    assert current.args == [third.data(Role.IdRole)]
    assert view.selected_ids() == [third.data(Role.IdRole)]
    with qtbot.waitSignal(view.previewRequested) as preview:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert preview.args == [third.data(Role.IdRole)]
    with qtbot.waitSignal(view.slotRequested) as slot:
        qtbot.keyClick(view, Qt.Key.Key_3)
    assert slot.args == [3]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_ids() == [view.model().index(r, 0).data(Role.IdRole) for r in (2, 3)]


def test_dragging_the_selection_carries_its_ids(qtbot, grid: GridPanel) -> None:
    view = grid.view
    view.selectAll()
    mime = view.model().mimeData(view.selectedIndexes())
    assert mime.hasFormat(IMAGE_IDS)
    assert image_ids(mime) == view.selected_ids() and len(view.selected_ids()) == 6


def test_a_badge_tooltip_shows_under_the_mouse(qtbot, grid: GridPanel) -> None:
    view = grid.view
    index = view.model().index(0, 0)
    size_badge, rect, item = badge(grid, index, PixelSizeBadge)
    assert size_badge.colour(item) == NEUTRAL
    hover(view.viewport(), rect.center())
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    assert QToolTip.text() == "Pixel size: 1300×1300"
    _, rect, _ = badge(grid, index, FileSizeBadge)
    hover(view.viewport(), rect.center())
    qtbot.waitUntil(lambda: QToolTip.text().startswith("File size: "), timeout=2000)
    QToolTip.hideText()


def test_a_file_shrinking_on_disk_turns_its_size_badge_red(qtbot, grid: GridPanel, photos: Path) -> None:
    index = index_of(grid, "shot-02.jpg")
    photo(photos / "shot-02.jpg", seed=2, size=(1000, 1000), old=False)
    qtbot.waitUntil(lambda: badge(grid, index, PixelSizeBadge)[0].label(badge(grid, index, PixelSizeBadge)[2])
                    == "1000×1000", timeout=10000)
    size_badge, _, item = badge(grid, index, PixelSizeBadge)
    assert size_badge.colour(item) == RED
    assert "1200" in size_badge.tooltip(item)


def test_the_size_slider_resizes_tiles_and_is_remembered(qtbot, grid: GridPanel, tmp_path: Path) -> None:
    view = grid.view
    before = view.visualRect(view.model().index(0, 0)).width()
    grid.slider.setValue(96)
    assert view.iconSize().width() == 96
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(0, 0)).width() < before)
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    grid.save_state(settings)
    grid.slider.setValue(200)
    grid.restore_state(settings)
    assert grid.slider.value() == 96
    assert grid.count.text() == "6 of 6 images"


@pytest.mark.parametrize("size", [96, 256])
def test_badges_never_overlap_nor_cover_the_photo(qtbot, grid: GridPanel, size: int) -> None:
    grid.slider.setValue(size)
    view = grid.view
    index = view.model().index(0, 0)
    qtbot.waitUntil(lambda: bool(index.data(Role.DuplicateRole)))  # (searched on a worker)
    store_item = Item.of(index, "en")
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    layout = TileLayout(option.rect, option.decorationSize, option.fontMetrics,
                        QFontMetrics(ThumbnailDelegate._small(option)))
    rects = [r for _, r in layout.badges(store_item)]
    assert len(rects) == (3 if size == 96 else 5)  # small tiles leave out what does not fit
    for n, a in enumerate(rects):
        assert option.rect.contains(a)
        assert not any(a.intersects(b) for b in rects[n + 1:])
    covered = sum(r.width() * r.height() for r in rects if r.intersects(layout.photo))
    assert covered < layout.photo.width() * layout.photo.height() / 4


def test_a_folder_dropped_on_the_grid_is_watched(qtbot, grid: GridPanel, tmp_path: Path) -> None:
    dropped = tmp_path / "dropped"
    photo(dropped / "d.jpg", seed=13, size=(1300, 1300))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    viewport, pos = grid.view.viewport(), QPoint(20, 20)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(pos, *args))
    qtbot.waitUntil(lambda: grid.count.text() == "7 of 7 images", timeout=10000)
