"""OCR and the text rules end to end on generated photos with text put on them.

Text in four fonts (Aileron, Anton, Noto Sans SC, Noto Serif SC), sizes from 26 to 90 px,
several colours, angles within ±10°, plates, outlines and a see-through watermark, on studio
shots, outdoor scenes and cluttered backgrounds, in English and Chinese; each image is
noised and JPEG-compressed. One OCR call per case (21 in all).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pytest
from imagegen import product, scene
from imagegen_text import Placed, busy, overlap, photo, put_text
from PIL import Image

from aedesk.core.analysis.text import OcrEngine
from aedesk.core.findings import Severity
from aedesk.core.rules.profiles import load_catalogue
from aedesk.core.rules.text_findings import text_findings
from aedesk.core.rules.text_lists import load_text_lists
from aedesk.core.rules.text_rules import CONTACT, OVERLAY, PROMO, classify_text

LISTS = load_text_lists()
WHITE, BLACK, RED = (255, 255, 255), (15, 15, 15), (210, 30, 30)


@dataclass(frozen=True)
class Case:
    base: Callable[[], Image.Image]
    texts: tuple[dict[str, Any], ...]
    rules: set[str]  # exactly the rules the image triggers
    reads: tuple[str, ...] = ()  # what the recognised text must contain (case and spaces aside)
    product: bool | None = None  # if set, whether the hits are flagged as text on the product

    def make(self) -> tuple[np.ndarray, list[Placed]]:
        img = self.base()
        placed = [put_text(img, **t) for t in self.texts]
        return photo(img, seed=len(self.texts)), placed


def t(
    text: str, at: tuple[float, float], size: int, font: str = "aileron", **kw: Any
) -> dict[str, Any]:
    return dict(text=text, at=at, size=size, font_name=font, **kw)


CASES: dict[str, Case] = {
    # English: promo, contact, plain overlay
    "en-banner-promo": Case(
        lambda: product((1280, 1280), seed=1),
        (t("LIMITED TIME OFFER", (0.05, 0.05), 64, "anton", colour=WHITE, plate=RED),),
        {PROMO},
        ("limited time offer",),
    ),
    "en-tilted-percent": Case(
        lambda: product((1280, 1280), seed=2, colour=(40, 140, 60)),
        (t("50% OFF", (0.58, 0.78), 72, colour=(220, 0, 0), angle=8),),
        {PROMO},
        ("50% off",),
    ),
    "en-busy-phone": Case(
        lambda: busy((1280, 960), seed=3),
        (t("WhatsApp +86 138 1234 5678", (0.08, 0.45), 44, colour=WHITE, stroke=BLACK),),
        {CONTACT},
        ("1381234",),
    ),
    "en-watermark-url": Case(
        lambda: scene((1280, 960), seed=4),
        (t("www.bestshop.com", (0.62, 0.9), 26, colour=WHITE, opacity=0.6),),
        {CONTACT},
        ("bestshop.com",),
    ),
    "en-serif-tilted-shipping": Case(
        lambda: scene((1280, 960), seed=5),
        (
            t(
                "Free Shipping",
                (0.1, 0.1),
                56,
                "noto-serif-sc",
                colour=(250, 220, 0),
                angle=-10,
                stroke=BLACK,
            ),
        ),
        {PROMO},
        ("shipping",),
    ),
    "en-busy-email-tag": Case(
        lambda: busy((1280, 960), seed=6),
        (
            t(
                "shop@gmail.com",
                (0.55, 0.08),
                36,
                "noto-sans-sc",
                colour=BLACK,
                plate=WHITE,
                angle=4,
            ),
        ),
        {CONTACT},
        ("@gmail.com",),
    ),
    "en-caption-overlay": Case(
        lambda: product((1280, 1280), seed=7),
        (t("Premium Quality", (0.25, 0.86), 60, "anton", colour=(60, 60, 60)),),
        {OVERLAY},
        ("premium quality",),
        product=False,
    ),
    # Chinese: promo, contact, plain overlay
    "zh-promo-outline": Case(
        lambda: product((1280, 1280), seed=8, colour=(200, 60, 60)),
        (t("限时特价 包邮", (0.1, 0.06), 64, "noto-sans-sc", colour=(255, 230, 0), stroke=BLACK),),
        {PROMO},
        ("限时特价", "包邮"),
    ),
    "zh-wechat-serif-tilted": Case(
        lambda: scene((1280, 960), seed=9),
        (
            t(
                "微信: shop8888",
                (0.55, 0.82),
                40,
                "noto-serif-sc",
                colour=WHITE,
                stroke=BLACK,
                angle=-6,
            ),
        ),
        {CONTACT},
        ("微信", "shop8888"),
    ),
    "zh-busy-flash-sale": Case(
        lambda: busy((1280, 960), seed=10),
        (t("秒杀 5折", (0.3, 0.4), 60, "noto-sans-sc", colour=WHITE, plate=RED),),
        {PROMO},
        ("秒杀",),
    ),
    "zh-landline": Case(
        lambda: product((1280, 1280), seed=11),
        (t("电话 0755-8888 6666", (0.05, 0.9), 40, "noto-sans-sc", colour=(30, 30, 30)),),
        {CONTACT},
        ("0755",),
    ),
    "zh-overlay": Case(
        lambda: scene((1280, 960), seed=12),
        (
            t(
                "新品上市 品质保证",
                (0.15, 0.1),
                52,
                "noto-serif-sc",
                colour=WHITE,
                stroke=BLACK,
                angle=5,
            ),
        ),
        {OVERLAY},
        ("新品上市",),
    ),
    # hard negatives: numbers that are not phones, words that are not promo
    "size-chart": Case(
        lambda: product((1280, 1280), seed=13),
        (
            t("EU 42 43 44 45", (0.05, 0.8), 40, colour=(40, 40, 40), plate=WHITE),
            t("CM 26 27 28 29", (0.05, 0.9), 40, colour=(40, 40, 40), plate=WHITE),
        ),
        {OVERLAY},
        ("42 43 44",),
    ),
    "price-and-size": Case(
        lambda: product((1280, 1280), seed=14, colour=(90, 90, 90)),
        (
            t("$19.99", (0.72, 0.05), 64, "anton", colour=RED),
            t("30x40cm", (0.05, 0.9), 36, colour=BLACK),
        ),
        {OVERLAY},
        ("19.99", "30x40cm"),
    ),
    "date-and-model": Case(
        lambda: scene((1280, 960), seed=15),
        (t("2024-05-01  XR-2000", (0.08, 0.08), 40, colour=WHITE, stroke=BLACK),),
        {OVERLAY},
        ("2024-05-01",),
    ),
    "zh-folding-not-discount": Case(
        lambda: product((1280, 1280), seed=16),
        (t("可折叠收纳", (0.05, 0.05), 48, "noto-sans-sc", colour=BLACK),),
        {OVERLAY},
        ("折叠",),
    ),
    # a brand name printed small on the product is text on the product
    "logo-on-product": Case(
        lambda: product((1280, 1280), seed=17, shape="box", colour=(40, 90, 170)),
        (t("ACME", (0.45, 0.47), 40, colour=(215, 220, 235)),),
        {OVERLAY},
        ("acme",),
        product=True,
    ),
    # no text at all
    "plain-product": Case(lambda: product((1280, 1280), seed=18), (), set()),
    "plain-scene": Case(lambda: scene((1280, 960), seed=19), (), set()),
    "plain-busy": Case(lambda: busy((1280, 960), seed=20), (), set()),
    # larger than the engine's working size: reduced first, boxes still in fractions
    "large-sale": Case(
        lambda: product((1600, 1600), seed=21),
        (t("SALE", (0.7, 0.1), 90, "anton", colour=WHITE, plate=RED),),
        {PROMO},
        ("sale",),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_text_on_photos(engine: OcrEngine, name: str) -> None:
    case = CASES[name]
    rgb, placed = case.make()
    facts = engine.recognise(rgb)
    assert facts.error is None, facts.error
    hits = classify_text(facts, LISTS)
    read = " | ".join(b.text for b in facts.boxes)
    assert {h.rule for h in hits} == case.rules, read
    squashed = read.casefold().replace(" ", "")
    for part in case.reads:
        assert part.replace(" ", "") in squashed, read
    for h in hits:  # every hit sits on text that was put there
        assert any(overlap(h.box, p.box) > 0.5 for p in placed), (h, placed)
        if case.product is not None:
            assert h.product_text is case.product, h
    if name == "logo-on-product":  # a logo never blocks export
        rules = {r.id: r for r in load_catalogue().profile("huaxu").image_rules()}
        (finding,) = text_findings(facts, {OVERLAY: replace(rules[OVERLAY], severity=Severity.ERROR)}, LISTS)
        assert finding.severity is Severity.WARNING
