"""The status bar: scan, analysis and text-recognition progress (each its own stage) with
a cancel button, the totals of ok / warning / error images for the profile, and messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from aedesk.library.records import Progress
from aedesk.ui.background import BackgroundCall
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.images import ImageStore

STAGES = ("scan", "analyse", "ocr")
MESSAGE_MS = 8000


class StatusBar(QStatusBar):
    def __init__(self, store: ImageStore, bridge: LibraryBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._progress: dict[str, Progress] = {}
        self._stage = QLabel()
        self._bar = QProgressBar(maximumWidth=160, textVisible=False)
        self._cancel = QToolButton(clicked=self._on_cancel)
        self._totals = QLabel()
        for w in (self._stage, self._bar, self._cancel):
            self.addPermanentWidget(w)
        self.addPermanentWidget(self._totals)
        # the totals read the whole catalog: on a worker, at most every 300 ms
        self._count_query = BackgroundCall(lambda: store.library.verdicts(store.profile), self)
        self._count_query.finished.connect(self._on_counted)
        self._recount = QTimer(self, singleShot=True, interval=300)
        self._recount.timeout.connect(self._count_query.start)
        bridge.progressed.connect(self._on_progress)
        store.changed.connect(self._recount.start)
        store.entriesChanged.connect(self._recount.start)
        store.profileChanged.connect(self._recount.start)
        self._ranks: list[int] = []
        self._retranslate()
        self._count_query.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setToolTip(self.tr("Stop checking; what is done stays done"))
        self._show_progress()
        self._show_totals()

    def _stage_name(self, stage: str) -> str:
        return {"scan": self.tr("Listing folders"), "analyse": self.tr("Checking"),
                "ocr": self.tr("Reading text")}[stage]

    def _on_progress(self, p: Progress) -> None:
        self._progress[p.stage] = p
        self._show_progress()

    def _show_progress(self) -> None:
        busy = [p for s in STAGES if (p := self._progress.get(s)) and (p.current or p.done < p.total)]
        for w in (self._stage, self._bar, self._cancel):
            w.setVisible(bool(busy))
        if not busy:
            return
        p = busy[0]
        where = Path(p.current).name if p.current else ""
        self._stage.setText(f"{self._stage_name(p.stage)} {p.done} / {p.total}  {where}".rstrip())
        self._bar.setRange(0, max(p.total, 1) if p.total else 0)  # 0..0: busy, count unknown
        self._bar.setValue(p.done)
        self._cancel.setVisible(p.stage != "scan")

    def _on_cancel(self) -> None:
        self._store.library.cancel()
        self._show_progress()
        self.showMessage(self.tr("Checking cancelled; Rescan picks it up again."), MESSAGE_MS)

    def _on_counted(self, verdicts: dict[int, int]) -> None:
        self._ranks = list(verdicts.values())
        self._show_totals()

    def _show_totals(self) -> None:
        ranks = self._ranks
        ok, warnings, errors = (sum(r < 1 for r in ranks), ranks.count(1), ranks.count(2))
        self._totals.setText(self.tr("✓ %1 ok  ! %2 warnings  ✕ %3 errors").replace("%1", str(ok))
                             .replace("%2", str(warnings)).replace("%3", str(errors)))

    def notify(self, message: str) -> None:
        self.showMessage(message, MESSAGE_MS)
