"""What a check returns: the values its message needs, before the engine words it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aedesk.core.findings import Severity


@dataclass(frozen=True)
class Hit:
    """A rule fired. `variant` picks the message; `severity` overrides the rule's own."""

    values: dict[str, Any] = field(default_factory=dict)
    variant: str = "default"
    severity: Severity | None = None
    detail: dict[str, Any] = field(default_factory=dict)
