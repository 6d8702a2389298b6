"""The filter buttons (All / Errors / Warnings / OK / Not in a set, with counts) and the name
search above the grid's sources."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from aedesk.ui.browser.filter import KINDS, ImageFilterModel


class FilterBar(QWidget):
    def __init__(self, proxy: ImageFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(2)
        for n, kind in enumerate(KINDS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setObjectName(f"filter-{kind}")
            button.setAutoRaise(True)
            self.buttons.addButton(button, n)
            row.addWidget(button)
        row.addStretch(1)
        self.buttons.button(0).setChecked(True)
        self.buttons.idClicked.connect(self._on_clicked)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(proxy.set_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.search)
        proxy.countsChanged.connect(self._retranslate)
        self._retranslate()

    def kind(self) -> str:
        return KINDS[self.buttons.checkedId()]

    def set_kind(self, kind: str) -> None:
        if kind in KINDS:
            self.buttons.button(KINDS.index(kind)).setChecked(True)
            self._proxy.set_filter(kind)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self, *_args: object) -> None:
        names = {"all": self.tr("All"), "errors": self.tr("Errors"), "warnings": self.tr("Warnings"),
                 "ok": self.tr("OK"), "unused": self.tr("Not in a set")}
        tips = {"all": self.tr("Every image"), "errors": self.tr("Images with an error: fix before upload"),
                "warnings": self.tr("Images whose worst finding is a warning"),
                "ok": self.tr("Images that meet the profile's rules"),
                "unused": self.tr("Checked images that no set holds yet")}
        for n, kind in enumerate(KINDS):
            button = self.buttons.button(n)
            button.setText(f"{names[kind]} {self._proxy.counts[kind]}")
            button.setToolTip(tips[kind])
        self.search.setPlaceholderText(self.tr("Search file names"))

    def _on_clicked(self, button_id: int) -> None:
        self._proxy.set_filter(KINDS[button_id])
