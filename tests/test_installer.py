"""The installer: icons rendered from the SVG, valid Linux desktop files, the slimming rules,
and (slow) the frozen app built for this platform and run as a user would."""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from aedesk import __version__
from aedesk.demo import imagery

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "installer" / "linux"
APP_ID = "io.github.aedesk"


def installer_module(name: str) -> ModuleType:
    """A module of installer/ (scripts beside build.py, not a package of the app)."""
    spec = importlib.util.spec_from_file_location(f"installer_{name}", ROOT / "installer" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icons_are_rendered_in_every_size(qapp: object, tmp_path: Path) -> None:
    icons = installer_module("icons")
    made = icons.build_icons(ROOT / "resources" / "icons" / "aedesk.svg", tmp_path)
    for n in icons.PNG_SIZES:
        with Image.open(tmp_path / f"aedesk-{n}.png") as png:
            assert png.size == (n, n) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0, "the rounded corners are transparent"
            assert png.getpixel((n // 2, n // 2))[3] == 255, "the middle is painted"
    with Image.open(made["ico"]) as ico:
        assert sorted(ico.ico.sizes()) == [(n, n) for n in icons.ICO_SIZES]
    with Image.open(made["icns"]) as icns:
        assert icns.size == (1024, 1024) and (16, 16, 2) in icns.info["sizes"]
    with Image.open(tmp_path / "aedesk-256.png") as big:
        r, g, b = big.convert("RGB").getpixel((30, 128))  # the tile's edge: warm red-orange
    assert r > 200 and g < 140 and b < 60


def test_desktop_entry_names_the_app_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Type"] == "Application" and group["Exec"].split()[0] == "aedesk"
    assert group["Icon"] == APP_ID and "Photography" in group["Categories"].split(";")
    assert group["Comment[zh_CN]"] and group["GenericName[zh_CN]"]


def test_metainfo_matches_the_desktop_entry_and_version() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("metadata_license") == "CC0-1.0"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {s.get(lang) for s in root.findall("summary")} == {None, "zh-CN"}
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == __version__, "the newest release is the app's version"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    out = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstreamcli() -> None:
    out = subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


def test_slimming_keeps_what_the_app_loads_and_drops_the_rest() -> None:
    slim = installer_module("slimming")
    kept = ["PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
            "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
            "PySide6/Qt/lib/libQt6Svg.so.6", "libpython3.11.so.1.0", "libglib-2.0.so.0", "libX11.so.6",
            "cv2/cv2.abi3.so", "rapidocr/models/PP-OCRv6_rec_small.onnx", "resources/icons/aedesk.svg",
            "resources/translations/aedesk_zh_CN.qm"]
    dropped = ["PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/plugins/platforms/libqvnc.so",
               "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/lib/libQt6Network.so.6",
               "libcairo.so.2", "libpango-1.0.so.0", "libQt6Network.so.6", "resources/translations/aedesk_zh_CN.ts"]
    toc = [(d, "/src/" + d, "BINARY") for d in kept + dropped]
    assert [e[0] for e in slim.keep(toc)] == kept


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app folder, built once for this module by the real build script (no packaging)."""
    out = tmp_path_factory.mktemp("frozen")
    subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(out / "dist"),
                    "--work", str(out / "build"), "--no-package"], check=True, timeout=1500, cwd=ROOT)
    return out / "dist" / "aedesk"


def run_frozen(app: Path, *args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    exe = app / ("aedesk-cli.exe" if sys.platform == "win32" else "aedesk")
    env = {**os.environ, "HOME": str(cwd), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env)


@pytest.mark.slow
def test_frozen_app_starts_quickly_and_checks_a_photo(frozen: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    version = run_frozen(frozen, "--version", cwd=tmp_path)
    assert (version.returncode, version.stdout.strip()) == (0, f"aedesk {__version__}")
    assert time.monotonic() - started < 15, "the frozen app starts in seconds"
    photo = imagery.save(imagery.product((1600, 1600), seed=5), tmp_path / "shot.jpg")
    checked = run_frozen(frozen, "check", "--json", str(photo), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    doc = json.loads(checked.stdout)
    assert doc["images"][0]["width"] == 1600 and doc["images"][0]["findings"] == []
    bad = run_frozen(frozen, "check", str(tmp_path / "missing.jpg"), cwd=tmp_path)
    assert bad.returncode == 2 and "no such file" in bad.stderr


@pytest.mark.slow
def test_frozen_self_test_opens_the_window_checks_with_ocr_and_exports(frozen: Path, tmp_path: Path) -> None:
    out = run_frozen(frozen, "--self-test", cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test passed" in out.stdout
    assert "OCR: rapidocr" in out.stdout, "the OCR models and onnxruntime are bundled"
    assert "manifest.json" in out.stdout and "shown offscreen" in out.stdout
    assert not list(tmp_path.iterdir()), "the self-test writes nothing outside its temp folder"


def test_inno_setup_script_has_a_fixed_app_id_start_menu_entry_and_both_languages() -> None:
    iss = (ROOT / "installer" / "windows" / "aedesk.iss").read_text(encoding="utf-8")
    setup = dict(line.split("=", 1) for line in iss.split("[Setup]")[1].split("\n[")[0].splitlines()
                 if "=" in line and not line.startswith(";"))
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["OutputBaseFilename"].startswith("aedesk-{#AppVersion}")
    assert 'Name: "{group}\\aedesk"; Filename: "{app}\\aedesk.exe"' in iss
    assert "{uninstallexe}" in iss and "Tasks: desktopicon" in iss
    assert 'MessagesFile: "compiler:Default.isl"' in iss
    assert '#if FileExists(AddBackslash(CompilerPath) + "Languages\\ChineseSimplified.isl")' in iss
