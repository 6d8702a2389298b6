"""manifest.json: what a bundle holds, where each file came from, what was done to it,
which findings remain, the checklist ticks, and any override of errors with its reason.

The fingerprint in it names everything the bundle depends on, so a later export of the
same set can tell that nothing changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aedesk.core.export.options import Op
from aedesk.core.findings import Finding, Severity

SCHEMA = 1
MANIFEST = "manifest.json"
REPORT = "report.html"


@dataclass(frozen=True)
class ImageEntry:
    slot: int
    source: str
    source_sha256: str
    file: str
    sha256: str
    width: int
    height: int
    bytes: int
    format: str
    quality: int | None
    operations: tuple[Op, ...]
    findings: tuple[Finding, ...]  # of the file as written


@dataclass(frozen=True)
class ChecklistItem:
    en: str
    zh: str
    ticked: bool


@dataclass(frozen=True)
class Manifest:
    name: str
    profile: str
    profile_name: str
    profile_name_zh: str
    aedesk_version: str
    created: datetime
    fingerprint: str
    options: dict[str, Any]
    images: tuple[ImageEntry, ...]
    set_findings: tuple[Finding, ...]  # set rules, and bundle rules such as `schedule`
    checklist: tuple[ChecklistItem, ...]
    publish_at: datetime | None = None  # in China time
    override_reason: str | None = None  # set when written although errors remained

    def errors(self) -> list[tuple[int | None, Finding]]:
        """Error findings with their slot (None: the set's)."""
        found: list[tuple[int | None, Finding]] = [
            (e.slot, f) for e in self.images for f in e.findings if f.severity is Severity.ERROR]
        return found + [(None, f) for f in self.set_findings if f.severity is Severity.ERROR]

    def to_dict(self) -> dict[str, Any]:
        override = None
        if self.override_reason is not None:
            override = {"reason": self.override_reason,
                        "errors": [{"slot": slot, **_finding(f)} for slot, f in self.errors()]}
        return {
            "schema": SCHEMA,
            "name": self.name,
            "profile": {"id": self.profile, "name": self.profile_name, "name_zh": self.profile_name_zh},
            "aedesk_version": self.aedesk_version,
            "created": self.created.isoformat(timespec="seconds"),
            "fingerprint": self.fingerprint,
            "options": self.options,
            "images": [_entry(e) for e in self.images],
            "set_findings": [_finding(f) for f in self.set_findings],
            "checklist": [{"en": c.en, "zh": c.zh, "ticked": c.ticked} for c in self.checklist],
            "publish_at": self.publish_at.isoformat(timespec="minutes") if self.publish_at else None,
            "override": override,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def fingerprint_of(manifest_text: str) -> str | None:
    """The fingerprint recorded in a manifest's text; None when it is not a manifest."""
    try:
        data = json.loads(manifest_text)
    except ValueError:
        return None
    value = data.get("fingerprint") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _finding(f: Finding) -> dict[str, str]:
    return {**f.to_json(), "message_zh": f.message_zh}


def _entry(e: ImageEntry) -> dict[str, Any]:
    return {
        "slot": e.slot,
        "file": e.file,
        "source": e.source,
        "source_sha256": e.source_sha256,
        "sha256": e.sha256,
        "width": e.width,
        "height": e.height,
        "bytes": e.bytes,
        "format": e.format,
        "quality": e.quality,
        "operations": [op.to_dict() for op in e.operations],
        "findings": [_finding(f) for f in e.findings],
    }
