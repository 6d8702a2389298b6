"""The command line: `aedesk check | rules | watch | export`; no command opens the app
(`--demo`: on the demo library)."""

from __future__ import annotations

import argparse
import locale
import os
import sys

from aedesk import __version__
from aedesk.cli import check_cmd, export_cmd, rules_cmd, watch_cmd
from aedesk.core.rules.profiles import PROFILE_ORDER


def system_lang() -> str:
    """`zh` when the user's locale is Chinese, else `en`."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh" if loc.lower().startswith("zh") else "en"


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", "-p", choices=PROFILE_ORDER, default="huaxu",
                        help="rule profile (default: huaxu)")
    parser.add_argument("--lang", choices=("en", "zh"), default=None,
                        help="language of messages (default: the system's; JSON: en)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aedesk",
        description="Check AliExpress product photos before upload. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"aedesk {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on the demo library (made once in aedesk's data folder)")
    parser.add_argument("--language", choices=("zh", "en"), default=None,
                        help="interface language of the app (default: the saved choice, else the system's)")
    parser.add_argument("--self-test", action="store_true",
                        help="open the app offscreen in a temp folder, check and export a generated photo, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check_cmd.register(sub, add_common)
    rules_cmd.register(sub, add_common)
    watch_cmd.register(sub, add_common)
    export_cmd.register(sub, add_common)
    return parser


def run(argv: list[str] | None = None) -> int:
    """Run a command; returns the exit status (0 ok, 1 error findings, 2 bad usage or I/O)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help/--version
        return int(exc.code or 0)
    if args.self_test:
        from aedesk import selftest  # Qt is loaded only for the app

        return selftest.run()
    if args.command is None:
        from aedesk.app import run_gui  # Qt is loaded only for the app

        return run_gui(demo=args.demo, language=args.language)
    if getattr(args, "lang", None) is None:
        args.lang = "en" if getattr(args, "json", False) else system_lang()
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
