"""The composition root: builds the library, translators and the main window, and runs Qt.

Nothing else creates services: every object the window needs is made here and passed in.
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from aedesk import __version__
from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.analysis.pipeline import analyse
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.sets import ImageSet
from aedesk.demo import DemoLibrary, ensure_demo
from aedesk.library import paths
from aedesk.library.library import Library
from aedesk.ui.background import BackgroundCall
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.export_dialog import Analyse
from aedesk.ui.i18n import Translations
from aedesk.ui.images import ImageStore
from aedesk.ui.main_window import MainWindow
from aedesk.ui.settings import open_settings


@dataclass
class Session:
    """Everything one running window is made of; `close()` takes it down in order."""

    library: Library
    bridge: LibraryBridge
    store: ImageStore
    translations: Translations
    settings: QSettings
    window: MainWindow

    closed: bool = False

    def close(self) -> None:
        """Save the layout, take the Qt side down (its timers must not reach a closed
        catalog), then close the library. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        self.window.close()
        self.library.unsubscribe(self.bridge)
        self.store.thumbnails.shutdown()
        for call in self.window.findChildren(BackgroundCall):
            call.stop()
        for qt_object in (self.window, self.store, self.bridge):
            qt_object.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.translations.uninstall()
        self.library.close()


def qt_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("aedesk")
    app.setOrganizationName("aedesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.aedesk")  # matches the desktop entry (window icons, Wayland)
    return app


def _export_analyse() -> Analyse:
    """The analysis an export gives the files it wrote: with text recognition, loaded on
    the first export (the library's own engine is busy on its worker)."""
    engines: list[OcrEngine] = []
    lock = threading.Lock()  # the export analyses its files on several threads

    def run(path: Path) -> ImageFacts:
        with lock:
            if not engines:
                engines.append(OcrEngine())
        return analyse(path, engines[0]).facts

    return run


def build(app: QApplication, library: Library, *, language: str | None = None,
          settings: QSettings | None = None, export_analyse: Analyse | None = None) -> Session:
    """Wire a window over `library` (started here). `language`: "zh", "en" or None (the
    saved choice, else the system's)."""
    settings = settings or open_settings()
    translations = Translations(app)
    translations.apply(language or str(settings.value("language", "")))
    bridge = LibraryBridge()
    library.subscribe(bridge)
    store = ImageStore(library, bridge, profile=str(settings.value("profile", "huaxu")))
    window = MainWindow(store, bridge, translations, settings, export_analyse or _export_analyse())
    library.start()
    for notice in library.notices:
        window.notify(notice)
    return Session(library, bridge, store, translations, settings, window)


def add_demo_sets(library: Library, demo: DemoLibrary) -> None:
    """The demo's ready sets, made once (a user who deleted them keeps them deleted)."""
    library.add_folder(demo.folder)
    if any(s.name == d.name for s in library.sets() for d in demo.sets):
        return
    for d in demo.sets:
        ids = library.catalogue_files(demo.paths(d))
        s: ImageSet[int] = library.create_set(d.kind, d.name)
        s.append(ids)


def run_gui(*, demo: bool = False, language: str | None = None) -> int:
    app = qt_app()
    library = Library.open_default(ocr=OcrEngine())
    if demo:
        add_demo_sets(library, ensure_demo(paths.data_dir()))
    session = build(app, library, language=language)
    session.window.restore_layout()
    session.window.show()
    try:
        return app.exec()
    finally:
        session.close()


def main() -> None:
    """The GUI script (`aedesk-gui`): the app, as `aedesk` without a command."""
    from aedesk.cli import run

    sys.exit(run(sys.argv[1:] or []))
