"""OcrEngine's contract apart from what it reads: unavailable stacks, bad input, reduction."""

from __future__ import annotations

import socket
import sys

import factsgen
import numpy as np
import pytest
from imagegen_text import photo, put_text
from PIL import Image

from aedesk.core.analysis import text as text_mod
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.findings import NOT_CHECKED, Severity
from aedesk.core.rules.engine import check_image
from aedesk.core.rules.profiles import load_catalogue


@pytest.mark.parametrize("module", ["rapidocr", "onnxruntime"])
def test_a_missing_library_is_a_reason_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    engine = OcrEngine()
    reason = engine.available()
    assert reason is not None and reason.startswith("OCR library not available")
    assert module in reason
    facts = engine.recognise(np.zeros((64, 64, 3), np.uint8))
    assert facts.error == reason and facts.boxes == ()
    catalogue = load_catalogue()
    found = check_image(catalogue, catalogue.profile("huaxu"), factsgen.facts(text=facts))
    assert [(f.rule, f.detail["checked_rule"]) for f in found] == [
        (NOT_CHECKED, "contact-info"),
        (NOT_CHECKED, "promo-text"),
        (NOT_CHECKED, "text-overlay"),
    ]
    assert all(module in f.message and f.severity is Severity.INFO for f in found)


def test_a_missing_model_file_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(text_mod._MODELS, "Rec", "PP-OCRv9_rec_huge.onnx")
    reason = OcrEngine().available()
    assert reason is not None and "PP-OCRv9_rec_huge.onnx" in reason


def test_an_engine_that_fails_to_start_is_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    import rapidocr

    class Broken:
        def __init__(self, params: object) -> None:
            pass

        def __call__(self, img: object) -> None:  # sessions are built on the first call
            raise RuntimeError("no execution provider for this CPU")

    monkeypatch.setattr(rapidocr, "RapidOCR", Broken)
    engine = OcrEngine()
    assert engine.available() == "OCR engine failed to start: no execution provider for this CPU"
    assert engine.recognise(np.zeros((8, 8, 3), np.uint8)).error == engine.available()


def test_the_engine_loads_and_reads_with_the_network_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    engine = OcrEngine()  # a fresh engine: loads its models now, under the refusal
    assert engine.available() is None
    assert engine.name.startswith("rapidocr 3.")
    img = Image.new("RGB", (800, 600), (235, 235, 230))
    put_text(img, "Offline 42", at=(0.2, 0.4), size=48)
    facts = engine.recognise(photo(img))
    assert [b.text.replace(" ", "") for b in facts.boxes] == ["Offline42"]
    (box,) = facts.boxes
    assert 0.15 < box.box[0] < 0.25 and 0.35 < box.box[1] < 0.45
    assert all(isinstance(v, float) for v in box.box) and box.contrast is not None


@pytest.mark.parametrize(
    "bad",
    [np.zeros((32, 32), np.uint8), np.zeros((32, 32, 4), np.uint8), np.zeros((32, 32, 3))],
)
def test_bad_input_is_an_error_not_an_exception(engine: OcrEngine, bad: np.ndarray) -> None:
    facts = engine.recognise(bad)
    assert facts.error is not None and "RGB uint8" in facts.error
    assert facts.engine == engine.name


def test_reduce_keeps_small_images_and_shrinks_large_ones() -> None:
    small = np.zeros((900, 1200, 3), np.uint8)
    assert text_mod._reduce(small) is small
    large = np.zeros((2000, 3000, 3), np.uint8)
    assert text_mod._reduce(large).shape == (853, 1280, 3)


def test_contrast_is_high_for_stark_ink_and_low_for_tone_on_tone() -> None:
    luma = np.full((100, 100), 200.0, np.float32)
    luma[40:60, 20:80] = 20.0
    box = (0.1, 0.3, 0.8, 0.4)
    assert text_mod._contrast(luma, box) > 0.65
    luma[40:60, 20:80] = 170.0
    assert text_mod._contrast(luma, box) < 0.15
