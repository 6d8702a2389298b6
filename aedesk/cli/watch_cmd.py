"""`aedesk watch`: check images as they land in folders, one line per image, until stopped.

For tethered shooting and scripts. It keeps its own catalog (next to the app's, in the data
dir), whose folders are exactly the ones given: a restart on the same folders re-decodes
nothing, and it never adds folders to, or scans the folders of, the app's library.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from aedesk.cli import output
from aedesk.cli.image_json import image_json
from aedesk.core.analysis.pipeline import TextRecogniser
from aedesk.core.analysis.text import OcrEngine
from aedesk.core.rules.profiles import load_catalogue
from aedesk.core.rules.text_findings import TEXT_RULES
from aedesk.library import paths
from aedesk.library.catalog import Catalog
from aedesk.library.library import Library
from aedesk.library.records import ImageRecord, Progress
from aedesk.library.thumbs import ThumbnailCache


def register(sub: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "watch",
        help="check images as they arrive in folders, until interrupted",
        description="Scan the folders, then print one line per image each time it "
        "is (re)checked or removed, until interrupted.",
    )
    add_common(p)
    p.add_argument(
        "--json",
        action="store_true",
        help='one JSON object per line: the image object of `check --json` plus "event": "checked" | "removed"',
    )
    p.add_argument(
        "--no-ocr",
        action="store_true",
        help="skip text recognition: faster lines; the text rules then say not-checked",
    )
    p.add_argument(
        "--poll",
        action="store_true",
        help="poll the folders for changes (network drives) instead of system events",
    )
    p.add_argument("dirs", nargs="+", type=Path, metavar="DIR")
    p.set_defaults(func=run)


class Printer:
    """A library listener printing an image when its checked state is new to us.

    With `text` (OCR on), an image is printed once its text has been read too, so each
    version of a file gives one line, not a fast one and then a complete one.
    """

    def __init__(self, library: Library, profile: str, as_json: bool, lang: str, text: bool = False) -> None:
        self._library = library
        self._text = text
        self._profile = profile
        self._json = as_json
        self._lang = lang
        self._colour = output.use_colour(sys.stdout)
        self._printed: dict[int, tuple[tuple[object, ...], dict[str, Any]]] = {}

    def images_changed(self, ids: list[int]) -> None:
        records = (self._library.record(i) for i in ids)
        for rec in sorted((r for r in records if r and self._checked(r)), key=lambda r: r.path):
            key = (rec.path, rec.size, rec.mtime_ns, rec.facts.text is None, rec.facts.error)
            if self._printed.get(rec.id, ((),))[0] != key:
                findings = self._library.findings(rec.id, self._profile)
                obj = image_json(rec.facts, findings, self._lang)
                self._printed[rec.id] = (key, obj)
                self._emit("checked", obj, rec, findings)

    def _checked(self, rec: ImageRecord) -> bool:
        if rec.pending or rec.missing:
            return False
        return not (self._text and rec.facts.readable and rec.facts.text is None)

    def images_removed(self, ids: list[int]) -> None:
        for image_id in ids:
            if image_id in self._printed:
                self._emit("removed", self._printed.pop(image_id)[1])

    images_missing = images_removed  # the file is gone either way

    def folders_changed(self) -> None:
        pass

    def progress(self, p: Progress) -> None:
        if p.stage == "scan" and p.done == p.total and not p.current:
            self.images_changed(self._library.ids())  # a listing is done: what is unchanged

    def notice(self, message: str) -> None:
        print(f"aedesk watch: {message}", file=sys.stderr, flush=True)

    def _emit(
        self,
        event: str,
        obj: dict[str, Any],
        rec: ImageRecord | None = None,
        findings: list[Any] | None = None,
    ) -> None:
        if self._json:
            print(json.dumps({"event": event, **obj}, ensure_ascii=False), flush=True)
        elif rec is not None and findings is not None:
            print(
                "\n".join(output.image_lines(rec.facts, findings, self._lang, self._colour)),
                flush=True,
            )
        else:
            word = "已删除" if self._lang == "zh" else "removed"
            print(f"- {word}  {obj['path']}", flush=True)


def open_library(dirs: list[Path], polling: bool, ocr: TextRecogniser | None) -> Library:
    """The watch command's own library, whose folders are exactly `dirs`."""
    catalog = Catalog.open(paths.data_dir() / "watch-catalog.sqlite3")
    library = Library(
        catalog,
        load_catalogue(paths.rules_override(), paths.text_lists_override()),
        ocr=ocr,
        thumbnails=ThumbnailCache(paths.cache_dir() / "watch-thumbnails"),
        polling=True if polling else None,
    )
    wanted = {d.resolve() for d in dirs}
    for folder in catalog.folders():
        if folder not in wanted:
            library.remove_folder(folder)
    for folder in wanted:
        library.add_folder(folder)
    return library


def run(args: argparse.Namespace) -> int:
    missing = [d for d in args.dirs if not d.is_dir()]
    for d in missing:
        print(f"aedesk watch: {d}: not a folder", file=sys.stderr)
    if missing:
        return 2
    rules = load_catalogue().profile(args.profile).image_rules()
    ocr = None if args.no_ocr or not any(r.id in TEXT_RULES for r in rules) else OcrEngine()
    library = open_library(args.dirs, args.poll, ocr)
    for note in library.notices:
        print(f"aedesk: {note}", file=sys.stderr)
    library.subscribe(Printer(library, args.profile, args.json, args.lang, ocr is not None))
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        library.start()
        while not stop.wait(0.5):
            pass
    finally:
        library.close()  # joins every thread; pending lines are printed first
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0
