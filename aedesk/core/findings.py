"""Findings: what a rule says about one image or one set."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters. `error` blocks export; `warning` is recorded; `info` is shown."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

# Rule ids that are not in any profile: the engine's own statements about an image.
UNREADABLE = "unreadable"
NOT_CHECKED = "not-checked"


@dataclass(frozen=True)
class Finding:
    """One rule's verdict. `message` is English, `message_zh` Simplified Chinese.

    `detail` carries structured data for the GUI (boxes, slot indices, the rule a
    `not-checked` finding stands for); it is not part of the command line's JSON contract.
    """

    rule: str
    severity: Severity
    message: str
    message_zh: str = ""
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: str = "en") -> str:
        return self.message_zh if lang.startswith("zh") and self.message_zh else self.message

    def to_json(self) -> dict[str, str]:
        """The public contract: exactly rule, severity and message."""
        return {"rule": self.rule, "severity": self.severity.value, "message": self.message}

    def to_dict(self) -> dict[str, Any]:
        return {**self.to_json(), "message_zh": self.message_zh, "detail": self.detail}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule=data["rule"],
            severity=Severity(data["severity"]),
            message=data["message"],
            message_zh=data.get("message_zh", ""),
            detail=data.get("detail", {}),
        )


def worst(findings: list[Finding] | tuple[Finding, ...]) -> Severity | None:
    """The highest severity among the findings, or None when there are none."""
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)
