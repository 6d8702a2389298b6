"""The verdict on what will be written: the rules run on the outputs' own facts, and the
manifest is assembled from the plan, the processed images and those findings."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from aedesk import __version__
from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.export.manifest import ChecklistItem, ImageEntry, Manifest
from aedesk.core.export.plan import BundlePlan
from aedesk.core.export.process import Processed
from aedesk.core.findings import Severity
from aedesk.core.rules import engine
from aedesk.core.rules.bundle_checks import platform_time
from aedesk.core.rules.profiles import Catalogue


def assemble(catalogue: Catalogue, plan: BundlePlan, processed: Sequence[Processed],
             outputs: Sequence[ImageFacts], now: datetime) -> Manifest:
    """The manifest of the bundle `processed` would make; `outputs` are the facts of the
    files as written, in slot order. Errors in it mean the bundle is refused unless forced."""
    profile, options = plan.profile, plan.options
    findings = [engine.check_image(catalogue, profile, f) for f in outputs]
    set_findings = engine.check_set(catalogue, profile, outputs, findings)
    set_findings += engine.check_bundle(profile, options.publish_at, now)
    entries = tuple(
        ImageEntry(p.plan.slot, p.plan.source, p.source_sha256, p.file_name, hashlib.sha256(p.data).hexdigest(),
                   p.size[0], p.size[1], len(p.data), p.format, p.quality, p.operations, tuple(fs))
        for p, fs in zip(processed, findings, strict=True)
    )
    ticks = options.ticks + (False,) * (len(profile.checklist) - len(options.ticks))
    checklist = tuple(ChecklistItem(c["en"], c["zh"], t) for c, t in zip(profile.checklist, ticks, strict=True))
    schedule = profile.rule("schedule")
    publish_at = None
    if options.publish_at and schedule:
        publish_at = platform_time(options.publish_at, schedule.params["utc_offset_hours"])
    has_errors = any(f.severity is Severity.ERROR for fs in findings for f in fs) or any(
        f.severity is Severity.ERROR for f in set_findings)
    return Manifest(
        name=plan.name, profile=profile.id, profile_name=profile.name, profile_name_zh=profile.name_zh,
        aedesk_version=__version__, created=now.astimezone(), fingerprint=plan.fingerprint,
        options=options.to_dict(), images=entries, set_findings=tuple(set_findings), checklist=checklist,
        publish_at=publish_at, override_reason=options.force_reason if has_errors and options.force else None,
    )
