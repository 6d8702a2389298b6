"""Offline text recognition: RapidOCR's bundled PP-OCRv6 models (Chinese + English) on onnxruntime.

The `rapidocr` wheel ships its detection, recognition and orientation models inside the
package. We hand it those files by path, so its download code (models from a hub, a font for
drawing results) is never reached: nothing leaves the machine, at first run or later.

If the OCR stack cannot load (import error, missing model, onnxruntime refusing the
platform), `available()` says why; the text rules then report `not-checked` with that reason
and every other check goes on.
"""

from __future__ import annotations

import threading
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from aedesk.core.analysis.facts import Box, TextBox, TextFacts

MAX_SIDE = 1280  # larger inputs are reduced to this before anything else
DET_SIDE = 960  # the detector runs at this long side: faster, and it finds small logos better
MIN_SCORE = 0.5  # recogniser confidence below which a line is dropped
_MODELS = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}


class OcrEngine:
    """Lazy, offline OCR. The models load once, on the first `available()` or `recognise()`.

    Thread safety: one lock guards loading and every call, so several threads may share an
    engine but only one recognises at a time. Run it in one background worker.

    `threads` is onnxruntime's intra-op thread count (None: its default, one per core). One
    thread by default: OCR runs beside the GUI and the thumbnail pool, and on a busy 2-core
    machine onnxruntime's spinning threads made it 2.5 times slower than a single thread.
    """

    def __init__(self, threads: int | None = 1) -> None:
        self._threads = threads
        self._lock = threading.Lock()
        self._ocr: Any = None
        self._reason: str | None = None
        self._loaded = False
        self.name = "rapidocr (not loaded)"

    def available(self) -> str | None:
        """None if the engine can run, else why not (for a `not-checked` finding)."""
        with self._lock:
            self._load()
            return self._reason

    def recognise(self, rgb: np.ndarray) -> TextFacts:
        """Read the text lines of an RGB uint8 image; never raises (errors go in `error`)."""
        with self._lock:
            self._load()
            if self._reason is not None:
                return TextFacts(self.name, error=self._reason)
            try:
                return TextFacts(self.name, self._read(_reduce(rgb)))
            except Exception as exc:  # the library's failures are many and untyped
                return TextFacts(self.name, error=f"{type(exc).__name__}: {exc}")

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        try:
            import onnxruntime  # noqa: F401  (fail here, with onnxruntime's own message)
            import rapidocr
        except Exception as exc:  # ImportError, or a DLL/shared-library failure under it
            self._reason = f"OCR library not available: {exc}"
            return
        root = Path(rapidocr.__file__).parent / "models"
        missing = [f for f in _MODELS.values() if not (root / f).is_file()]
        if missing:
            self._reason = f"OCR model missing from the rapidocr package: {', '.join(missing)}"
            return
        version = metadata.version("rapidocr")
        params: dict[str, Any] = {f"{k}.model_path": str(root / f) for k, f in _MODELS.items()}
        params |= {
            "Global.log_level": "error",
            "Global.use_cls": False,  # tilted text is fine without it; upside-down is rare
            "Global.text_score": MIN_SCORE,
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
        }
        if self._threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = self._threads
        try:
            self._ocr = rapidocr.RapidOCR(params=params)
            self._ocr(_probe())  # sessions are built on first use: build them now, or fail now
        except Exception as exc:
            self._reason = f"OCR engine failed to start: {exc}"
            self._ocr = None
            return
        self.name = f"rapidocr {version} PP-OCRv6 small det{DET_SIDE}"

    def _read(self, rgb: np.ndarray) -> tuple[TextBox, ...]:
        bgr = np.ascontiguousarray(rgb[..., ::-1])  # PP-OCR models take OpenCV's channel order
        out = self._ocr(bgr)
        if out.boxes is None or out.txts is None:
            return ()
        h, w = rgb.shape[:2]
        luma = rgb.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
        lines = []
        for quad, text, score in zip(out.boxes, out.txts, out.scores, strict=True):
            box = _bounds(np.asarray(quad, np.float64), w, h)
            lines.append(TextBox(str(text), round(float(score), 4), box, _contrast(luma, box)))
        return tuple(lines)


def _probe() -> np.ndarray:
    """A small BGR image with a word on it, to load both models at start-up."""
    img = Image.new("RGB", (320, 64), (255, 255, 255))
    ImageDraw.Draw(img).text((12, 12), "aedesk 42", fill=(0, 0, 0), font_size=36)
    return np.asarray(img)


def _reduce(rgb: np.ndarray) -> np.ndarray:
    """Check the input and bring its long side down to MAX_SIDE (never up)."""
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected an RGB uint8 image, got {rgb.dtype} {rgb.shape}")
    h, w = rgb.shape[:2]
    if max(h, w) <= MAX_SIDE:
        return rgb
    scale = MAX_SIDE / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR, reducing_gap=2))


def _bounds(quad: np.ndarray, w: int, h: int) -> Box:
    """The axis-aligned bounds of a detected quadrilateral, as clipped fractions."""
    x0, y0 = max(0.0, float(quad[:, 0].min()) / w), max(0.0, float(quad[:, 1].min()) / h)
    x1, y1 = min(1.0, float(quad[:, 0].max()) / w), min(1.0, float(quad[:, 1].max()) / h)
    return (round(x0, 4), round(y0, 4), round(x1 - x0, 4), round(y1 - y0, 4))


def _contrast(luma: np.ndarray, box: Box) -> float:
    """Ink against its ground inside the box: two-means split of luminance, 0..1.

    Printed-on-product text (an embossed or tone-on-tone logo) tends to sit low; overlays
    (white on a red banner, black captions) sit high.
    """
    h, w = luma.shape
    x0, y0 = int(box[0] * w), int(box[1] * h)
    x1, y1 = max(x0 + 1, int((box[0] + box[2]) * w)), max(y0 + 1, int((box[1] + box[3]) * h))
    px = luma[y0:y1, x0:x1].ravel()
    lo, hi = float(px.min()), float(px.max())
    for _ in range(8):  # Lloyd's iterations on two centres converge in a few steps
        split = (lo + hi) / 2
        dark, light = px[px <= split], px[px > split]
        if dark.size == 0 or light.size == 0:
            break
        lo, hi = float(dark.mean()), float(light.mean())
    return round((hi - lo) / 255.0, 3)
