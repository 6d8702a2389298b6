"""The image object of the command line's JSON contract, shared by `check` and `watch`."""

from __future__ import annotations

from typing import Any

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.findings import Finding


def finding_json(f: Finding, lang: str) -> dict[str, str]:
    data = f.to_json()
    data["message"] = f.text(lang)
    return data


def image_json(facts: ImageFacts, findings: list[Finding], lang: str) -> dict[str, Any]:
    """path, format, width, height (null when unreadable), bytes, findings."""
    return {
        "path": facts.path,
        "format": facts.format,
        "width": facts.width if facts.readable else None,
        "height": facts.height if facts.readable else None,
        "bytes": facts.bytes,
        "findings": [finding_json(f, lang) for f in findings],
    }
