"""The Chinese translation covers every tr() string of the interface, and is what loads."""

from __future__ import annotations

import runpy
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from aedesk.resources import resource
from aedesk.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "aedesk_zh_CN.ts"


def _untranslated(ts: Path) -> list[str]:
    return [f"{c.findtext('name')}: {m.findtext('source')}" for c in ET.parse(ts).getroot().iter("context")
            for m in c.iter("message") if m.find("translation").get("type") == "unfinished"]


def test_every_interface_string_has_a_chinese_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    update = runpy.run_path(str(ROOT / "installer" / "update_translations.py"))
    update["lupdate"](copy, "-silent", "-no-obsolete", "-locations", "none")
    assert _untranslated(copy) == [], "run installer/update_translations.py and translate the new strings"


def test_the_built_translation_loads_and_switches_back(qapp) -> None:
    assert resource("translations", "aedesk_zh_CN.qm").exists(), "the build step compiles the .ts"
    translations = Translations(qapp)
    translations.apply("zh")
    assert translations.problem is None
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    translations.apply("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
