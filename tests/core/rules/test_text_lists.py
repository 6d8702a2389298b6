"""Loading the text lists: the shipped data, a user's extension, bad data, and the readings."""

from __future__ import annotations

from pathlib import Path

import pytest

from aedesk.core.analysis.facts import TextBox, TextFacts
from aedesk.core.rules.text_lists import load_text_lists, normalise, readings, word_regex
from aedesk.core.rules.text_rules import CONTACT, OVERLAY, PROMO, classify_text

BOX = (0.05, 0.05, 0.4, 0.06)


def rules_of(text: str, lists_path: Path | None = None) -> set[str]:
    facts = TextFacts("t", (TextBox(text, 0.99, BOX),))
    return {h.rule for h in classify_text(facts, load_text_lists(lists_path))}


def test_shipped_lists_cover_both_languages() -> None:
    lists = load_text_lists()
    promo = {m.source for m in lists.promo}
    assert {"limited time offer", "free shipping", "限时", "包邮", "秒杀"} <= promo
    contact_kinds = {m.kind for m in lists.contact}
    assert {"phone", "email", "url", "messenger", "contact-word"} <= contact_kinds
    assert {"微信", "whatsapp", "telegram", "skype"} <= {m.source for m in lists.contact}


def test_a_user_file_extends_the_lists(tmp_path: Path) -> None:
    user = tmp_path / "my_lists.toml"
    user.write_text(
        '[promo-text]\nwords = ["mega deal", "大甩卖"]\n'
        "[contact-info.patterns]\n"
        "shop-code = ['shop\\s*#\\d{4}']\n",
        encoding="utf-8",
    )
    assert rules_of("MEGA DEAL", user) == {PROMO}
    assert rules_of("工厂大甩卖", user) == {PROMO}
    assert rules_of("Shop #1234", user) == {CONTACT}
    assert rules_of("Shop #1234") == {OVERLAY}  # only with the user file
    assert rules_of("限时", user) == {PROMO}  # shipped words stay


def test_a_bad_pattern_names_the_file_and_pattern(tmp_path: Path) -> None:
    user = tmp_path / "bad.toml"
    user.write_text("[promo-text]\npatterns = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml.*\(unclosed"):
        load_text_lists(user)


def test_a_missing_user_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        load_text_lists(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("ＦＲＥＥ　Ｓｈｉｐｐｉｎｇ", "free shipping"),
        ("１３８－１２３４－５６７８", "138-1234-5678"),
        ("shop。com", "shop.com"),
        ("a — b", "a - b"),
        ("  two   spaces\t", "two spaces"),
        ("微信：abc", "微信:abc"),
    ],
)
def test_normalise(raw: str, norm: str) -> None:
    assert normalise(raw) == norm


@pytest.mark.parametrize(
    ("norm", "corrected"),
    [
        ("l38 l234 5678", "138 1234 5678"),
        ("5o% 0ff", "50% off"),
        ("sa1e", "sale"),
        ("xr-2000", "xr-2000"),
        ("sale", "sale"),
        ("限时 0ff", "限时 off"),
    ],
)
def test_slip_corrected_reading(norm: str, corrected: str) -> None:
    assert readings(norm) == (norm, corrected)


@pytest.mark.parametrize(
    ("word", "text", "hit"),
    [
        ("sale", "big sale!", True),
        ("sale", "5ALE", True),
        ("sale", "$ale", True),
        ("sale", "sales", True),
        ("sale", "wholesale", False),
        ("sale", "salem", False),
        ("free shipping", "freeshipping", True),
        ("free shipping", "free shlpplng", True),
        ("包邮", "全国包邮", True),
        ("v信", "加v信", True),
    ],
)
def test_word_regex_is_slip_tolerant_and_whole_word(word: str, text: str, hit: bool) -> None:
    assert bool(word_regex(word).search(normalise(text))) is hit
