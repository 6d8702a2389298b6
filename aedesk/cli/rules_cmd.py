"""`aedesk rules`: list profiles and their rules, with thresholds and sources."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from aedesk.cli import output
from aedesk.core.rules.profiles import Profile, load_catalogue
from aedesk.library import paths


def register(sub: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("rules", help="list profiles and rules with their sources")
    add_common(p)
    p.set_defaults(profile=None)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "profile": profile.id,
        "name": profile.name,
        "name_zh": profile.name_zh,
        "kind": profile.kind,
        "min_items": profile.min_items,
        "max_items": profile.max_items,
        "rules": [
            {
                "rule": r.id,
                "level": r.level,
                "severity": r.severity.value,
                "params": r.params,
                "message": r.messages["default"]["en"],
                "message_zh": r.messages["default"]["zh"],
                "source": {"seed": r.seed, "text": r.source},
            }
            for r in profile.rules
        ],
        "checklist": list(profile.checklist),
    }


def run(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(paths.rules_override(), paths.text_lists_override())
    for note in catalogue.problems:
        print(f"aedesk: {note}", file=sys.stderr)
    chosen = [catalogue.profile(args.profile)] if args.profile else list(catalogue.profiles.values())
    if args.json:
        print(json.dumps([profile_json(p) for p in chosen], ensure_ascii=False, indent=2))
        return 0
    zh = args.lang == "zh"
    for profile in chosen:
        output.write(f"{profile.id}: {profile.name_zh if zh else profile.name}  [{profile.seed}]")
        for r in profile.rules:
            params = ", ".join(f"{k}={v}" for k, v in r.params.items())
            output.write(f"  {r.id:<22} {r.level:<6} {r.severity.value:<8} {params}")
            output.write(f"  {'':<22} «{r.source}»")
        output.write("")
    return 0
