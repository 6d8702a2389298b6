"""Profiles as data: every rule of RULES.md is there, with both messages and a source."""

from __future__ import annotations

from pathlib import Path

import pytest

from aedesk.core.findings import Severity
from aedesk.core.rules.profiles import Catalogue, ProfileError, load_catalogue

EXPECTED = {
    "huaxu": {"format": "error", "extension-mismatch": "warning", "min-resolution": "error",
              "max-file-size": "error", "qr-code": "error", "contact-info": "error", "promo-text": "error",
              "text-overlay": "warning", "collage": "warning", "color-mode": "warning", "blur": "warning",
              "set-size": "error", "set-recommended-size": "warning", "cover": "warning",
              "duplicate": "error", "near-duplicate": "warning"},
    "new-arrival": {"post-size": "error", "exposure-count": "warning", "mixed-background": "error",
                    "background-style": "warning", "canvas-mismatch": "error", "orientation-mismatch": "error",
                    "placement-mismatch": "warning", "duplicate": "error", "near-duplicate": "error",
                    "collage": "error", "promo-text": "error", "contact-info": "error", "qr-code": "error",
                    "text-overlay": "warning", "too-many-items": "warning", "background-kind": "info",
                    "blur": "warning", "format": "error", "max-file-size": "error", "color-mode": "warning",
                    "schedule": "error"},
    "article": {"article-size": "warning"},
    "banner": {"banner-size": "error", "text-overlay": "warning"},
}
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def test_profiles_match_the_rule_catalogue(catalogue: Catalogue) -> None:
    actual = {pid: {r.id: r.severity.value for r in p.rules} for pid, p in catalogue.profiles.items()}
    assert actual == EXPECTED


def test_every_rule_has_both_languages_and_a_source(catalogue: Catalogue) -> None:
    for profile in catalogue.profiles.values():
        for rule in profile.rules:
            for message in rule.messages.values():
                assert message["en"] and message["zh"], rule.id
            assert rule.source and rule.seed.endswith(".txt"), rule.id


@pytest.mark.skipif(not SEEDS.exists(), reason="the seed documents live beside the repository")
def test_sources_quote_their_seed(catalogue: Catalogue) -> None:
    for profile in catalogue.profiles.values():
        for rule in profile.rules:
            seed_text = (SEEDS / rule.seed).read_text("utf-8")
            assert rule.source in seed_text, (profile.id, rule.id, rule.source)


def test_override_changes_threshold_and_severity(tmp_path: Path) -> None:
    override = tmp_path / "rules.toml"
    override.write_text('[huaxu.min-resolution]\nmin_width = 1000\nseverity = "warning"\n', "utf-8")
    rule = load_catalogue(override).profile("huaxu").rule("min-resolution")
    assert rule.params["min_width"] == 1000 and rule.params["min_height"] == 1200
    assert rule.severity is Severity.WARNING


def test_malformed_override_names_the_line_and_keeps_defaults(tmp_path: Path) -> None:
    override = tmp_path / "rules.toml"
    override.write_text('[huaxu.min-resolution]\nmin_width = 1000\nseverity = warning\n', "utf-8")
    catalogue = load_catalogue(override)
    assert catalogue.profile("huaxu").rule("min-resolution").params["min_width"] == 1200
    [problem] = catalogue.problems
    assert "line 3" in problem and str(override) in problem


@pytest.mark.parametrize(("text", "words"), [
    ('[huaxu.no-such-rule]\nseverity = "info"\n', "not a rule"),
    ('[nope.format]\nseverity = "info"\n', "not a profile"),
    ('[huaxu.min-resolution]\nmin_width = "big"\n', "must be int"),
    ('[huaxu.min-resolution]\nseverity = "fatal"\n', "severity must be"),
    ('[huaxu.min-resolution]\nwidth = 3\n', "unknown setting"),
])
def test_override_mistakes_are_reported_and_nothing_applies(tmp_path: Path, text: str, words: str) -> None:
    override = tmp_path / "rules.toml"
    override.write_text('[huaxu.blur]\nmin_sharpness = 1\n' + text, "utf-8")
    catalogue = load_catalogue(override)
    assert words in catalogue.problems[0]
    shipped = load_catalogue().profile("huaxu").rule("blur").params["min_sharpness"]
    assert catalogue.profile("huaxu").rule("blur").params["min_sharpness"] == shipped


def test_unknown_profile_is_a_clear_error(catalogue: Catalogue) -> None:
    with pytest.raises(ProfileError, match="known: huaxu"):
        catalogue.profile("tmall")
