"""`aedesk --self-test`: proves that a build (frozen or not) works from end to end.

In a throwaway folder it opens the main window offscreen over a new library, lets the
library catalogue a generated product photo, checks the photo against the rules (with text
recognition when the OCR models load, and says which), exports it as an upload bundle and
reads the bundle's manifest back. One line per step; exit status 0 when every step passed,
1 with the failing step named. It never touches the user's catalog, settings or photos.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from aedesk import __version__, app
from aedesk.core.analysis.pipeline import analyse
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.export.options import ExportOptions
from aedesk.core.export.plan import make_plan
from aedesk.core.rules.profiles import Catalogue, load_catalogue
from aedesk.demo import imagery
from aedesk.library.catalog import Catalog
from aedesk.library.checker import Checker
from aedesk.library.exporter import Exporter
from aedesk.library.library import Library
from aedesk.library.thumbs import ThumbnailCache
from aedesk.resources import resource

TIMEOUT_S = 60.0  # for the library to catalogue one photo, on a slow machine


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    with tempfile.TemporaryDirectory(prefix="aedesk-selftest-") as tmp:
        try:
            _steps(Path(tmp))
        except Exception as exc:  # any failure is the answer: report it, never a traceback
            print(f"self-test FAILED: {type(exc).__name__}: {exc}", flush=True)
            return 1
    print("self-test passed", flush=True)
    return 0


def _say(step: str, result: str) -> None:
    print(f"{step:<13}{result}", flush=True)


def _steps(tmp: Path) -> None:
    _say("version", __version__)
    icon, qm = resource("icons", "aedesk.svg"), resource("translations", "aedesk_zh_CN.qm")
    if not icon.is_file() or not qm.is_file():
        raise RuntimeError(f"resources missing: {icon if not icon.is_file() else qm}")
    _say("resources", str(icon.parent.parent))
    photo = imagery.save(imagery.product((1600, 1600), seed=7), tmp / "photos" / "product.jpg")
    _say("image", f"{photo.name} 1600×1600 generated")
    rules = load_catalogue()
    library = Library(Catalog.open(tmp / "catalog.sqlite3"), rules, thumbnails=ThumbnailCache(tmp / "thumbnails"))
    library.add_folder(photo.parent)  # scanned when the window starts the library
    qt = app.qt_app()
    session = app.build(qt, library, language=None, settings=QSettings(str(tmp / "settings.ini"),
                                                                     QSettings.Format.IniFormat))
    try:
        session.window.show()
        _wait(qt.processEvents, lambda: any(not e.pending for e in library.entries()))
        _say("window", f"shown offscreen ({qt.platformName()}), {len(library.entries())} image catalogued")
        _check_and_export(photo, rules, tmp / "export")
    finally:
        try:
            session.close()
        finally:
            library.close()  # its threads must end even if the window failed to close, or the process hangs


def _wait(pump: Callable[[], None], done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the library did not catalogue the photo in {TIMEOUT_S:.0f} s")
        pump()
        time.sleep(0.02)


def _check_and_export(photo: Path, rules: Catalogue, out: Path) -> None:
    engine = OcrEngine()
    reason = engine.available()
    ocr = engine if reason is None else None
    checker = Checker(rules, ocr)
    profile = rules.profile("huaxu")
    result = checker.check([photo], profile)
    facts, findings = result.facts[0], result.findings[0]
    if facts.error:
        raise RuntimeError(f"analysis failed: {facts.error}")
    errors = [f.rule for f in findings if f.severity.rank >= 2]
    if errors:
        raise RuntimeError(f"the generated photo should pass {profile.id}, but: {', '.join(errors)}")
    _say("check", f"{profile.id}: {len(findings)} findings, no errors; OCR: {engine.name if ocr else reason}")
    plan = make_plan("self-test", profile, result.facts, ExportOptions())
    written = Exporter(rules, lambda path: analyse(path, ocr).facts).run(plan, out)
    manifest = (written.bundle / "manifest.json") if written.bundle else None
    if written.status != "written" or manifest is None or not manifest.is_file():
        raise RuntimeError(f"export {written.status}: no manifest written")
    images = json.loads(manifest.read_text(encoding="utf-8"))["images"]
    _say("export", f"{written.bundle.name if written.bundle else ''}: {len(images)} image, manifest.json")
