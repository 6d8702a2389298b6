"""Human-readable output: one line per image, coloured when writing to a terminal."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.findings import Finding, Severity, worst
from aedesk.core.units import human_size

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


def write(line: str, stream: TextIO | None = None) -> None:
    # sys.stdout looked up at each call: a default argument would pin the one at import time
    (stream or sys.stdout).write(line + "\n")


def image_lines(facts: ImageFacts, findings: list[Finding], lang: str, colour: bool) -> list[str]:
    """One image as `check` prints it: the verdict line, then one line per finding."""
    level = worst([f for f in findings if f.severity.rank > 0])
    spec = (f"{facts.width}×{facts.height} {facts.format} {human_size(facts.bytes)}"
            if facts.readable else human_size(facts.bytes))
    lines = [f"{verdict(level, lang, colour)}  {facts.path}  ({spec})"]
    return lines + [finding_line(f, lang, colour) for f in findings]
