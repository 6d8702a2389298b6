"""Under the board: the current set's findings, live, and its Export and Preview buttons.

The list shows the set-level findings and, by slot, what keeps the export blocked (a file
gone missing, an error the export cannot fix). It is re-read, once per event loop turn, on
the set's own edits, on `store.changed` for ids the set holds, and on a profile or language
switch. Export is disabled while `export_blockers` is non-empty, with the reasons as its
tooltip. A plain QListWidget: a handful of rows rebuilt whole, nothing to model.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from aedesk.core.findings import Finding
from aedesk.core.sets import ImageSet, SetEvent
from aedesk.ui import palette
from aedesk.ui.images import ImageStore


class SetStatus(QWidget):
    #: Export was clicked (the set to export)
    exportRequested = Signal(object)
    #: Preview was clicked
    previewRequested = Signal()

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.set: ImageSet[int] | None = None
        self.findings = QListWidget(self)
        self.export = QPushButton(self)
        self.preview = QPushButton(self)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._on_refresh)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview)
        buttons.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.findings, 1)
        layout.addLayout(buttons)
        self.export.clicked.connect(self._on_export_clicked)
        self.preview.clicked.connect(self.previewRequested)
        store.changed.connect(self._on_images_changed)
        store.profileChanged.connect(self.refresh)
        store.languageChanged.connect(self.refresh)
        self._retranslate()

    def set_set(self, s: ImageSet[int] | None) -> None:
        if self.set is not None:
            self.set.disconnect(self._on_set_event)
        self.set = s
        if s is not None:
            s.connect(self._on_set_event)
        self._on_refresh()

    def refresh(self) -> None:
        """Re-read the findings soon (several events in one turn cost one reading)."""
        self._timer.start()

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(e)

    def _retranslate(self) -> None:
        self.export.setText(self.tr("Export…"))
        self.preview.setText(self.tr("Preview"))
        self._on_refresh()

    def _line(self, slot: int | None, finding: Finding) -> str:
        text = finding.text(self._store.language)
        return self.tr("Slot %1: %2").replace("%1", str(slot)).replace("%2", text) if slot else text

    def _on_refresh(self) -> None:
        self.findings.clear()
        s = self.set
        self.export.setEnabled(False)
        self.preview.setEnabled(s is not None and len(s) > 0)
        if s is None:
            self.export.setToolTip("")
            return
        library = self._store.library
        blockers = library.export_blockers(s, canvas=False)
        lines = [(None, f) for f in library.set_findings(s)] + [(n, f) for n, f in blockers if n is not None]
        for slot, finding in lines:
            item = QListWidgetItem(self._line(slot, finding))
            item.setForeground(QBrush(QColor(palette.SEVERITY[finding.severity])))
            self.findings.addItem(item)
        if not lines:
            item = QListWidgetItem(self.tr("No problems found in this set."))
            item.setForeground(QBrush(QColor(palette.SEVERITY[None])))
            self.findings.addItem(item)
        self.export.setEnabled(not blockers)
        reasons = "\n".join(self._line(n, f) for n, f in blockers)
        self.export.setToolTip(self.tr("Export is blocked:") + "\n" + reasons if blockers
                               else self.tr("Write the upload bundle of this set."))

    def _on_set_event(self, e: SetEvent) -> None:
        if not e.type.endswith("ing"):
            self.refresh()

    def _on_images_changed(self, ids: list[int]) -> None:
        if self.set is not None and set(ids).intersection(self.set):
            self.refresh()

    def _on_export_clicked(self) -> None:
        if self.set is not None:
            self.exportRequested.emit(self.set)
