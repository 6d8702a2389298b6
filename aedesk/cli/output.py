"""Human-readable output: one line per image, coloured when writing to a terminal."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from aedesk.core.findings import Finding, Severity

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36", None: "32"}
_MARKS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "·", None: "✔"}
_WORDS = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info", None: "ok"},
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示", None: "通过"},
}


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def paint(text: str, severity: Severity | None, colour: bool) -> str:
    return f"\x1b[{_COLOURS[severity]}m{text}\x1b[0m" if colour else text


def verdict(severity: Severity | None, lang: str, colour: bool) -> str:
    word = _WORDS["zh" if lang == "zh" else "en"][severity]
    return paint(f"{_MARKS[severity]} {word}", severity, colour)


def finding_line(f: Finding, lang: str, colour: bool) -> str:
    mark = paint(_MARKS[f.severity], f.severity, colour)
    return f"    {mark} {f.rule}: {f.text(lang)}"


def human_size(n: int) -> str:
    """Decimal units, as the platform's "5 MB" is read by most people."""
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    return f"{value:.1f} {unit}"


def write(line: str, stream: TextIO | None = None) -> None:
    (stream or sys.stdout).write(line + "\n")  # sys.stdout at call time: tests capture it
