"""One OCR engine for the analysis tests: loading the models takes about a second."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from aedesk.core.analysis.text import OcrEngine


@pytest.fixture(scope="module")
def engine() -> Iterator[OcrEngine]:
    ocr = OcrEngine()
    reason = ocr.available()
    assert reason is None, reason  # the wheel ships its models: this must work offline
    yield ocr
