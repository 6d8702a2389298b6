"""The whole window, driven as a user would: the demo library, each set kind, the preview,
the language menu, keys 1–5, export from a set, and what persists across a restart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from library_support import settled, wait_for
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from aedesk.app import Session, add_demo_sets, build
from aedesk.core.analysis.pipeline import analyse
from aedesk.core.rules.profiles import load_catalogue
from aedesk.demo import DemoLibrary, ensure_demo
from aedesk.library.catalog import Catalog
from aedesk.library.library import Library
from aedesk.library.thumbs import ThumbnailCache
from aedesk.ui.export_dialog import ExportDialog
from aedesk.ui.sets import SetPreviewDialog

Open = Callable[..., Session]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoLibrary:
    return ensure_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Open]:
    """`open_window(demo=…, language=…)`: a window over a library in tmp_path; reopening
    uses the same catalog and settings, as a restart does."""
    sessions: list[Session] = []

    def open_(demo: DemoLibrary | None = None, language: str | None = "en") -> Session:
        library = Library(Catalog.open(tmp_path / "data" / "catalog.sqlite3"), load_catalogue(),
                          thumbnails=ThumbnailCache(tmp_path / "thumbs"), debounce=0.15, workers=2)
        if demo is not None:
            add_demo_sets(library, demo)
        settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
        session = build(QApplication.instance(), library, language=language, settings=settings,
                        export_analyse=lambda p: analyse(p).facts)
        session.window.restore_layout()
        session.window.show()
        qtbot.waitExposed(session.window)
        sessions.append(session)
        return session

    yield open_
    for session in sessions:
        session.close()


def _thumbnails_shown(session: Session) -> bool:
    view = session.window.grid.view
    return all(session.store.thumbnail(i) is not None for i in view.visible_ids())


def _ready(qtbot, session: Session, count: int) -> None:
    wait_for(settled(session.library, count), timeout=60, what="the demo to be analysed")
    qtbot.waitUntil(lambda: session.window.grid.view.visible_ids() and _thumbnails_shown(session), timeout=20000)
    qtbot.waitUntil(lambda: session.window.proxy.counts.get("all") == count, timeout=5000)  # (throttled)
    qtbot.waitUntil(lambda: f"✓ {count - 6} ok" in session.window.status._totals.text(), timeout=5000)


def _select_set(session: Session, kind: str) -> None:
    panel = session.window.sets
    panel.select(next(s for s in session.store.sets() if s.kind == kind))


def test_empty_window(qtbot, open_window: Open, screenshot) -> None:
    session = open_window()
    assert session.window.grid.view.model().rowCount() == 0
    screenshot(session.window, "main_empty")


def test_demo_library_sets_and_preview(qtbot, open_window: Open, demo: DemoLibrary, screenshot) -> None:
    session = open_window(demo)
    _ready(qtbot, session, 16)
    screenshot(session.window, "main_demo")
    for kind, name in (("huaxu", "main_huaxu"), ("new-arrival", "main_post")):
        _select_set(session, kind)
        qtbot.wait(200)
        screenshot(session.window, name)
    _select_set(session, "huaxu")
    dialog = SetPreviewDialog(session.store, session.window.sets.current_set(), session.window)
    qtbot.addWidget(dialog)
    dialog.show()
    screenshot(dialog, "main_preview_huaxu")


def test_language_switches_from_the_menu_without_restart(qtbot, open_window: Open, screenshot) -> None:
    session = open_window()
    window = session.window
    window.language_actions["zh"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "aedesk — 商品图检查工具")
    assert window._docks["sets"].windowTitle() == "图组"
    assert session.store.language == "zh"
    screenshot(window, "main_zh")
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window._docks["sets"].windowTitle() == "Sets")
    assert session.settings.value("language") == "en"


def test_number_keys_put_the_selected_photo_into_that_slot(qtbot, open_window: Open, demo: DemoLibrary) -> None:
    session = open_window(demo)
    _ready(qtbot, session, 16)
    _select_set(session, "huaxu")
    huaxu = session.window.sets.current_set()
    before = list(huaxu)
    view = session.window.grid.view
    view.setFocus()
    target = next(r for r in range(view.model().rowCount())
                  if view.model().index(r, 0).data(Qt.ItemDataRole.DisplayRole) == "05-bottle-purple.jpg")
    view.setCurrentIndex(view.model().index(target, 0))
    qtbot.keyClick(view, Qt.Key.Key_2)
    purple = session.library.id_for_path(demo.folder / "05-bottle-purple.jpg")
    assert huaxu[1] == purple and len(huaxu) == len(before)
    session.window.undo_action.trigger()
    assert list(huaxu) == before


def test_export_button_of_a_set_opens_the_dialog(qtbot, open_window: Open, demo: DemoLibrary) -> None:
    session = open_window(demo)
    _ready(qtbot, session, 16)
    _select_set(session, "huaxu")
    session.window.export_action.trigger()
    dialog = session.window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert "工厂花絮" in dialog._title.text()
    dialog.done(QDialog.DialogCode.Rejected)


def test_sets_layout_and_choices_survive_a_restart(qtbot, open_window: Open, demo: DemoLibrary) -> None:
    session = open_window(demo)
    _ready(qtbot, session, 16)
    session.window.language_actions["zh"].trigger()
    session.window.sources.profile.setCurrentIndex(1)  # 上新帖
    _select_set(session, "new-arrival")
    post = session.window.sets.current_set()
    names = [s.name for s in session.store.sets()]
    session.window.resize(790, 600)  # (the offscreen screen is 800 px wide)
    size = session.window.size()
    session.close()
    again = open_window(None, language=None)
    assert again.translations.language == "zh"
    assert again.store.profile == "new-arrival"
    assert [s.name for s in again.store.sets()] == names
    assert again.window.sets.current_set().id == post.id
    assert again.window.size() == size
