"""Text rules (`promo-text`, `contact-info`, `text-overlay`) from what OCR read.

Classification (which words are promotional, what is a phone number) lives in
`text_rules`; this module maps its hits onto the profile's rules and severities.
"""

from __future__ import annotations

from functools import cache

from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.findings import Severity
from aedesk.core.rules.hits import Hit
from aedesk.core.rules.profiles import Rule
from aedesk.core.rules.text_rules import TextLists, classify_text, load_text_lists

TEXT_RULES = frozenset({"promo-text", "contact-info", "text-overlay"})


@cache
def default_lists() -> TextLists:
    return load_text_lists()


def text_hits(rules: list[Rule], facts: ImageFacts, lists: TextLists | None = None) -> list[tuple[Rule, Hit]]:
    """Rule hits for the text in `facts` (OCR must have run: facts.text is not None)."""
    assert facts.text is not None
    by_id = {r.id: r for r in rules}
    overlay = by_id.get("text-overlay")
    result: list[tuple[Rule, Hit]] = []
    for hit in classify_text(facts.text, lists or default_lists()):
        rule = by_id.get(hit.rule)
        if overlay is not None and (rule is None or overlay.params.get("all_text")):
            rule = overlay  # e.g. banners: any text at all is the overlay warning
        if rule is None:
            continue
        severity = None
        if hit.product_text and rule.severity.rank > Severity.WARNING.rank:
            severity = Severity.WARNING  # text printed on the product: never blocks export
        variant = "product" if hit.product_text and rule.id == "text-overlay" else "default"
        values = {"text": hit.text, "what": hit.kind}
        result.append((rule, Hit(values, variant, severity, {"box": list(hit.box), "kind": hit.kind})))
    return result
