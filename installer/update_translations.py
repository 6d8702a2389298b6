"""Refresh resources/translations/*.ts from the tr() strings in aedesk/ui (for translators).

    uv run python installer/update_translations.py

New strings arrive as "unfinished"; translate them in Qt Linguist (`uv run pyside6-linguist
resources/translations/aedesk_zh_CN.ts`) or any editor. A test fails while one is missing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def sources() -> list[Path]:
    return sorted((ROOT / "aedesk" / "ui").rglob("*.py"))


def lupdate(ts: Path, *options: str) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(tool), *options, *map(str, sources()), "-ts", str(ts)], check=True, cwd=ROOT)


def main() -> None:
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        lupdate(ts, "-no-obsolete", "-locations", "none")


if __name__ == "__main__":
    main()
