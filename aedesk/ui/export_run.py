"""Runs one export on a worker thread and reports back on the GUI thread.

The export service is Qt-free and calls `progress` and `cancel` on the thread that runs it;
this relay carries progress and the outcome over as queued signals.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from aedesk.core.export.plan import BundlePlan
from aedesk.library.exporter import ExportCancelled, Exporter, ExportError


class ExportRun(QObject):
    #: done, total, stage ("processed" | "checked" | "written")
    progressed = Signal(int, int, str)
    #: the ExportResult
    finished = Signal(object)
    #: English message, Chinese message: the export failed and nothing was written
    failed = Signal(str, str)
    #: the user cancelled and nothing was written
    cancelled = Signal()

    def __init__(self, exporter: Exporter, plan: BundlePlan, out_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exporter, self._plan, self._out = exporter, plan, out_dir
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="aedesk-export", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self) -> None:
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            result = self._exporter.run(self._plan, self._out, progress=self.progressed.emit, cancel=self._stop.is_set)
        except ExportCancelled:
            self.cancelled.emit()
        except ExportError as exc:
            self.failed.emit(str(exc), exc.message_zh)
        else:
            self.finished.emit(result)
