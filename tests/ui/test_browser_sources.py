"""The sources panel as a user drives it: folders, filter buttons, search, profile; and a
screenshot of the browsing half of the window with realistic content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import imagegen
import pytest
from browser_support import browser_models
from imagegen_codes import paste_code
from library_support import photo
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QWidget
from shiboken6 import Shiboken

from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.browser import GridPanel, SourcesPanel
from aedesk.ui.browser.folders import FolderListModel, PathRole
from aedesk.ui.browser.item import Item
from aedesk.ui.browser.marks import VerdictMark
from aedesk.ui.images import ImageStore

# WORKAROUND: the offscreen platform warns on showing any top-level window


class Window:
    """The browsing half of the main window, wired as the lead's main window wires it."""

    def __init__(self, store: ImageStore, proxy, bridge: LibraryBridge) -> None:
        self.widget = QWidget()
        self.sources = SourcesPanel(store, bridge, proxy, self.widget)
        self.grid = GridPanel(store, proxy, self.widget)
        layout = QHBoxLayout(self.widget)
        layout.addWidget(self.sources)
        layout.addWidget(self.grid, 1)
        self.proxy = proxy

    def names(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]


@pytest.fixture
def bridge(store: ImageStore) -> Iterator[LibraryBridge]:
    bridge = LibraryBridge()
    store.library.subscribe(bridge)
    yield bridge
    store.library.unsubscribe(bridge)


@pytest.fixture
def window(qtbot, store: ImageStore, bridge: LibraryBridge) -> Iterator[Window]:
    with browser_models(store) as (_, proxy):
        w = Window(store, proxy, bridge)
        w.widget.resize(1100, 640)
        w.widget.show()
        qtbot.waitExposed(w.widget)
        yield w
        Shiboken.delete(w.widget)


def test_folder_model_passes_the_model_tester(qtbot, qtmodeltester, store: ImageStore, bridge, tmp_path: Path) -> None:
    model = FolderListModel(store, bridge)
    assert model.rowCount() == 2 and model.index(0).data(PathRole) is None
    assert model.index(1).data() == "照片 photos  (6)"
    assert "6 images · 0 errors · 0 warnings" in model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(model)
    other = tmp_path / "other"
    photo(other / "x.jpg", seed=3, size=(1300, 1300))
    store.library.add_folder(other)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    qtmodeltester.check(model)
    Shiboken.delete(model)


def test_a_folder_added_with_the_button_shows_in_the_grid(qtbot, window: Window, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    new = tmp_path / "新品 new"
    photo(new / "new-1.jpg", seed=11, size=(1300, 1300))
    photo(new / "new-2.jpg", seed=12, size=(1300, 1300))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(new))
    qtbot.mouseClick(window.sources.add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.names()) == 8, timeout=10000)
    assert window.grid.count.text() == "8 of 8 images"
    folders = window.sources.folders
    qtbot.waitUntil(lambda: folders.rowCount() == 3, timeout=5000)
    row = folders.row_of(new.resolve())
    qtbot.mouseClick(window.sources.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sources.list.visualRect(folders.index(row)).center())
    assert window.names() == ["new-1.jpg", "new-2.jpg"]
    assert window.grid.count.text() == "2 of 8 images"
    qtbot.mouseClick(window.sources.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.grid.count.text() == "6 of 6 images", timeout=5000)
    assert (new / "new-1.jpg").exists()


def test_a_folder_dropped_from_the_file_manager_is_watched(qtbot, window: Window, tmp_path: Path) -> None:
    dropped = tmp_path / "dropped"
    photo(dropped / "d.jpg", seed=13, size=(1300, 1300))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    target = window.sources.list.viewport()
    pos = QPoint(10, target.height() - 10)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.sources, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.sources, drop)
    qtbot.waitUntil(lambda: "d.jpg" in window.names(), timeout=10000)


def test_filter_buttons_search_and_profile(qtbot, window: Window, photos: Path) -> None:
    photo(photos / "small 小图.jpg", seed=40, size=(1000, 1000))
    errors = window.sources.filters.buttons.button(1)
    qtbot.waitUntil(lambda: errors.text().endswith(" 1"), timeout=10000)
    qtbot.mouseClick(errors, Qt.MouseButton.LeftButton)
    assert window.names() == ["small 小图.jpg"]
    qtbot.mouseClick(window.sources.filters.buttons.button(3), Qt.MouseButton.LeftButton)  # OK
    assert len(window.names()) == 6 and "small 小图.jpg" not in window.names()
    qtbot.mouseClick(window.sources.filters.buttons.button(0), Qt.MouseButton.LeftButton)  # All
    search = window.sources.filters.search
    qtbot.keyClicks(search, "SMALL")
    assert window.names() == ["small 小图.jpg"]
    search.clear()
    typed = QInputMethodEvent()
    typed.setCommitString("小图")  # what a Chinese input method delivers
    QApplication.sendEvent(search, typed)
    assert search.text() == "小图" and window.names() == ["small 小图.jpg"]
    search.clear()
    assert len(window.names()) == 7
    mark = VerdictMark()
    assert mark._state(Item.of(window.proxy.index(6, 0), "en")) == "error"  # small 小图.jpg
    assert mark._state(Item.of(window.proxy.index(1, 0), "en")) == "ok"
    combo = window.sources.profile
    combo.setFocus()
    for _ in range(3):  # huaxu → new-arrival → article → banner
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.sources.profile.currentData() == "banner"
    qtbot.waitUntil(lambda: mark._state(Item.of(window.proxy.index(1, 0), "en")) == "error", timeout=2000)
    assert "banner-size" in [f.rule for f in Item.of(window.proxy.index(1, 0), "en").findings]
    settings = QSettings(str(photos.parent / "gui.ini"), QSettings.Format.IniFormat)
    qtbot.mouseClick(window.sources.filters.buttons.button(2), Qt.MouseButton.LeftButton)
    window.sources.save_state(settings)
    qtbot.mouseClick(window.sources.filters.buttons.button(0), Qt.MouseButton.LeftButton)
    window.sources.restore_state(settings)
    assert window.sources.filters.kind() == "warnings"


def test_screenshot_of_the_browser(qtbot, window: Window, store: ImageStore, photos: Path, screenshot) -> None:
    photo(photos / "small 小图.jpg", seed=40, size=(1000, 1000))
    qr, _ = paste_code(imagegen.product((1300, 1300), seed=21), fraction=0.12, angle=6.0)
    imagegen.save(qr, photos / "qr 二维码.jpg")
    s = store.library.create_set("huaxu", "封面")
    s.append([store.entries()[0].id])
    store.sets_edited()
    qtbot.waitUntil(lambda: len(window.names()) == 8 and all(not store.record(e.id).pending
                                                           for e in store.entries()), timeout=15000)
    qtbot.waitUntil(lambda: all(store.thumbnail(e.id) is not None for e in store.entries()), timeout=10000)
    window.grid.view.setCurrentIndex(window.proxy.index(1, 0))
    qtbot.wait(400)
    path = screenshot(window.widget, "browser")
    assert path.stat().st_size > 10_000
