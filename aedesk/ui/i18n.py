"""The interface language: Simplified Chinese or English, following the system, switchable.

English is the source language of every `tr()` string; Chinese comes from
`resources/translations/aedesk_zh_CN.qm` (compiled from the `.ts` by the build step) and
Qt's own translations for standard dialogs when present. Switching installs or removes the
translators; Qt then sends every widget a LanguageChange event and each re-reads its texts.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from aedesk.resources import resource

LANGUAGES = ("zh", "en")


def system_language() -> str:
    """`zh` for a Chinese system locale (any script or region), else `en`."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations:
    """Owns the installed translators of one QApplication."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"
        self.problem: str | None = None  # why Chinese could not be loaded, for the user

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            language = system_language()
        self.uninstall()
        self.language = language
        if language == "zh":
            self._install_chinese()
        QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh" else QLocale.Language.English))

    def uninstall(self) -> None:
        """Remove the translators this object installed (English again)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []

    def _install_chinese(self) -> None:
        ours = QTranslator(self._app)
        qm = resource("translations", "aedesk_zh_CN.qm")
        if ours.load(str(qm)):
            self._app.installTranslator(ours)
            self._installed.append(ours)
            self.problem = None
        else:
            self.problem = f"translation file missing: {qm}"
        qt = QTranslator(self._app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt)
            self._installed.append(qt)
