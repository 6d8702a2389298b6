"""Turn text hits into findings for the profile's text rules.

Hits on product text are capped at warning. Hits of one rule and one severity make one
finding whose `detail["items"]` holds every kind, text and box, so the inspector can
outline them. Whether OCR ran at all is the engine's concern (`not-checked`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aedesk.core.analysis.facts import Box, TextFacts
from aedesk.core.findings import Finding, Severity
from aedesk.core.rules.profiles import Rule
from aedesk.core.rules.text_lists import TextLists
from aedesk.core.rules.text_rules import CONTACT, OVERLAY, PROMO, TextHit, classify_text

TEXT_RULES = (CONTACT, PROMO, OVERLAY)
_SHOWN = 4  # texts quoted in a message; the rest are counted


def text_findings(
    text: TextFacts,
    rules: Mapping[str, Rule],
    lists: TextLists,
    foreground: Box | None = None,
) -> tuple[Finding, ...]:
    """Findings of the text rules among `rules` (by id) for text that OCR read.

    A `text-overlay` rule with the parameter `all_text` (banners) takes every hit: on such
    an image any text at all is the finding.
    """
    overlay = rules.get(OVERLAY)
    take_all = overlay is not None and bool(overlay.params.get("all_text"))
    groups: dict[tuple[str, Severity, bool], list[TextHit]] = {}
    for hit in classify_text(text, lists, foreground):
        rule = overlay if take_all else rules.get(hit.rule)
        if rule is None:
            continue
        severity = _capped(rule.severity) if hit.product_text else rule.severity
        logo = rule.id == OVERLAY and hit.product_text
        groups.setdefault((rule.id, severity, logo), []).append(hit)
    return tuple(
        _finding(rules[rule_id], severity, "product" if logo else "default", hits)
        for (rule_id, severity, logo), hits in groups.items()
    )


def _capped(level: Severity) -> Severity:
    return Severity.WARNING if level.rank > Severity.WARNING.rank else level


def _finding(rule: Rule, severity: Severity, variant: str, hits: list[TextHit]) -> Finding:
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
    message = rule.messages[variant]
    return Finding(
        rule=rule.id,
        severity=severity,
        message=message["en"].format(texts=quoted + (f" (+{more} more)" if more > 0 else "")),
        message_zh=message["zh"].format(texts=quoted + (f"（另有 {more} 处）" if more > 0 else "")),
        detail={"items": items},
    )
