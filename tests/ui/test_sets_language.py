"""Switching the interface language re-reads the panel's texts (Qt's LanguageChange)."""
# ruff: noqa: F811  (fixtures imported from sets_support are redefined as parameters)

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import PySide6
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from sets_support import OFFSCREEN_SIZE_HINTS, panel, undo  # noqa: F401

from aedesk.ui.sets import SetsPanel

pytestmark = OFFSCREEN_SIZE_HINTS

CHINESE = {
    ("SetList", "New 花絮图 set"): "新建花絮图",
    ("SetStatus", "Export…"): "导出…",
    ("PostBoard", "Layout:"): "布局：",
}


def compiled(folder: Path) -> Path:
    """A .qm holding CHINESE, compiled by PySide6's lrelease as the build step does."""
    contexts = "".join(
        f"<context><name>{context}</name><message><source>{escape(source)}</source>"
        f"<translation>{escape(zh)}</translation></message></context>"
        for (context, source), zh in CHINESE.items()
    )
    ts = folder / "sets_zh.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">{contexts}</TS>',
                  "utf-8")
    tool = next(p for p in (Path(PySide6.__file__).parent / n for n in ("lrelease", "lrelease.exe")) if p.exists())
    subprocess.run([str(tool), "-silent", str(ts)], check=True)
    return ts.with_suffix(".qm")


def test_language_switch_retranslates_the_panel(qtbot, tmp_path: Path, panel: SetsPanel) -> None:
    translator = QTranslator()
    assert translator.load(str(compiled(tmp_path)))
    QApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.list.buttons["huaxu"].text() == "新建花絮图", timeout=2000)
        assert panel.status.export.text() == "导出…"
        assert panel.post.caption.text() == "布局："
    finally:
        QApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: panel.list.buttons["huaxu"].text() == "New 花絮图 set", timeout=2000)
