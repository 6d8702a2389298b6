"""The text rules' data: promo words and contact patterns, from TOML.

The shipped list (`text_lists.toml`, read through importlib.resources so it works from a
checkout, a wheel or a frozen bundle) can be extended by a user file of the same layout.
Matching happens on a normalised line and on its slip-corrected reading, and words are
compiled slip-tolerant, so a slip of the recogniser (0 for O, l for 1, 5 for S, full-width
characters) does not hide a match.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

# OCR slips inside a token: digits read as letters, and letters read as digits
_AS_LETTER = str.maketrans("015", "ols")
_AS_DIGIT = str.maketrans("olis|", "01151")
# what one character of a word may have been read as
_SLIPS = {"o": "o0", "0": "0o", "i": "il1|!", "l": "li1|", "1": "1li|", "s": "s5$", "5": "5s"}
_LATIN = re.compile(r"[a-z0-9]")
_TOKEN = re.compile(r"[a-z0-9|$]+")


@dataclass(frozen=True)
class Matcher:
    """One word or pattern of the data, compiled. `source` is as written in the TOML."""

    kind: str
    source: str
    regex: re.Pattern[str]

    def search(self, readings: tuple[str, ...]) -> str | None:
        """The first match in any reading of a line, as it stands in the normalised line."""
        for reading in readings:
            m = self.regex.search(reading)
            if m:
                return readings[0][m.start() : m.end()].strip()
        return None


@dataclass(frozen=True)
class TextLists:
    """Compiled matchers per rule (the rules' messages live with the rules, in rules.toml)."""

    contact: tuple[Matcher, ...]
    promo: tuple[Matcher, ...]


def normalise(text: str) -> str:
    """NFKC, lower case, "。" as ".", one kind of dash, single spaces."""
    s = unicodedata.normalize("NFKC", text).casefold()
    s = s.replace("。", ".").translate(str.maketrans("‐‑‒–—−", "------"))
    return " ".join(s.split())


def readings(norm: str) -> tuple[str, ...]:
    """The line as read, and its slip-corrected reading (the same length).

    In the corrected reading a token with at least as many digits as letters reads
    o l i | s as 0 1 1 1 5 ("l38" -> "138", "5o" -> "50"); any other token with a digit
    reads 0 1 5 as o l s ("0ff" -> "off", "sa1e" -> "sale").
    """

    def fix(m: re.Match[str]) -> str:
        token = m[0]
        digits = sum(c.isdigit() for c in token)
        if digits == 0:
            return token
        letters = sum(c.isalpha() for c in token)
        return token.translate(_AS_DIGIT if digits >= letters else _AS_LETTER)

    return norm, _TOKEN.sub(fix, norm)


def word_regex(word: str) -> re.Pattern[str]:
    """A slip-tolerant regex for a word; Latin words match whole (plural s allowed)."""
    w = normalise(word)
    body = "".join(
        r"\s*" if c == " " else f"[{re.escape(_SLIPS[c])}]" if c in _SLIPS else re.escape(c)
        for c in w
    )
    head = r"(?<![a-z0-9])" if _LATIN.match(w[:1]) else ""
    tail = r"s?(?![a-z])" if _LATIN.match(w[-1:]) else ""
    return re.compile(head + body + tail)


def load_text_lists(path: Path | str | None = None) -> TextLists:
    """The shipped lists, extended by the user file at `path` if given.

    Raises ValueError naming the file and the pattern when a pattern does not compile,
    and OSError / tomllib.TOMLDecodeError when the user file cannot be read.
    """
    shipped = resources.files("aedesk.core.rules").joinpath("text_lists.toml")
    data = tomllib.loads(shipped.read_text(encoding="utf-8"))
    origin = "text_lists.toml"
    if path is not None:
        origin = str(path)
        data = _merge(data, tomllib.loads(Path(path).read_text(encoding="utf-8")))
    promo, contact = data.get("promo-text", {}), data.get("contact-info", {})
    return TextLists(
        contact=(
            *(Matcher("messenger", w, word_regex(w)) for w in contact.get("messenger_words", ())),
            *(Matcher("contact-word", w, word_regex(w)) for w in contact.get("contact_words", ())),
            *(
                Matcher(kind, p, _compile(p, origin))
                for kind, pats in contact.get("patterns", {}).items()
                for p in pats
            ),
        ),
        promo=(
            *(Matcher("promo-word", w, word_regex(w)) for w in promo.get("words", ())),
            *(Matcher("promo-pattern", p, _compile(p, origin)) for p in promo.get("patterns", ())),
        ),
    )


def _compile(pattern: str, origin: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{origin}: bad pattern {pattern!r}: {exc}") from exc


def _merge(base: Any, extra: Any) -> Any:
    """Tables merge key by key, lists are extended (without repeats), other values replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra
