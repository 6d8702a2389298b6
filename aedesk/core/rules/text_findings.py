"""Turn text hits into findings for the three text rules, or say why they were not checked.

The profile gives each rule's level (`levels`, only the rules it lists are reported). Hits on
product text are capped at warning. Hits of one rule and one severity make one finding whose
`detail["items"]` holds every kind, text and box, so the inspector can outline them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aedesk.core.analysis.facts import Box, TextFacts
from aedesk.core.findings import NOT_CHECKED, Finding, Severity
from aedesk.core.rules.text_lists import TextLists
from aedesk.core.rules.text_rules import CONTACT, OVERLAY, PROMO, TextHit, classify_text

TEXT_RULES = (CONTACT, PROMO, OVERLAY)
PENDING = "text recognition has not run yet"
_SHOWN = 4  # texts quoted in a message; the rest are counted


def text_findings(
    text: TextFacts | None,
    levels: Mapping[str, Severity],
    lists: TextLists,
    foreground: Box | None = None,
) -> tuple[Finding, ...]:
    """Findings of the text rules in `levels` for one image.

    `text` None (OCR not run yet) gives `not-checked` at info level, as the result is on its
    way; an OCR error gives `not-checked` at warning level, as the rules will not run.
    """
    rules = [r for r in TEXT_RULES if r in levels]
    if text is None or text.error is not None:
        reason, severity = (
            (PENDING, Severity.INFO) if text is None else (text.error, Severity.WARNING)
        )
        return tuple(_not_checked(rule, str(reason), severity) for rule in rules)
    groups: dict[tuple[str, Severity, bool], list[TextHit]] = {}
    for hit in classify_text(text, lists, foreground):
        if hit.rule in levels:
            severity = _capped(levels[hit.rule]) if hit.product_text else levels[hit.rule]
            logo = hit.rule == OVERLAY and hit.product_text
            groups.setdefault((hit.rule, severity, logo), []).append(hit)
    return tuple(
        _finding(rule, severity, lists.messages["logo" if logo else rule], hits)
        for (rule, severity, logo), hits in groups.items()
    )


def _capped(level: Severity) -> Severity:
    return Severity.WARNING if level.rank > Severity.WARNING.rank else level


def _finding(
    rule: str, severity: Severity, message: dict[str, str], hits: list[TextHit]
) -> Finding:
    texts = list(dict.fromkeys(h.text for h in hits))
    quoted = ", ".join(f"“{t}”" for t in texts[:_SHOWN])
    more = len(texts) - _SHOWN
    items: list[dict[str, Any]] = [
        {
            "kind": h.kind,
            "text": h.text,
            "match": h.match,
            "box": list(h.box),
            "product_text": h.product_text,
        }
        for h in hits
    ]
    return Finding(
        rule=rule,
        severity=severity,
        message=message["en"].format(texts=quoted + (f" (+{more} more)" if more > 0 else "")),
        message_zh=message["zh"].format(texts=quoted + (f"（另有 {more} 处）" if more > 0 else "")),
        detail={"items": items},
    )


def _not_checked(rule: str, reason: str, severity: Severity) -> Finding:
    return Finding(
        rule=NOT_CHECKED,
        severity=severity,
        message=f"{rule} not checked: {reason}",
        message_zh=f"未检查 {rule}：{reason}",
        detail={"rule": rule, "reason": reason},
    )
