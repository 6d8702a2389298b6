"""The rule engine: turns facts into findings for a profile.

Checks compute; the engine words. Each hit becomes a Finding with the rule's severity (or
the hit's own), and its message formatted in both languages from the rule data.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.findings import NOT_CHECKED, UNREADABLE, Finding, Severity
from aedesk.core.rules.bundle_checks import check_schedule
from aedesk.core.rules.hits import Hit
from aedesk.core.rules.image_checks import IMAGE_CHECKS
from aedesk.core.rules.profiles import Catalogue, Profile, Rule
from aedesk.core.rules.set_checks import SET_CHECKS
from aedesk.core.rules.text_findings import TEXT_RULES, text_findings


def word(rule: Rule, hit: Hit) -> Finding:
    """Format one hit of `rule` as a finding."""
    values: dict[str, Any] = {**rule.params, **hit.values}
    message = rule.messages[hit.variant]
    return Finding(
        rule=rule.id,
        severity=hit.severity or rule.severity,
        message=message["en"].format(**values),
        message_zh=message["zh"].format(**values),
        detail=hit.detail,
    )


def statement(catalogue: Catalogue, rule_id: str, severity: Severity, **values: Any) -> Finding:
    """A finding of the engine's own (`unreadable`, `not-checked`), not of a profile rule."""
    message = catalogue.message(rule_id)
    return Finding(
        rule=rule_id,
        severity=severity,
        message=message["en"].format(**values),
        message_zh=message["zh"].format(**values),
        detail={k: v for k, v in values.items() if k == "checked_rule"},
    )


def check_image(catalogue: Catalogue, profile: Profile, facts: ImageFacts) -> list[Finding]:
    """All image-level findings of `profile` for one image."""
    if not facts.readable:
        fmt_rule = profile.rule("format")
        if fmt_rule and facts.format and facts.format not in fmt_rule.params["accepted"]:
            return [word(fmt_rule, Hit({"format": facts.format,
                                        "accepted": " / ".join(fmt_rule.params["accepted"])}))]
        return [statement(catalogue, UNREADABLE, Severity.ERROR,
                          reason=facts.error, reason_zh=facts.error_zh or facts.error)]
    findings: list[Finding] = []
    for rule in profile.image_rules():
        if rule.id in TEXT_RULES:
            continue
        findings += [word(rule, hit) for hit in IMAGE_CHECKS[rule.id](facts, rule.params)]
    findings += _text_findings(catalogue, profile, facts)
    return findings


def _text_findings(catalogue: Catalogue, profile: Profile, facts: ImageFacts) -> list[Finding]:
    rules = {r.id: r for r in profile.image_rules() if r.id in TEXT_RULES}
    if not rules:
        return []
    if facts.text is None or facts.text.error:
        ran = facts.text is not None
        reason = facts.text.error if facts.text and facts.text.error else "text recognition has not run yet"
        reason_zh = f"文字识别不可用（{reason}）" if ran else "文字识别尚未运行"
        return [statement(catalogue, NOT_CHECKED, Severity.INFO,
                          checked_rule=rid, reason=reason, reason_zh=reason_zh) for rid in rules]
    return list(text_findings(facts.text, rules, catalogue.text_lists))


def check_set(
    catalogue: Catalogue,
    profile: Profile,
    slots: Sequence[ImageFacts | None],
    image_findings: Sequence[list[Finding]] | None = None,
) -> list[Finding]:
    """Set-level findings for images in slot order (None: the slot's file is missing).

    `image_findings` (per slot) saves re-checking images the caller has checked already;
    the `cover` rule needs them.
    """
    findings: list[Finding] = []
    for rule in profile.set_rules():
        if rule.id == "cover":
            findings += _cover(catalogue, profile, rule, slots, image_findings)
        else:
            findings += [word(rule, hit) for hit in SET_CHECKS[rule.id](slots, rule.params, profile)]
    return findings


def _cover(
    catalogue: Catalogue,
    profile: Profile,
    rule: Rule,
    slots: Sequence[ImageFacts | None],
    image_findings: Sequence[list[Finding]] | None,
) -> list[Finding]:
    if not slots or slots[0] is None:
        return []
    first = image_findings[0] if image_findings else check_image(catalogue, profile, slots[0])
    serious = sorted({f.rule for f in first if f.severity.rank >= Severity.WARNING.rank})
    return [word(rule, Hit({"rules": ", ".join(serious)}, detail={"slots": [1]}))] if serious else []


def check_bundle(profile: Profile, publish_at: datetime | None, now: datetime) -> list[Finding]:
    """Bundle-level findings: a planned publish time (`schedule`), when the profile has one.

    `now` must be timezone-aware; a naive `publish_at` is taken as the platform's time.
    """
    rule = profile.rule("schedule")
    if rule is None or publish_at is None:
        return []
    return [word(rule, hit) for hit in check_schedule(publish_at, now, rule.params)]
