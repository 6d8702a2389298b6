"""The one place that finds aedesk's resource files (translations, icons, styles).

They live in the repository's top-level `resources/` folder. A checkout or an editable
install finds them beside the package; a wheel carries them as `aedesk/resources`; a
PyInstaller bundle puts them under its unpack folder. Nothing else builds such paths.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    frozen = getattr(sys, "_MEIPASS", None)
    found = [Path(frozen) / "resources"] if frozen else []
    return [*found, _PACKAGE / "resources", _PACKAGE.parent / "resources"]


def resources_dir() -> Path:
    """The folder holding `translations/`, `icons/`…; the checkout's when none is found."""
    for candidate in _candidates():
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of a resource file, e.g. `resource("icons", "aedesk.svg")`."""
    return resources_dir().joinpath(*parts)
