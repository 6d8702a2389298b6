"""`aedesk export`: write an upload-ready bundle of the files, in set order.

Exit status: 0 written (or unchanged since an earlier bundle), 1 refused because error
findings remain, 2 bad usage or an I/O failure (nothing is written in either of those).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from aedesk.cli import output
from aedesk.core.analysis.pipeline import analyse
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.export.describe import describe
from aedesk.core.export.options import ExportOptions, PlanError
from aedesk.core.export.plan import make_plan
from aedesk.core.findings import Finding
from aedesk.core.rules.text_findings import TEXT_RULES
from aedesk.core.units import human_size
from aedesk.library.checker import Checker
from aedesk.library.exporter import Exporter, ExportError, ExportResult


def register(sub: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("export", help="write an upload-ready bundle of a set",
                       description="Export the files, in set order, as a bundle: 01.jpg, 02.jpg, …, "
                                   "manifest.json and report.html, in a new folder inside DIR.")
    add_common(p)
    p.add_argument("--out", "-o", type=Path, required=True, metavar="DIR", help="where the bundle folder goes")
    p.add_argument("--name", help="bundle (set) name; default: the folder of the first file")
    p.add_argument("--zip", action="store_true", help="also write a .zip of the bundle folder")
    p.add_argument("--force", action="store_true",
                   help="write although error findings remain (recorded in the manifest), "
                        "or although an identical bundle exists")
    p.add_argument("--reason", default="", help="why --force: recorded in the manifest and the report")
    p.add_argument("--canvas", action="store_true",
                   help="上新帖: bring every image to one canvas size and orientation (padding, never stretching)")
    p.add_argument("--keep-format", action="store_true", help="keep a PNG as PNG when it fits under the size cap")
    p.add_argument("--background", type=_colour, metavar="#RRGGBB",
                   help="colour for transparency and padding (default: each image's detected backdrop)")
    p.add_argument("--publish-at", type=_when, metavar="'YYYY-MM-DD HH:MM'",
                   help="上新帖: planned publish time in China time (at most 7 days ahead)")
    p.add_argument("--tick", type=int, action="append", default=[], metavar="N",
                   help="tick item N (from 1) of the profile's manual checklist; repeatable")
    p.add_argument("--no-ocr", action="store_true", help="skip text recognition on the output")
    p.add_argument("--json", action="store_true", help="print the result and manifest as JSON")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.set_defaults(func=run)


def _colour(text: str) -> tuple[int, int, int]:
    value = text.removeprefix("#")
    if len(value) != 6:
        raise argparse.ArgumentTypeError(f"{text!r} is not a colour like #f5f5f5")
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a colour like #f5f5f5") from None


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like '2024-06-01 20:00'") from None


def _fail(message: str) -> int:
    print(f"aedesk export: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    zh = args.lang == "zh"
    problems = [f"{f}: no such file" for f in args.files if not f.exists()]
    problems += [f"{f}: is a folder; name the files, in set order" for f in args.files if f.is_dir()]
    if problems:
        return _fail("; ".join(problems))
    checker = Checker.from_user_settings()
    for note in checker.catalogue.problems:
        print(f"aedesk: {note}", file=sys.stderr)
    profile = checker.catalogue.profile(args.profile)
    if any(not 1 <= n <= len(profile.checklist) for n in args.tick):
        return _fail(f"--tick takes 1 to {len(profile.checklist)} for {profile.id}")
    ticks = tuple(n + 1 in args.tick for n in range(len(profile.checklist)))
    options = ExportOptions(keep_format=args.keep_format, canvas=args.canvas, background=args.background,
                            zip=args.zip, force=args.force, force_reason=args.reason,
                            publish_at=args.publish_at, ticks=ticks)
    facts = checker.analyse_all(args.files)  # the sources: no OCR, the output is what gets read
    name = args.name or args.files[0].resolve().parent.name
    try:
        plan = make_plan(name, profile, facts, options)
    except PlanError as exc:
        return _fail(exc.message_zh if zh else str(exc))
    ocr = OcrEngine() if not args.no_ocr and any(r.id in TEXT_RULES for r in profile.image_rules()) else None
    exporter = Exporter(checker.catalogue, lambda path: analyse(path, ocr).facts)
    earlier = exporter.unchanged(plan, args.out)
    if earlier and not args.force:
        if args.json:
            print(json.dumps({"status": "unchanged", "bundle": str(earlier)}, ensure_ascii=False, indent=2))
        else:
            output.write(f"未改动，与 {earlier} 相同；未写入（--force 可再次导出）。" if zh else
                         f"Unchanged since {earlier}; nothing written (--force exports again).")
        return 0
    try:
        result = exporter.run(plan, args.out, progress=_progress_printer())
    except ExportError as exc:
        return _fail(exc.message_zh if zh else str(exc))
    if args.json:
        print(json.dumps(to_json(result, args.lang), ensure_ascii=False, indent=2))
    else:
        print_human(result, args.lang)
    return 0 if result.status == "written" else 1


def _progress_printer() -> Callable[[int, int, str], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, stage: str) -> None:
        sys.stderr.write(f"\r{done}/{total} {stage}" + ("\n" if done == total else ""))
        sys.stderr.flush()
    return show


def _finding(slot: int | None, f: Finding, lang: str) -> dict[str, Any]:
    return {"slot": slot, **f.to_json(), "message": f.text(lang)}


def to_json(result: ExportResult, lang: str) -> dict[str, Any]:
    return {
        "status": result.status,
        "bundle": str(result.bundle) if result.bundle else None,
        "zip": str(result.zip_path) if result.zip_path else None,
        "errors": [_finding(slot, f, lang) for slot, f in result.errors],
        "manifest": result.manifest.to_dict() if result.manifest else None,
    }


def print_human(result: ExportResult, lang: str) -> None:
    zh, colour = lang == "zh", output.use_colour(sys.stdout)
    for e in result.manifest.images if result.manifest else ():
        quality = f" q{e.quality}" if e.quality else ""
        output.write(f"{e.file}  {e.width}×{e.height} {e.format}{quality} {human_size(e.bytes)}"
                     f"  ← {e.source}")
        for op in e.operations:
            output.write(f"    · {describe(op, lang)}")
        for f in e.findings:
            output.write(output.finding_line(f, lang, colour))
    set_findings = result.manifest.set_findings if result.manifest else ()
    if set_findings:
        output.write("整组：" if zh else "Set:")
        for f in set_findings:
            output.write(output.finding_line(f, lang, colour))
    if result.status == "written":
        output.write(f"已写入 {result.bundle}" if zh else f"Written: {result.bundle}")
        if result.zip_path:
            output.write(f"压缩包 {result.zip_path}" if zh else f"Zip: {result.zip_path}")
        return
    if not result.manifest:  # a source could not be decoded: only its findings are known
        for slot, f in result.errors:
            output.write(f"{slot:02d}: " + output.finding_line(f, lang, colour).strip())
    if zh:
        output.write("存在错误，未写入任何文件"
                     + ("；可用 --force --reason 说明原因后强制导出。" if result.forceable else "。"))
    else:
        output.write("Errors remain; nothing was written"
                     + (" (--force --reason '…' writes it anyway)." if result.forceable else "."))
