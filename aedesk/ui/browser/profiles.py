"""The profile selector: which platform rules colour the badges and verdicts."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from aedesk.core.rules.profiles import PROFILE_ORDER
from aedesk.ui.images import ImageStore


class ProfileBox(QComboBox):
    """Chinese names (what sellers call them), with the English name in the English UI."""

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        for pid in PROFILE_ORDER:
            self.addItem("", pid)
        self.setCurrentIndex(PROFILE_ORDER.index(store.profile))
        self.currentIndexChanged.connect(self._on_index_changed)
        store.profileChanged.connect(self._on_profile_changed)
        store.languageChanged.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, *_args: object) -> None:
        for n, pid in enumerate(PROFILE_ORDER):
            profile = self._store.library.profile(pid)
            english = "" if self._store.language == "zh" else f" · {profile.name}"
            self.setItemText(n, profile.name_zh + english)
        self.setToolTip(self.tr("The platform rules the badges and filters check against"))

    def _on_index_changed(self, index: int) -> None:
        self._store.set_profile(PROFILE_ORDER[index])

    def _on_profile_changed(self, profile: str) -> None:
        self.setCurrentIndex(PROFILE_ORDER.index(profile))
