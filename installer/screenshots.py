"""The README's screenshots, made from the demo library so they show the current app.

    uv run python installer/screenshots.py

Runs offscreen in a temp folder with the app's real setup (text recognition on), and writes
docs/screenshots/: the main window with the 花絮图 set and with the 上新帖 post (English and
Chinese), the set preview, and the report of an exported bundle (rendered by headless
Chromium when it is installed, e.g. Debian's `chromium`; skipped with a note otherwise).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from aedesk.app import Session, add_demo_sets, build, qt_app
from aedesk.core.analysis.pipeline import analyse
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.export.options import ExportOptions
from aedesk.core.export.plan import make_plan
from aedesk.core.rules.profiles import load_catalogue
from aedesk.demo import ensure_demo
from aedesk.library.catalog import Catalog
from aedesk.library.exporter import Exporter
from aedesk.library.library import Library
from aedesk.library.thumbs import ThumbnailCache
from aedesk.ui.sets import SetPreviewDialog

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def pump(app: QApplication, done: Callable[[], bool], timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the demo library did not settle")
        app.processEvents()
        time.sleep(0.02)


def settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def window_shots(app: QApplication, session: Session, lang: str) -> None:
    window = session.window
    window.set_language(lang)
    grid = window.grid.view
    qr = next(r for r in range(grid.model().rowCount()) if "qr" in str(grid.model().index(r, 0).data()))
    grid.setCurrentIndex(grid.model().index(qr, 0))
    for kind, name in (("huaxu", "main-huaxu"), ("new-arrival", "main-post")):
        window.sets.select(next(s for s in session.store.sets() if s.kind == kind))
        settle(app, 1.0)
        save(window, f"{name}-{lang}")


def report_shot(session: Session, tmp: Path, engine: OcrEngine) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium: the report screenshot is left as it was")
        return
    s = next(s for s in session.store.sets() if s.kind == "huaxu")
    facts = [r.facts for r in (session.library.record(i) for i in s) if r is not None]
    rules = session.library.rules
    plan = make_plan(s.name, rules.profile(s.kind), facts, ExportOptions(ticks=(True, True, False)))
    result = Exporter(rules, lambda p: analyse(p, engine).facts).run(plan, tmp / "export")
    assert result.bundle is not None
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1000,1400", f"--screenshot={OUT / 'report.png'}",
                    (result.bundle / "report.html").as_uri()], check=True, capture_output=True)
    print(f"wrote {OUT / 'report.png'}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = qt_app()
    with tempfile.TemporaryDirectory(prefix="aedesk-shots-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # never the user's settings
        demo = ensure_demo(tmp)
        engine = OcrEngine()
        library = Library(Catalog.open(tmp / "catalog.sqlite3"), load_catalogue(), ocr=engine,
                          thumbnails=ThumbnailCache(tmp / "thumbs"))
        add_demo_sets(library, demo)
        settings = QSettings(str(tmp / "gui.ini"), QSettings.Format.IniFormat)
        session = build(app, library, language="en", settings=settings)
        session.window.resize(1500, 950)
        session.window.show()
        count = sum(not p.name.startswith(".") for p in demo.folder.iterdir())
        pump(app, lambda: len(library.entries()) == count and all(
            r.facts.text is not None or not r.facts.readable for r in library.records()))
        settle(app, 1.5)
        for lang in ("en", "zh"):
            window_shots(app, session, lang)
        session.window.set_language("en")
        huaxu = next(s for s in session.store.sets() if s.kind == "huaxu")
        preview = SetPreviewDialog(session.store, huaxu, session.window)
        preview.show()
        settle(app, 0.5)
        save(preview, "preview-huaxu")
        preview.close()
        report_shot(session, tmp, engine)
        session.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
