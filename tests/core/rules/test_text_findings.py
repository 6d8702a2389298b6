"""text_findings: severities per profile, the product-text cap, grouping, banners."""

from __future__ import annotations

import dataclasses

from aedesk.core.analysis.facts import TextBox, TextFacts
from aedesk.core.findings import Severity
from aedesk.core.rules.profiles import Rule, load_catalogue
from aedesk.core.rules.text_findings import TEXT_RULES, text_findings
from aedesk.core.rules.text_lists import load_text_lists

LISTS = load_text_lists()
CATALOGUE = load_catalogue()


def text_rules(profile: str, **severities: Severity) -> dict[str, Rule]:
    """The profile's text rules by id; `severities` (rule id with _ for -) change levels."""
    rules = {r.id: r for r in CATALOGUE.profile(profile).image_rules() if r.id in TEXT_RULES}
    for key, severity in severities.items():
        rid = key.replace("_", "-")
        rules[rid] = dataclasses.replace(rules[rid], severity=severity)
    return rules


HUAXU = text_rules("huaxu")
LEVELS = {rid: r.severity for rid, r in HUAXU.items()}
CORNER = (0.05, 0.05, 0.4, 0.06)
LOGO = (0.42, 0.45, 0.12, 0.03)
PRODUCT = (0.3, 0.2, 0.4, 0.6)


def facts(*lines: tuple[str, tuple[float, float, float, float]]) -> TextFacts:
    return TextFacts("t", tuple(TextBox(t, 0.99, b, 0.3) for t, b in lines))


def test_each_rule_at_its_profile_level_with_boxes_in_detail() -> None:
    found = text_findings(
        facts(
            ("WeChat: shop8888", CORNER), ("50% OFF", (0.6, 0.8, 0.2, 0.08)), ("Premium", CORNER)
        ),
        HUAXU,
        LISTS,
    )
    by_rule = {f.rule: f for f in found}
    assert {r: f.severity for r, f in by_rule.items()} == LEVELS
    contact = by_rule["contact-info"]
    assert contact.message.startswith("Contact information in the image:")
    assert "shop8888" in contact.message and contact.message_zh.startswith("图片中有联系方式")
    assert contact.detail["items"][0]["box"] == list(CORNER)
    assert {i["kind"] for i in contact.detail["items"]} == {"messenger"}
    assert by_rule["promo-text"].detail["items"][0]["text"] == "50% OFF"
    assert by_rule["promo-text"].detail["items"][0]["match"] == "50% off"
    assert by_rule["text-overlay"].detail["items"] == [
        {
            "kind": "overlay",
            "text": "Premium",
            "match": "",
            "box": list(CORNER),
            "product_text": False,
        }
    ]
    assert [f.to_json()["rule"] for f in found] == [f.rule for f in found]


def test_product_text_is_capped_at_warning() -> None:
    found = text_findings(facts(("ACME", LOGO), ("包邮", LOGO)), HUAXU, LISTS, PRODUCT)
    assert {(f.rule, f.severity) for f in found} == {
        ("text-overlay", Severity.WARNING),
        ("promo-text", Severity.WARNING),
    }
    logo = next(f for f in found if f.rule == "text-overlay")
    assert logo.message.startswith("Text on the product")
    # the same promo word laid over the photo stays an error
    (over,) = text_findings(facts(("包邮", CORNER)), HUAXU, LISTS, PRODUCT)
    assert over.severity is Severity.ERROR


def test_a_lower_profile_level_is_not_raised_by_the_cap() -> None:
    rules = {"text-overlay": text_rules("huaxu", text_overlay=Severity.INFO)["text-overlay"]}
    (f,) = text_findings(facts(("ACME", LOGO)), rules, LISTS, PRODUCT)
    assert f.severity is Severity.INFO


def test_only_rules_in_the_profile_are_reported() -> None:
    found = text_findings(
        facts(("SALE", CORNER), ("Premium", CORNER)), {"text-overlay": HUAXU["text-overlay"]}, LISTS
    )
    assert [f.rule for f in found] == ["text-overlay"]
    assert [i["text"] for i in found[0].detail["items"]] == ["Premium"]


def test_many_texts_are_counted_not_all_quoted() -> None:
    lines = [(f"Caption {n}", CORNER) for n in range(7)]
    (f,) = text_findings(facts(*lines), HUAXU, LISTS)
    assert "(+3 more)" in f.message and "另有 3 处" in f.message_zh
    assert len(f.detail["items"]) == 7


def test_clean_text_gives_no_findings() -> None:
    assert text_findings(TextFacts("t"), HUAXU, LISTS) == ()


def test_on_a_banner_any_text_is_the_overlay_warning() -> None:
    found = text_findings(facts(("SALE", CORNER), ("WeChat: shop8888", CORNER)), text_rules("banner"), LISTS)
    [(rule, severity)] = {(f.rule, f.severity) for f in found}
    assert (rule, severity) == ("text-overlay", Severity.WARNING)
    assert len(found[0].detail["items"]) == 2
