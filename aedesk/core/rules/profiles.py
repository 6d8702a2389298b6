"""Rule profiles as data: load the shipped TOML, apply the user's overrides.

A platform change should be a data edit: every threshold, severity, message and source
lives in `data/`. A user's override file can change severities and thresholds; a mistake
in it is reported (naming the line) and the shipped defaults stay in force.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from aedesk.core.findings import Severity
from aedesk.core.rules.text_lists import TextLists, load_text_lists

Message = dict[str, str]  # {"en": ..., "zh": ...}


@dataclass(frozen=True)
class Rule:
    """One rule as a profile applies it."""

    id: str
    level: str  # "image" | "set"
    severity: Severity
    messages: dict[str, Message]  # variant -> message
    params: dict[str, Any]
    seed: str
    source: str  # the sentence of the seed this rule enforces


@dataclass(frozen=True)
class Profile:
    """A named set of rules, and the shape of the set it validates."""

    id: str
    name: str
    name_zh: str
    kind: str  # "set" (ordered set of images) | "images" (each image on its own)
    seed: str
    rules: tuple[Rule, ...]
    min_items: int = 0
    max_items: int = 0
    cover_slot: bool = False
    layouts: tuple[int, ...] = ()
    exposure_counts: tuple[int, ...] = ()
    exposure_from: int = 0
    checklist: tuple[Message, ...] = ()

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def image_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.level == "image")

    def set_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.level == "set")


class ProfileError(ValueError):
    """A problem in a profile or override file; the message names the file and place."""


@dataclass
class Catalogue:
    """All profiles, the rule definitions, and any problems met while loading overrides."""

    profiles: dict[str, Profile]
    definitions: dict[str, dict[str, Any]]
    text_lists: TextLists
    problems: list[str] = field(default_factory=list)

    def profile(self, profile_id: str) -> Profile:
        try:
            return self.profiles[profile_id]
        except KeyError:
            known = ", ".join(self.profiles)
            raise ProfileError(f"Unknown profile {profile_id!r}; known: {known}") from None

    def message(self, rule_id: str, variant: str = "default") -> Message:
        messages: dict[str, Message] = self.definitions[rule_id]["message"]
        return messages[variant]


PROFILE_ORDER = ("huaxu", "new-arrival", "article", "banner")


def _data() -> Any:
    return resources.files("aedesk.core.rules") / "data"


def load_catalogue(override: Path | None = None, text_lists: Path | None = None) -> Catalogue:
    """Load shipped profiles and word lists, and apply the user's files when they exist.

    `override` changes severities and thresholds; `text_lists` extends the text rules'
    words and patterns. A mistake in either is recorded in `problems`; the defaults stay.
    """
    definitions = tomllib.loads((_data() / "rules.toml").read_text("utf-8"))
    profiles = {}
    for pid in PROFILE_ORDER:
        raw = tomllib.loads((_data() / "profiles" / f"{pid}.toml").read_text("utf-8"))
        profiles[pid] = _build_profile(raw, definitions)
    catalogue = Catalogue(profiles, definitions, load_text_lists())
    if override is not None and override.exists():
        try:
            catalogue.profiles = apply_override(catalogue.profiles, override)
        except ProfileError as exc:
            catalogue.problems.append(str(exc))
    if text_lists is not None and text_lists.exists():
        try:
            catalogue.text_lists = load_text_lists(text_lists)
        except (OSError, ValueError) as exc:
            catalogue.problems.append(f"{exc}; the shipped word lists stay in force.")
    return catalogue


def _build_profile(raw: dict[str, Any], definitions: dict[str, Any]) -> Profile:
    rules = tuple(
        Rule(
            id=r["id"],
            level=definitions[r["id"]]["level"],
            severity=Severity(r["severity"]),
            messages=definitions[r["id"]]["message"],
            params=dict(r.get("params", {})),
            seed=r.get("seed", raw["seed"]),
            source=r["source"],
        )
        for r in raw["rules"]
    )
    return Profile(
        id=raw["id"],
        name=raw["name"],
        name_zh=raw["name_zh"],
        kind=raw["kind"],
        seed=raw["seed"],
        rules=rules,
        min_items=raw.get("min_items", 0),
        max_items=raw.get("max_items", 0),
        cover_slot=raw.get("cover_slot", False),
        layouts=tuple(raw.get("layouts", ())),
        exposure_counts=tuple(raw.get("exposure_counts", ())),
        exposure_from=raw.get("exposure_from", 0),
        checklist=tuple(raw.get("checklist", ())),
    )


def apply_override(profiles: dict[str, Profile], path: Path) -> dict[str, Profile]:
    """Apply `[profile.rule-id]` tables (severity and/or parameters) from `path`.

    Either the whole file applies or none of it does, so a typo never half-changes rules.
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: {exc}; the default rules stay in force.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot be read ({exc}); the default rules stay in force.") from None
    result = dict(profiles)
    for pid, table in data.items():
        if pid not in result or not isinstance(table, dict):
            raise ProfileError(f"{path}: [{pid}] is not a profile (known: {', '.join(result)}).")
        result[pid] = _override_profile(result[pid], table, path)
    return result


def _override_profile(profile: Profile, table: dict[str, Any], path: Path) -> Profile:
    rules = {r.id: r for r in profile.rules}
    for rid, changes in table.items():
        rule = rules.get(rid)
        if rule is None or not isinstance(changes, dict):
            raise ProfileError(f"{path}: [{profile.id}.{rid}] is not a rule of {profile.id}.")
        rules[rid] = _override_rule(rule, changes, f"{path}: [{profile.id}.{rid}]")
    return replace(profile, rules=tuple(rules.values()))


def _override_rule(rule: Rule, changes: dict[str, Any], where: str) -> Rule:
    params = dict(rule.params)
    severity = rule.severity
    for key, value in changes.items():
        if key == "severity":
            try:
                severity = Severity(value)
            except ValueError:
                raise ProfileError(f"{where}: severity must be error, warning or info, not {value!r}.") from None
        elif (key in params and type(value) is type(params[key])) or (
            isinstance(params.get(key), float) and type(value) is int
        ):
            params[key] = value
        elif key in params:
            raise ProfileError(f"{where}: {key} must be {type(params[key]).__name__}, not {value!r}.")
        else:
            known = ", ".join(["severity", *params])
            raise ProfileError(f"{where}: unknown setting {key!r} (known: {known}).")
    return replace(rule, severity=severity, params=params)
