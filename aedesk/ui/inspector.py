"""The inspector: a larger preview of the current image, its file facts, and its findings
for the current profile with the rule's message and the platform sentence it enforces.

Boxes the rules found (QR codes, text lines) are outlined on the preview, so the user sees
what to retouch.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from aedesk.core.findings import Finding, Severity
from aedesk.core.units import human_size
from aedesk.library.records import ImageRecord
from aedesk.ui import palette
from aedesk.ui.images import ImageStore

PREVIEW_WIDTH = 260


def finding_boxes(findings: list[Finding]) -> list[tuple[Severity, tuple[float, float, float, float]]]:
    """The normalised boxes findings point at: a code's box, each text line's box."""
    boxes = []
    for f in findings:
        if "box" in f.detail:
            boxes.append((f.severity, tuple(f.detail["box"])))
        boxes += [(f.severity, tuple(item["box"])) for item in f.detail.get("items", ()) if "box" in item]
    return boxes


def outlined(image: QImage, boxes: list[tuple[Severity, tuple[float, float, float, float]]]) -> QImage:
    """A copy of `image` with each box outlined in its severity's colour."""
    copy = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(copy)
    for severity, (x, y, w, h) in boxes:
        painter.setPen(QPen(QColor(palette.SEVERITY[severity]), max(2, copy.width() // 200)))
        painter.drawRect(QRectF(x * copy.width(), y * copy.height(), w * copy.width(), h * copy.height()))
    painter.end()
    return copy


class Inspector(QWidget):
    """Shows one image (`show_image(id)`, -1 for none); follows the store's changes."""

    def __init__(self, store: ImageStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._id = -1
        self._preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self._preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH)
        self._facts = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self._findings = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._findings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._findings.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._reveal = QPushButton(clicked=self._on_reveal)
        body = QWidget()
        column = QVBoxLayout(body)
        for w in (self._preview, self._facts, self._reveal, self._findings):
            column.addWidget(w)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        store.changed.connect(self._on_changed)
        store.profileChanged.connect(self._refresh)
        store.languageChanged.connect(self._refresh)
        self._retranslate()

    @property
    def image_id(self) -> int:
        return self._id

    def show_image(self, image_id: int) -> None:
        self._id = image_id
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._reveal.setText(self.tr("Show in folder"))
        self._refresh()

    def _on_changed(self, ids: list[int]) -> None:
        if self._id in ids:
            self._refresh()

    def _refresh(self) -> None:
        record = self._store.record(self._id) if self._id >= 0 else None
        self._reveal.setEnabled(record is not None and not record.missing)
        if record is None:
            self._preview.setPixmap(QPixmap())
            self._preview.setText(self.tr("Select a photo to see its checks."))
            self._facts.setText("")
            self._findings.setText("")
            return
        findings = self._store.findings(self._id)
        self._show_preview(record, findings)
        self._facts.setText(self._facts_text(record))
        self._findings.setText(self._findings_html(record, findings))

    def _show_preview(self, record: ImageRecord, findings: list[Finding]) -> None:
        image = None if record.missing else self._store.preview(self._id)
        if image is None:
            self._preview.setPixmap(QPixmap())
            self._preview.setText(self.tr("File missing") if record.missing else self.tr("No preview yet"))
            return
        image = outlined(image, finding_boxes(findings))
        pixmap = QPixmap.fromImage(image).scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self._preview.setPixmap(pixmap)

    def _facts_text(self, record: ImageRecord) -> str:
        f = record.facts
        lines = [record.path.name, str(record.path.parent)]
        if record.pending:
            lines.append(self.tr("Waiting to be checked…"))
        elif f.readable:
            lines.append(f"{f.format} · {f.width} × {f.height} px · {human_size(f.bytes)}")
            lines.append(self.tr("Colour: %1, %2-bit, ICC %3").replace("%1", f.mode).replace(
                "%2", str(f.bit_depth)).replace("%3", f.icc))
        else:
            lines.append(human_size(f.bytes))
        return "\n".join(lines)

    def _findings_html(self, record: ImageRecord, findings: list[Finding]) -> str:
        if record.pending:
            return ""
        if not findings:
            ready = self.tr("Ready for upload under this profile")
            return f"<p style='color:{palette.OK}'><b>✓ {escape(ready)}</b></p>"
        profile = self._store.library.rules.profile(self._store.profile)
        parts, source_word = [], escape(self.tr("Source:"))
        for f in sorted(findings, key=lambda f: -f.severity.rank):
            rule = profile.rule(f.detail.get("checked_rule", f.rule))
            source = f"<br><small style='color:#666'>{source_word} {escape(rule.source)}</small>" \
                if rule and rule.source else ""
            colour = palette.SEVERITY[f.severity]
            parts.append(f"<p><b style='color:{colour}'>{escape(f.rule)}</b> {escape(f.text(self._store.language))}"
                         f"{source}</p>")
        return "".join(parts)

    def _on_reveal(self) -> None:
        record = self._store.record(self._id)
        if record is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(record.path).parent)))
