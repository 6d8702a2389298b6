"""The export dialog: options, the errors an export would not fix, progress, the outcome.

Nothing is written until the user presses Export; if errors remain after the operations
the bundle is refused, and "Export anyway" needs a reason, which the manifest records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QSettings, QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.export.options import ExportOptions, PlanError
from aedesk.core.export.plan import make_plan
from aedesk.core.findings import Finding
from aedesk.core.sets import NEW_ARRIVAL, ImageSet
from aedesk.library.exporter import Exporter, ExportResult
from aedesk.ui import palette
from aedesk.ui.crop_chooser import CropChooser
from aedesk.ui.export_run import ExportRun
from aedesk.ui.images import ImageStore

Analyse = Callable[[Path], ImageFacts]
FOLDER_KEY = "export/folder"
BANNER_ASPECT = 750 / 360


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a set (its kind is the profile), or one photo as a banner."""

    name: str
    profile_id: str
    ids: tuple[int, ...]

    @classmethod
    def of_set(cls, s: ImageSet[int]) -> ExportRequest:
        return cls(s.name, s.kind, tuple(s))


class ExportDialog(QDialog):
    """`analyse` is the real analysis the written files get (with OCR in the app)."""

    def __init__(self, store: ImageStore, request: ExportRequest, settings: QSettings, analyse: Analyse,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._request, self._settings = store, request, settings
        self._exporter = Exporter(store.library.rules, analyse)
        self._run: ExportRun | None = None
        self._unchanged = False  # an identical bundle exists: Export anyway needs no reason then
        self.result_: ExportResult | None = None
        self._profile = store.library.rules.profile(request.profile_id)
        self._crops = [CropChooser(store.preview(i) or QImage(), BANNER_ASPECT) for i in request.ids] \
            if request.profile_id == "banner" else []
        self._folder = QLineEdit(str(settings.value(FOLDER_KEY, "")), textChanged=self._on_options)
        self._browse = QPushButton(clicked=self._on_browse)
        self._zip, self._keep_png = QCheckBox(), QCheckBox()
        self._canvas = QCheckBox(toggled=self._on_options)
        self._schedule = QCheckBox(toggled=self._on_options)
        self._when = QDateTimeEdit(QDateTime.currentDateTime().addDays(1), calendarPopup=True)
        self._ticks = [QCheckBox() for _ in self._profile.checklist]
        self._blockers = QLabel(wordWrap=True)
        self._reason = QLineEdit(textChanged=self._on_options)
        self._outcome = QLabel(wordWrap=True)
        self._bar = QProgressBar(visible=False)
        self._export = QPushButton(clicked=lambda: self._start(force=False), default=True)
        self._force = QPushButton(clicked=lambda: self._start(force=True))
        self._cancel = QPushButton(clicked=self._on_cancel)
        self._open = QPushButton(clicked=self._on_open, visible=False)
        self._layout_widgets()
        self._retranslate()
        self._on_options()

    def _layout_widgets(self) -> None:
        self._form = QFormLayout()
        self._labels = {key: QLabel() for key in ("where", "crop", "options", "checks", "reason")}
        where = QHBoxLayout()
        where.addWidget(self._folder, 1)
        where.addWidget(self._browse)
        self._form.addRow(self._labels["where"], where)
        for n, crop in enumerate(self._crops):
            self._form.addRow(self._labels["crop"] if n == 0 else QLabel(), crop)
            crop.windowChanged.connect(self._on_options)
        for n, w in enumerate((self._zip, self._keep_png, self._canvas)):
            self._form.addRow(self._labels["options"] if n == 0 else QLabel(), w)
        self._form.addRow(self._schedule, self._when)
        for n, w in enumerate(self._ticks):
            self._form.addRow(self._labels["checks"] if n == 0 else QLabel(), w)
        self._form.addRow(self._labels["reason"], self._reason)
        for w in (self._canvas, self._when):  # posts only
            self._form.setRowVisible(w, self._request.profile_id == NEW_ARRIVAL)
        buttons = QHBoxLayout()
        buttons.addWidget(self._open)
        buttons.addStretch(1)
        for b in (self._cancel, self._force, self._export):
            buttons.addWidget(b)
        column = QVBoxLayout(self)
        self._title = QLabel(wordWrap=True)
        for w in (self._title, self._blockers):
            column.addWidget(w)
        column.addLayout(self._form)
        for w in (self._bar, self._outcome):
            column.addWidget(w)
        column.addLayout(buttons)
        self.resize(560, 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        zh = self._store.language == "zh"
        self.setWindowTitle(self.tr("Export upload bundle"))
        kind = self._profile.name_zh if zh else self._profile.name
        count = len(self._request.ids)
        self._title.setText(f"<b>{self._request.name}</b> — {kind}, " + self.tr("%n image(s)", "", count))
        self._labels["where"].setText(self.tr("Export into:"))
        self._labels["options"].setText(self.tr("Options:"))
        self._labels["crop"].setText(self.tr("Banner crop:\n(drag; wheel to resize)"))
        self._labels["checks"].setText(self.tr("Checked by hand:"))
        self._labels["reason"].setText(self.tr("Override:"))
        self._folder.setPlaceholderText(self.tr("Choose the folder the bundle goes into"))
        self._browse.setText(self.tr("Browse…"))
        self._zip.setText(self.tr("Also write a .zip"))
        self._keep_png.setText(self.tr("Keep PNG files that already fit"))
        self._canvas.setText(self.tr("One canvas for all images (pads studio shots, fills scenes)"))
        self._schedule.setText(self.tr("Planned publish time (China time)"))
        for box, item in zip(self._ticks, self._profile.checklist, strict=True):
            box.setText(item["zh" if zh else "en"])
        self._reason.setPlaceholderText(self.tr("Why export anyway? (recorded in the manifest)"))
        self._export.setText(self.tr("Export"))
        self._force.setText(self.tr("Export anyway"))
        self._cancel.setText(self.tr("Cancel") if self._run else self.tr("Close"))
        self._open.setText(self.tr("Open folder"))
        self._on_options()

    # options
    def options(self, force: bool) -> ExportOptions:
        publish = None
        if self._schedule.isChecked():
            publish = datetime.fromisoformat(self._when.dateTime().toString("yyyy-MM-ddTHH:mm"))
        return ExportOptions(keep_format=self._keep_png.isChecked(), canvas=self._canvas.isChecked(),
                             zip=self._zip.isChecked(), force=force, force_reason=self._reason.text().strip(),
                             publish_at=publish, ticks=tuple(b.isChecked() for b in self._ticks),
                             crop_windows=tuple(c.crop_window() for c in self._crops))

    def _on_options(self) -> None:
        if not hasattr(self, "_form"):
            return
        request = self._request
        blockers = self._store.library.export_blockers(request.ids, request.profile_id, self._canvas.isChecked())
        self._blockers.setText(self._blocker_text(blockers))
        idle = self._run is None
        has_folder = bool(self._folder.text().strip())
        self._export.setEnabled(idle and has_folder and not blockers and bool(request.ids))
        reason = bool(self._reason.text().strip()) or (self._unchanged and not blockers)
        self._force.setEnabled(idle and has_folder and reason and bool(request.ids))
        self._force.setToolTip(self.tr("Write the bundle although errors remain; the reason is recorded"))

    def _blocker_text(self, blockers: list[tuple[int | None, Finding]]) -> str:
        return self._errors_html(self.tr("These errors would remain after export:"), blockers) if blockers else ""

    def _errors_html(self, heading: str, errors: Sequence[tuple[int | None, Finding]]) -> str:
        """`heading`, then one line per error with its slot ("Image 2") or "Set", in red."""
        lines = [heading]
        for slot, f in errors:
            where = self.tr("Set") if slot is None else self.tr("Image %1").replace("%1", str(slot))
            lines.append(f"• {where}: {f.text(self._store.language)}")
        return f"<span style='color:{palette.ERROR}'>" + "<br>".join(lines) + "</span>"

    def _on_browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self._folder.text())
        if folder:
            self._folder.setText(folder)

    # running
    def _start(self, force: bool) -> None:
        out = Path(self._folder.text().strip())
        records = [self._store.record(i) for i in self._request.ids]
        facts = [r.facts for r in records if r is not None]
        try:
            plan = make_plan(self._request.name, self._profile, facts, self.options(force))
        except PlanError as exc:
            self._outcome.setText(exc.message_zh if self._store.language == "zh" else str(exc))
            return
        earlier = self._exporter.unchanged(plan, out)
        self._unchanged = earlier is not None
        if earlier and not force:
            text = self.tr("Unchanged since the bundle in %1; nothing written. Export anyway writes it again.")
            self._outcome.setText(text.replace("%1", str(earlier)))
            self._on_options()
            return
        self._settings.setValue(FOLDER_KEY, str(out))
        self._run = ExportRun(self._exporter, plan, out, self)
        self._run.progressed.connect(self._on_progress)
        self._run.finished.connect(self._on_finished)
        self._run.failed.connect(self._on_failed)
        self._run.cancelled.connect(self._on_cancelled)
        self._bar.setVisible(True)
        self._bar.setRange(0, 0)
        self._outcome.setText(self.tr("Exporting…"))
        self._run.start()
        self._retranslate()

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        self._bar.setRange(0, total)
        self._bar.setValue(done)

    def _finish(self, text: str) -> None:
        if self._run is not None:
            self._run.wait()
        self._run = None
        self._bar.setVisible(False)
        self._outcome.setText(text)
        self._retranslate()

    def _on_finished(self, result: ExportResult) -> None:
        self.result_ = result
        if result.status == "written":
            self._open.setVisible(True)
            m = result.manifest
            warnings = sum(len(e.findings) for e in m.images) + len(m.set_findings) if m else 0
            self._finish(self.tr("Written: %1 (%2 findings recorded in the report)")
                         .replace("%1", str(result.bundle)).replace("%2", str(warnings)))
            return
        refused = self.tr("Refused: errors remain in the written files; nothing was written.")
        self._finish(self._errors_html(refused, result.errors))

    def _on_failed(self, message: str, message_zh: str) -> None:
        self._finish(message_zh if self._store.language == "zh" else message)

    def _on_cancelled(self) -> None:
        self._finish(self.tr("Cancelled; nothing was written."))

    def _on_cancel(self) -> None:
        if self._run is not None:
            self._run.cancel()
        else:
            self.reject()

    def _on_open(self) -> None:
        if self.result_ and self.result_.bundle:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_.bundle)))

    def done(self, code: int) -> None:
        if self._run is not None:
            self._run.cancel()
            self._run.wait()
        super().done(code)
