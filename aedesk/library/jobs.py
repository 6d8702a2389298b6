"""The workers' two jobs: analyse an image (facts + thumbnail), and read its text (OCR).

Both store their result only if the row still describes the same file as when they began
(same path, size and mtime): a file that changed or moved meanwhile is handed back to be
reconciled, never stored with stale facts. A file that fails to decode while it is young
may still be arriving (a slow copy that paused): it is looked at again later, and reported
unreadable only once it has stayed that way for `grace_s`.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from aedesk.core.analysis.facts import ImageFacts, TextFacts
from aedesk.core.analysis.pipeline import Analysis, TextRecogniser, analyse
from aedesk.library.budget import MemoryBudget, cost
from aedesk.library.catalog import ANALYSED, COMPLETE, LISTED, Catalog, Row
from aedesk.library.listing import file_stat
from aedesk.library.notifier import Notifier
from aedesk.library.thumbs import ThumbnailCache

log = logging.getLogger(__name__)


@dataclass
class Jobs:
    catalog: Catalog
    thumbs: ThumbnailCache
    notifier: Notifier
    settle: Callable[[str, float], None]  # (path, delay): look again once it has settled
    submit_ocr: Callable[[list[int]], None]
    ocr: TextRecogniser | None = None
    grace_s: float = 2.0
    budget: MemoryBudget = field(default_factory=MemoryBudget)

    def run(self, stage: str, image_id: int) -> str:
        return self.analyse(image_id) if stage == "analyse" else self.read_text(image_id)

    def analyse(self, image_id: int, patient: bool = True) -> str:
        """Decode once: facts, thumbnail and preview. Returns the path worked on."""
        row = self.catalog.row(image_id)
        if row is None or row.missing:
            return ""
        if row.stage != LISTED:  # analysed already: only a cleared cache brings us here
            if row.sha256 and not self.thumbs.has(row.sha256):
                self._rebuild_previews(row)
            return row.path
        stat = (row.size, row.mtime_ns)
        if file_stat(row.path) != stat:
            self.settle(row.path, 0.0)  # changed or gone since it was listed: reconcile first
            return row.path
        result = self._decode(Path(row.path))
        if file_stat(row.path) != stat:
            self.settle(row.path, 0.0)  # written to while we read it
            return row.path
        age = time.time_ns() - row.mtime_ns
        if patient and not result.facts.readable and 0 <= age < self.grace_s * 1e9:
            self.settle(row.path, self.grace_s - age / 1e9)
            return row.path
        if result.preview is not None:
            self.thumbs.put(result.facts.sha256, result.preview)
        stage = ANALYSED if result.facts.readable else COMPLETE
        if self.catalog.store_facts(row, result.facts, stage):
            self.notifier.changed([image_id])
            if stage == ANALYSED and self.ocr is not None:
                self.submit_ocr([image_id])
        return row.path

    def read_text(self, image_id: int) -> str:
        """Recognise text on the stored preview (no decode of the original)."""
        row = self.catalog.row(image_id)
        facts = self.catalog.facts(image_id)
        if self.ocr is None or row is None or facts is None or row.missing or row.stage != ANALYSED:
            return ""
        data = self.thumbs.preview(row.sha256) or self._rebuild_previews(row)
        if data is None:
            return row.path
        with Image.open(io.BytesIO(data)) as im:
            rgb = np.asarray(im.convert("RGB"))
        text = _recognise(self.ocr, rgb)
        if self.catalog.store_facts(row, facts.with_text(text), COMPLETE):
            self.notifier.changed([image_id])
        return row.path


    def _decode(self, path: Path) -> Analysis:
        with self.budget.reserve(cost(path)):
            return _analyse(path)

    def _rebuild_previews(self, row: Row) -> bytes | None:
        """The cache lost this file's thumbnail and preview (the OS or the user cleared it):
        decode the file again for them. Returns the preview, None if the file changed."""
        result = self._decode(Path(row.path))
        if result.preview is None or result.facts.sha256 != row.sha256:
            self.settle(row.path, 0.0)  # not the content the row describes: reconcile it
            return None
        self.thumbs.put(row.sha256, result.preview)
        self.notifier.changed([row.id])
        return self.thumbs.preview(row.sha256)


def _analyse(path: Path) -> Analysis:
    try:
        return analyse(path)
    except Exception as exc:  # a detector's bug: say so on the image instead of retrying forever
        log.exception("analysis of %s failed", path)
        st = file_stat(str(path))
        facts = ImageFacts(
            str(path),
            st[0] if st else 0,
            path.suffix.lower().lstrip("."),
            None,
            error=f"aedesk could not analyse this file (internal error: {exc}).",
            error_zh=f"aedesk 无法分析该文件（内部错误：{exc}）。",
        )
        return Analysis(facts, None)


def _recognise(ocr: TextRecogniser, rgb: np.ndarray) -> TextFacts:
    try:
        return ocr.recognise(rgb)
    except Exception as exc:  # the text rules then say "not checked", with the reason
        log.exception("text recognition failed")
        return TextFacts(type(ocr).__name__, error=f"text recognition failed: {exc}")
