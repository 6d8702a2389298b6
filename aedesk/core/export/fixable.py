"""Which of the sources' findings the export fixes by itself, so that they need not block it.

The GUI disables its Export button only for errors that will remain; the written files are
checked again in any case, so a wrong guess here can never let an error through.
"""

from __future__ import annotations

from collections.abc import Sequence

from aedesk.core.export.plan import BundlePlan
from aedesk.core.findings import Finding, Severity

# Source findings the export's own operations fix (the output is checked again anyway).
FIXED_BY_EXPORT = frozenset({"format", "extension-mismatch", "max-file-size", "color-mode", "banner-size"})
FIXED_BY_CANVAS = frozenset({"canvas-mismatch", "orientation-mismatch"})


def remaining_errors(
    plan: BundlePlan, image_findings: Sequence[Sequence[Finding]], set_findings: Sequence[Finding]
) -> list[tuple[int | None, Finding]]:
    """The sources' error findings the export will not fix, with their slot (None: the set's).

    What the GUI shows on a disabled Export button before anything runs: a CMYK or
    oversized file is no reason to refuse, an unreadable or too small one is.
    """
    fixed = FIXED_BY_EXPORT | (FIXED_BY_CANVAS if plan.options.canvas else frozenset())
    remaining: list[tuple[int | None, Finding]] = [
        (slot, f) for slot, (facts, findings) in enumerate(zip(plan.facts, image_findings, strict=True), 1)
        for f in findings if f.severity is Severity.ERROR and (not facts.readable or f.rule not in fixed)]
    return remaining + [(None, f) for f in set_findings if f.severity is Severity.ERROR and f.rule not in fixed]
