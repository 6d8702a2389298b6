"""Checking files in one go: analyse in parallel, then apply a profile's rules.

This is the one-shot service the command line uses (the catalog and the watcher keep
results across runs). Threads, not processes: Pillow's decoders, numpy and zxing-cpp
release the GIL for the heavy work, and results need no pickling.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.analysis.pipeline import TextRecogniser, analyse
from aedesk.core.findings import Finding, Severity
from aedesk.core.rules import engine
from aedesk.core.rules.profiles import Catalogue, Profile, load_catalogue
from aedesk.library import paths


@dataclass(frozen=True)
class CheckResult:
    profile: Profile
    facts: list[ImageFacts]
    findings: list[list[Finding]]
    set_findings: list[Finding] | None

    def has_errors(self) -> bool:
        every = [f for fs in self.findings for f in fs] + (self.set_findings or [])
        return any(f.severity is Severity.ERROR for f in every)


def workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass
class Checker:
    catalogue: Catalogue
    ocr: TextRecogniser | None = None

    @classmethod
    def from_user_settings(cls, ocr: TextRecogniser | None = None) -> Checker:
        return cls(load_catalogue(paths.rules_override(), paths.text_lists_override()), ocr)

    def analyse_all(self, files: Sequence[Path]) -> list[ImageFacts]:
        with ThreadPoolExecutor(max_workers=workers()) as pool:
            return [a.facts for a in pool.map(lambda p: analyse(p, self.ocr), files)]

    def check(self, files: Sequence[Path], profile: Profile, as_set: bool = False) -> CheckResult:
        facts = self.analyse_all(files)
        findings = [engine.check_image(self.catalogue, profile, f) for f in facts]
        set_findings = None
        if as_set:
            set_findings = engine.check_set(self.catalogue, profile, facts, findings)
        return CheckResult(profile, facts, findings, set_findings)
