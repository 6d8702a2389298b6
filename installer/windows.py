"""Windows packaging: the Inno Setup installer (Start-menu entry, optional desktop shortcut,
uninstaller, English and Simplified Chinese), compiled from installer/windows/aedesk.iss."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ISS = Path(__file__).resolve().parent / "windows" / "aedesk.iss"
DEFAULT_ISCC = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")


def installer(app: Path, icon: Path, out: Path, version: str) -> Path | str:
    """Compile the setup .exe into `out` with Inno Setup 6's `iscc`; says how when it is missing."""
    iscc = shutil.which("iscc") or (str(DEFAULT_ISCC) if DEFAULT_ISCC.exists() else None)
    if iscc is None:
        return "Inno Setup 6 not found (winget install JRSoftware.InnoSetup); the app folder is ready"
    subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={app.resolve()}", f"/DIconFile={icon.resolve()}",
                    f"/DOutputDir={out.resolve()}", str(ISS)], check=True)
    return out / f"aedesk-{version}-windows-x64-setup.exe"
