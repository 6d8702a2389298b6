"""The GUI's own settings (window layout, language, profile) in an INI file in the config dir.

QSettings writes the file through a temp file and a rename (its atomic-save mode), so a
crash mid-write leaves the previous settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from aedesk.library import paths


def open_settings() -> QSettings:
    path = paths.config_dir() / "gui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setAtomicSyncRequired(True)
    return settings
