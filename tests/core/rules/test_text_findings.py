"""text_findings: severities per profile, the product-text cap, grouping, and not-checked."""

from __future__ import annotations

from aedesk.core.analysis.facts import TextBox, TextFacts
from aedesk.core.findings import NOT_CHECKED, Severity
from aedesk.core.rules.text_findings import PENDING, text_findings
from aedesk.core.rules.text_lists import load_text_lists

LISTS = load_text_lists()
HUAXU = {
    "contact-info": Severity.ERROR,
    "promo-text": Severity.ERROR,
    "text-overlay": Severity.WARNING,
}
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
    assert {r: f.severity for r, f in by_rule.items()} == HUAXU
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
    levels = {"text-overlay": Severity.INFO}
    (f,) = text_findings(facts(("ACME", LOGO)), levels, LISTS, PRODUCT)
    assert f.severity is Severity.INFO


def test_only_rules_in_the_profile_are_reported() -> None:
    found = text_findings(
        facts(("SALE", CORNER), ("Premium", CORNER)), {"text-overlay": Severity.WARNING}, LISTS
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


def test_ocr_error_reports_not_checked_per_rule_with_the_reason() -> None:
    found = text_findings(
        TextFacts("t", error="OCR library not available: no onnxruntime"), HUAXU, LISTS
    )
    assert [f.rule for f in found] == [NOT_CHECKED] * 3
    assert [f.detail["rule"] for f in found] == ["contact-info", "promo-text", "text-overlay"]
    assert all(f.severity is Severity.WARNING for f in found)
    assert all("no onnxruntime" in f.message and "no onnxruntime" in f.message_zh for f in found)


def test_ocr_not_run_yet_is_not_checked_at_info() -> None:
    found = text_findings(None, {"promo-text": Severity.ERROR}, LISTS)
    assert [(f.rule, f.severity, f.detail["reason"]) for f in found] == [
        (NOT_CHECKED, Severity.INFO, PENDING)
    ]
