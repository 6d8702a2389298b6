"""`aedesk check`: check images (and optionally one set of them) against a profile."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aedesk.cli import output
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.findings import Finding, Severity, worst
from aedesk.core.rules.text_findings import TEXT_RULES
from aedesk.library.checker import Checker, CheckResult
from aedesk.library.files import Walk, walk_images

AddCommon = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_common: AddCommon) -> None:
    p = sub.add_parser("check", help="check images against a profile's rules",
                       description="Check image files and folders (recursively) against a profile.")
    add_common(p)
    p.add_argument("--set", action="store_true",
                   help="treat the files, in the order given, as one set of the profile")
    p.add_argument("--json", action="store_true", help="print one JSON object (the public contract)")
    p.add_argument("--no-ocr", action="store_true",
                   help="skip text recognition (the text rules then say not-checked)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.set_defaults(func=run)


def collect(paths: list[Path]) -> tuple[Walk, list[str]]:
    """Files named directly are always checked; folders are walked for images by content."""
    walk, problems = Walk(), []
    for p in paths:
        if p.is_dir():
            walk_images(p, walk)
        elif p.exists() or p.is_symlink():
            walk.images.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    problems += [f"{d}: folder cannot be read (permission denied?)" for d in walk.unreadable_dirs]
    return walk, problems


def run(args: argparse.Namespace) -> int:
    walk, problems = collect(args.paths)
    for problem in problems:
        print(f"aedesk check: {problem}", file=sys.stderr)
    if problems and not walk.images:
        return 2
    checker = Checker.from_user_settings()
    for note in checker.catalogue.problems:
        print(f"aedesk: {note}", file=sys.stderr)
    profile = checker.catalogue.profile(args.profile)
    if not args.no_ocr and any(r.id in TEXT_RULES for r in profile.image_rules()):
        checker.ocr = OcrEngine()
    result = checker.check(walk.images, profile, as_set=args.set)
    if args.json:
        print(json.dumps(to_json(result, args.lang), ensure_ascii=False, indent=2))
    else:
        print_human(result, walk.skipped, args.lang)
    return 1 if result.has_errors() else 0


def _finding_json(f: Finding, lang: str) -> dict[str, str]:
    data = f.to_json()
    data["message"] = f.text(lang)
    return data


def to_json(result: CheckResult, lang: str) -> dict[str, Any]:
    doc: dict[str, Any] = {"profile": result.profile.id, "images": []}
    for facts, findings in zip(result.facts, result.findings, strict=True):
        doc["images"].append({
            "path": facts.path,
            "format": facts.format,
            "width": facts.width if facts.readable else None,
            "height": facts.height if facts.readable else None,
            "bytes": facts.bytes,
            "findings": [_finding_json(f, lang) for f in findings],
        })
    if result.set_findings is not None:
        doc["set"] = {"findings": [_finding_json(f, lang) for f in result.set_findings]}
    return doc


def print_human(result: CheckResult, skipped: int, lang: str) -> None:
    colour = output.use_colour(sys.stdout)
    counts = {None: 0, Severity.INFO: 0, Severity.WARNING: 0, Severity.ERROR: 0}
    for facts, findings in zip(result.facts, result.findings, strict=True):
        level = worst([f for f in findings if f.severity.rank > 0])
        counts[level] += 1
        spec = f"{facts.width}×{facts.height} {facts.format} {output.human_size(facts.bytes)}" \
            if facts.readable else output.human_size(facts.bytes)
        output.write(f"{output.verdict(level, lang, colour)}  {facts.path}  ({spec})")
        for f in findings:
            output.write(output.finding_line(f, lang, colour))
    if result.set_findings is not None:
        level = worst([f for f in result.set_findings if f.severity.rank > 0])
        title = "整组" if lang == "zh" else "set"
        output.write(f"{output.verdict(level, lang, colour)}  [{title}: {len(result.facts)}]")
        for f in result.set_findings:
            output.write(output.finding_line(f, lang, colour))
    n = len(result.facts)
    ok, warn, err = counts[None], counts[Severity.WARNING], counts[Severity.ERROR]
    if lang == "zh":
        output.write(f"共 {n} 张图片：{ok} 张通过，{warn} 张有警告，{err} 张有错误；跳过 {skipped} 个非图片文件。")
    else:
        output.write(f"{n} images: {ok} ok, {warn} with warnings, {err} with errors; "
                     f"{skipped} other files skipped.")
