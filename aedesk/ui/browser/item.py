"""What a tile's badges look at: one image's record, findings and use, read once per paint."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from aedesk.core.findings import Finding, Severity, worst
from aedesk.library.records import ImageRecord
from aedesk.ui.browser.model import Role


@dataclass(frozen=True)
class Item:
    name: str
    record: ImageRecord | None
    findings: list[Finding]
    holders: int
    duplicate: bool
    language: str  # of rule messages: "en" | "zh"

    @classmethod
    def of(cls, index: QModelIndex | QPersistentModelIndex, language: str) -> Item:
        return cls(index.data(), index.data(Role.RecordRole), index.data(Role.FindingsRole) or [],
                   index.data(Role.HoldersRole) or 0, bool(index.data(Role.DuplicateRole)), language)

    @property
    def ready(self) -> bool:
        """Analysed and on disk: facts and findings mean something."""
        return self.record is not None and not self.record.pending and not self.record.missing

    def about(self, *rules: str) -> list[Finding]:
        return [f for f in self.findings if f.rule in rules]

    def worst(self, *rules: str) -> Severity | None:
        return worst(self.about(*rules))

    def messages(self, *rules: str) -> str:
        """The findings of these rules, one a line, in the rule data's language."""
        return "\n".join(f.text(self.language) for f in self.about(*rules))
