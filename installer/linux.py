"""Linux packaging: a .tar.gz of the app folder with its desktop integration files.

The archive unpacks to `aedesk-<version>/`: the frozen app (`aedesk` and `_internal/`), the
freedesktop files under `share/` (desktop entry, AppStream metainfo, hicolor icons) and
`install.sh`, which puts the app under ~/.local for the user who runs it (no root needed).
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import tarfile
from pathlib import Path

APP_ID = "io.github.aedesk"
HERE = Path(__file__).resolve().parent / "linux"


def strip_debug(app: Path) -> None:
    """Drop debug sections from binaries that carry them (the interpreter alone: ~18 MiB).

    Only `--strip-debug`, and never in the wheels' `*.libs` folders: those libraries were
    rewritten by auditwheel, and a full strip of such files can break them.
    """
    if shutil.which("strip") is None or shutil.which("readelf") is None:
        print("strip: binutils not found; debug sections stay")
        return
    for path in app.rglob("*.so*"):
        if path.is_symlink() or not path.is_file() or path.parent.name.endswith(".libs"):
            continue
        sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True).stdout
        if ".debug_info" in sections:
            subprocess.run(["strip", "--strip-debug", str(path)], check=True)


def tarball(app: Path, icons: Path, out: Path, version: str) -> Path:
    """Write `aedesk-<version>-linux-<arch>.tar.gz` into `out`; returns its path."""
    top = f"aedesk-{version}"
    target = out / f"{top}-linux-{platform.machine()}.tar.gz"
    extras = {
        f"share/applications/{APP_ID}.desktop": HERE / f"{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml": HERE / f"{APP_ID}.metainfo.xml",
        "install.sh": HERE / "install.sh",
    }
    for png in sorted(icons.glob("aedesk-*.png")):
        n = png.stem.split("-")[1]
        extras[f"share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png"] = png
    extras[f"share/icons/hicolor/scalable/apps/{APP_ID}.svg"] = app / "_internal" / "resources" / "icons" / "aedesk.svg"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname=top)
        for name, source in extras.items():
            tar.add(source, arcname=f"{top}/{name}")
    return target
