"""Build step: compile the Qt translations (`resources/translations/*.ts` → `.qm`).

Runs whenever the package is built, editable installs included (`uv run` rebuilds when a
`.ts` file changes: see `tool.uv.cache-keys`), so the compiled files are never committed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def lrelease() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).parent
    return next(p for p in (folder / "lrelease", folder / "lrelease.exe") if p.exists())


def compile_translations(folder: Path) -> list[Path]:
    """Compile every `.ts` in `folder` into a `.qm` beside it; returns the `.qm` files."""
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


class TranslationsHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_translations(Path(self.root) / "resources" / "translations")
