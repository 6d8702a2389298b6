"""Entry points: `aedesk` (console) and `python -m aedesk`."""

from __future__ import annotations

import sys


def main() -> None:
    from aedesk.cli import run

    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
