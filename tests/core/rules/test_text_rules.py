"""classify_text on recognised strings: positives and hard negatives per rule, both languages."""

from __future__ import annotations

import pytest

from aedesk.core.analysis.facts import TextBox, TextFacts
from aedesk.core.rules.text_rules import (
    CONTACT,
    OVERLAY,
    PROMO,
    TextHit,
    classify_text,
    is_product_text,
    load_text_lists,
)

LISTS = load_text_lists()
CORNER = (0.05, 0.05, 0.4, 0.06)  # a caption in the top-left corner: never product text


def hits(text: str, score: float = 0.98) -> tuple[TextHit, ...]:
    return classify_text(TextFacts("test", (TextBox(text, score, CORNER),)), LISTS)


def rules(text: str) -> set[str]:
    return {h.rule for h in hits(text)}


def kinds(text: str) -> set[str]:
    return {h.kind for h in hits(text)}


CONTACT_POSITIVES = [
    # phones: Chinese mobile in its usual groupings, with country code, OCR slips, full width
    ("13812345678", "phone"),
    ("138 1234 5678", "phone"),
    ("138-1234-5678", "phone"),
    ("+86 138 1234 5678", "phone"),
    ("0086-13912345678", "phone"),
    ("Tel: l38 l234 S678", "phone"),
    ("１３８ １２３４ ５６７８", "phone"),
    ("手机：15912345678", "phone"),
    ("021-12345678", "phone"),
    ("(0755) 8888 6666", "phone"),
    ("400-123-4567", "phone"),
    ("+1 (415) 555-2671", "phone"),
    ("+44 20 7946 0958", "phone"),
    ("+7 912 345 67 89", "phone"),
    ("(415) 555-2671", "phone"),
    ("电话 8888 6666", "phone"),
    # e-mail and links
    ("shop@gmail.com", "email"),
    ("sales.cn@163.com", "email"),
    ("E-mail: best_shop@qq.com", "email"),
    ("www.bestshop.com", "url"),
    ("https://s.click.aliexpress.com/e/abc", "url"),
    ("Visit shop.com today", "url"),
    ("myshop.cn", "url"),
    ("wa.me/8613812345678", "url"),
    ("t.me/bestshop", "url"),
    ("WWW.SHOP。COM", "url"),
    # messengers, their Chinese names and abbreviations, ids
    ("WeChat: shop8888", "messenger"),
    ("WhatsApp", "messenger"),
    ("whats app us", "messenger"),
    ("Telegram", "messenger"),
    ("Skype: best.shop", "messenger"),
    ("微信: shop8888", "messenger"),
    ("加微信领红包", "messenger"),
    ("V信 shop8888", "messenger"),
    ("薇信号 abc123", "messenger"),
    ("VX: shop8888", "messenger"),
    ("wx shop_2024", "messenger"),
    ("QQ 12345678", "messenger"),
    ("qq号：88886666", "messenger"),
    ("Line: shop88", "messenger"),
    ("LINE ID bestshop", "messenger"),
    ("@bestshop", "messenger"),
    ("ＷＥＣＨＡＴ：ｓｈｏｐ", "messenger"),
    ("联系我们", "contact-word"),
    ("24小时客服", "contact-word"),
]


@pytest.mark.parametrize(("text", "kind"), CONTACT_POSITIVES)
def test_contact_positives(text: str, kind: str) -> None:
    found = hits(text)
    assert any(h.rule == CONTACT and h.kind == kind for h in found), found


CONTACT_NEGATIVES = [
    "42 43 44",  # size chart
    "EU 36 37 38 39 40 41",
    "Size 150 160 170 180",
    "S M L XL XXL",
    "$19.99",
    "¥199 ¥299 ¥1999",
    "199 299 1999",
    "30x40cm",
    "30 x 40 x 120 cm",
    "2024-05-01",
    "2024.05.01",
    "XR-2000",
    "WX-2000",
    "Model ID: XR-2000",
    "6901234567892",  # an EAN printed under a barcode
    "Batch 20240501 001",
    "3.5mm jack",
    "Ver 2.0.1",
    "Good quality.It is",
    "product line series",
    "online",
    "电话手表",  # "phone watch": a product, not a number
    "手机壳 iPhone 15",
    "100% cotton",
    "Made in China",
    "ISO 9001:2015",
]


@pytest.mark.parametrize("text", CONTACT_NEGATIVES)
def test_contact_negatives(text: str) -> None:
    assert CONTACT not in rules(text), hits(text)


PROMO_POSITIVES = [
    "LIMITED TIME OFFER",
    "Limited time only",
    "SALE",
    "Hot Sale",
    "FLASH SALES",
    "50% OFF",
    "5O% 0FF",  # OCR slips both ways
    "up to 70%",
    "Save $20",
    "Free shipping",
    "FREE SHlPPlNG",
    "FreeShipping",
    "Best Seller",
    "Discount",
    "D1SCOUNT",
    "Buy 1 Get 1",
    "buy l get l",
    "Special Offer!",
    "Black Friday Deals",
    "Ｆｒｅｅ Ｓｈｉｐｐｉｎｇ",
    "限时抢购",
    "折扣",
    "全国包邮",
    "促销",
    "特价",
    "秒杀",
    "清仓",
    "满减",
    "优惠",
    "爆款",
    "打折",
    "特惠",
    "8折",
    "7.5折",
    "全场五折",
    "满199减30",
    "买2送1",
    "买一送一",
    "双11",
]


@pytest.mark.parametrize("text", PROMO_POSITIVES)
def test_promo_positives(text: str) -> None:
    assert PROMO in rules(text), hits(text)


PROMO_NEGATIVES = [
    "Wholesale",  # whole words only
    "Salem",
    "Ideal for travel",
    "Offers great grip",
    "sugar free",
    "Free size",
    "100% cotton",
    "Waterproof up to 30m",
    "Premium Quality",
    "NEW ARRIVAL",
    "折叠椅",  # 折叠 is "folding", not a discount
    "可折叠收纳",
    "三折叠雨伞",  # "tri-fold umbrella": a numeral before 折, still not a discount
    "2折叠床",
    "新品上市",
    "优质面料",  # 优质 "fine quality", not 优惠
    "特点",
    "纯棉",
]


@pytest.mark.parametrize("text", PROMO_NEGATIVES)
def test_promo_negatives(text: str) -> None:
    assert PROMO not in rules(text), hits(text)


@pytest.mark.parametrize("text", [*PROMO_NEGATIVES, "42 43 44", "XR-2000", "ACME"])
def test_other_readable_text_is_an_overlay(text: str) -> None:
    found = hits(text)
    assert [h.rule for h in found] == [OVERLAY]
    assert found[0].text == text and found[0].box == CORNER and found[0].kind == "overlay"
    assert found[0].match == ""


@pytest.mark.parametrize(("text", "score"), [("x", 0.99), ("|", 0.99), ("Premium", 0.55)])
def test_noise_is_not_an_overlay(text: str, score: float) -> None:
    assert hits(text, score) == ()


def test_a_line_can_carry_several_hits_with_one_per_kind() -> None:
    found = hits("WhatsApp +86 138 1234 5678 Free shipping 包邮")
    assert {(h.rule, h.kind) for h in found} == {
        (CONTACT, "messenger"),
        (CONTACT, "phone"),
        (PROMO, "promo-word"),
    }
    phone = next(h for h in found if h.kind == "phone")
    assert phone.match == "+86 138 1234 5678"
    assert phone.text == "WhatsApp +86 138 1234 5678 Free shipping 包邮"


def test_every_line_is_judged_on_its_own_box() -> None:
    a, b = (0.1, 0.1, 0.3, 0.05), (0.1, 0.8, 0.3, 0.05)
    facts = TextFacts("t", (TextBox("SALE", 0.9, a), TextBox("Premium", 0.9, b)))
    assert [(h.rule, h.box) for h in classify_text(facts, LISTS)] == [(PROMO, a), (OVERLAY, b)]


def test_nothing_read_gives_no_hits() -> None:
    assert classify_text(TextFacts("t"), LISTS) == ()


# product text: size, position, contrast
def line(box: tuple[float, float, float, float], contrast: float | None) -> TextBox:
    return TextBox("ACME", 0.99, box, contrast)


SMALL_CENTRE = (0.42, 0.45, 0.12, 0.03)
PRODUCT = (0.3, 0.2, 0.4, 0.6)


@pytest.mark.parametrize(
    ("box", "contrast", "foreground", "expected"),
    [
        (SMALL_CENTRE, 0.3, PRODUCT, True),  # small, low contrast, on the product
        (
            SMALL_CENTRE,
            0.9,
            PRODUCT,
            True,
        ),  # small and on the product: contrast alone is not enough
        ((0.32, 0.4, 0.36, 0.09), 0.2, PRODUCT, True),  # large but tone-on-tone
        ((0.32, 0.4, 0.36, 0.09), 0.9, PRODUCT, False),  # large and stark: an overlay on the item
        ((0.05, 0.9, 0.12, 0.03), 0.3, PRODUCT, False),  # small, but off the product (a watermark)
        ((0.25, 0.45, 0.2, 0.03), 0.3, PRODUCT, False),  # a quarter of it off the product
        (SMALL_CENTRE, 0.3, None, True),  # no foreground known: central, small, low contrast
        (SMALL_CENTRE, None, None, True),
        (SMALL_CENTRE, 0.9, None, False),  # without a foreground, stark text is not excused
        ((0.3, 0.45, 0.4, 0.08), 0.3, None, False),
        ((0.02, 0.02, 0.1, 0.03), 0.2, None, False),  # corner
    ],
)
def test_product_text_weighs_size_position_contrast(
    box: tuple[float, float, float, float],
    contrast: float | None,
    foreground: tuple[float, float, float, float] | None,
    expected: bool,
) -> None:
    assert is_product_text(line(box, contrast), foreground) is expected


def test_product_text_becomes_a_logo_hit() -> None:
    facts = TextFacts("t", (line(SMALL_CENTRE, 0.3),))
    (hit,) = classify_text(facts, LISTS, PRODUCT)
    assert (hit.rule, hit.kind, hit.product_text) == (OVERLAY, "logo", True)
    (hit,) = classify_text(TextFacts("t", (line((0.05, 0.9, 0.12, 0.03), 0.3),)), LISTS, PRODUCT)
    assert (hit.rule, hit.kind, hit.product_text) == (OVERLAY, "overlay", False)


def test_contact_on_the_product_is_still_contact_but_flagged() -> None:
    facts = TextFacts("t", (TextBox("微信 shop8888", 0.99, SMALL_CENTRE, 0.3),))
    (hit,) = classify_text(facts, LISTS, PRODUCT)
    assert (hit.rule, hit.product_text) == (CONTACT, True)
