"""Build the aedesk app for the platform this runs on: `uv run python installer/build.py`.

Steps: compile the translations (.ts → .qm, bundled as resources), render the icons from
the SVG, freeze with PyInstaller (installer/aedesk.spec) into a one-folder app, then package
it the platform's way: Linux a .tar.gz with desktop entry, AppStream metainfo and icons;
Windows an Inno Setup installer (when `iscc` is on PATH); macOS the .app in a .dmg.
Work files go under build/, results under dist/ (both git-ignored).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # hatch_build (the translations step) and aedesk (its version)

import icons  # noqa: E402  (beside this file)

from aedesk import __version__  # noqa: E402
from hatch_build import compile_translations  # noqa: E402


def freeze(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the app folder (dist/aedesk)."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
                    str(ROOT / "installer" / "aedesk.spec")], check=True)
    return dist / "aedesk"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work files (default: build/)")
    parser.add_argument("--no-package", action="store_true", help="stop after the app folder")
    args = parser.parse_args(argv)
    started = time.monotonic()
    qm = compile_translations(ROOT / "resources" / "translations")
    print(f"translations: {', '.join(p.name for p in qm) or 'none yet'}")
    made = icons.build_icons(ROOT / "resources" / "icons" / "aedesk.svg", args.work / "icons")
    print(f"icons: {', '.join(p.name for p in made.values())}")
    app = freeze(args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux"):
        import linux

        linux.strip_debug(app)
        if not args.no_package:
            print(f"package: {linux.tarball(app, args.work / 'icons', args.dist, __version__)}")
    elif sys.platform == "darwin" and not args.no_package:
        import macos

        print(f"package: {macos.dmg(args.dist / 'aedesk.app', args.dist, __version__)}")
    elif sys.platform == "win32" and not args.no_package:
        import windows

        print(f"package: {windows.installer(app, args.work / 'icons' / 'aedesk.ico', args.dist, __version__)}")
    print(f"app: {app} ({folder_size(app) / 2**20:.0f} MiB) in {time.monotonic() - started:.0f} s")
    return 0


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


if __name__ == "__main__":
    sys.exit(main())
