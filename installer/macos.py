"""macOS packaging: the .app (made by the spec's BUNDLE step) in a compressed disk image,
with a link to /Applications beside it so the user drags the app across."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def dmg(app: Path, out: Path, version: str) -> Path:
    """Write `aedesk-<version>-macos.dmg` into `out` with hdiutil; returns its path."""
    target = out / f"aedesk-{version}-macos.dmg"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "aedesk"
        stage.mkdir()
        # ditto keeps the bundle's symlinks, extended attributes and code signature intact
        subprocess.run(["ditto", str(app), str(stage / app.name)], check=True)
        (stage / "Applications").symlink_to("/Applications")
        subprocess.run(["hdiutil", "create", "-volname", f"aedesk {version}", "-srcfolder", str(stage),
                        "-fs", "HFS+", "-format", "UDZO", "-ov", str(target)], check=True)
    return target
