"""`aedesk export`: exit codes, refusal and --force, unchanged sets, usage errors, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import imagegen
import pytest

from aedesk.cli import run

SHOTS = (((40, 90, 170), "bottle"), ((170, 60, 40), "box"), ((50, 140, 70), "ball"))


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    return [imagegen.save(imagegen.product((1400, 1400), colour=c, shape=s, seed=i), tmp_path / "Spring" / f"{i}.jpg")
            for i, (c, s) in enumerate(SHOTS)]


def export(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = run(["export", "--no-ocr", "--lang", "en", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_written_bundle_exit_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path, files: list[Path]) -> None:
    code, out, _ = export(capsys, "--out", tmp_path / "out", "--zip", *files[::-1])
    bundle = tmp_path / "out" / "Spring"
    assert code == 0 and f"Written: {bundle}" in out and (tmp_path / "out" / "Spring.zip").exists()
    assert "01.jpg  1400×1400 JPEG q95" in out and f"← {files[2]}" in out.splitlines()[0]
    manifest = json.loads((bundle / "manifest.json").read_text("utf-8"))
    assert [e["source"] for e in manifest["images"]] == [str(f) for f in files[::-1]]


def test_json_prints_the_manifest(capsys: pytest.CaptureFixture[str], tmp_path: Path, files: list[Path]) -> None:
    code, out, _ = export(capsys, "--json", "--name", "Autumn", "--tick", "2", "--out", tmp_path / "o", *files)
    doc = json.loads(out)
    assert code == 0 and doc["status"] == "written" and doc["bundle"] == str(tmp_path / "o" / "Autumn")
    assert doc["manifest"]["name"] == "Autumn" and len(doc["manifest"]["images"]) == 3
    assert [c["ticked"] for c in doc["manifest"]["checklist"]] == [False, True, False]


def test_errors_refuse_with_exit_one_and_force_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                       files: list[Path]) -> None:
    small = imagegen.save(imagegen.product((1100, 1100), seed=7), tmp_path / "Spring" / "small.jpg")
    code, out, _ = export(capsys, "--out", tmp_path / "out", *files, small)
    assert code == 1 and "min-resolution" in out and "nothing was written" in out
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    code, out, _ = export(capsys, "--out", tmp_path / "out", "--force", "--reason", "approved", *files, small)
    manifest = json.loads((tmp_path / "out" / "Spring" / "manifest.json").read_text("utf-8"))
    assert code == 0 and manifest["override"]["reason"] == "approved"


def test_unchanged_set_says_so_unless_forced(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             files: list[Path]) -> None:
    assert export(capsys, "--out", tmp_path / "out", *files)[0] == 0
    code, out, _ = export(capsys, "--out", tmp_path / "out", *files)
    assert code == 0 and f"Unchanged since {tmp_path / 'out' / 'Spring'}" in out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Spring"]
    assert export(capsys, "--out", tmp_path / "out", *files[:2])[0] == 0  # a changed set exports
    assert export(capsys, "--out", tmp_path / "out", "--force", *files)[0] == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Spring", "Spring (2)", "Spring (3)"]


@pytest.mark.parametrize(("args", "words"), [
    (["--canvas"], "canvas"),
    (["--tick", "4"], "--tick takes 1 to 3"),
    (["--publish-at", "2024-06-01 20:00"], "publish time"),
    (["--profile", "new-arrival", "--publish-at", "next week"], "not a time"),
    (["--background", "white"], "not a colour"),
])
def test_bad_usage_exits_two(capsys: pytest.CaptureFixture[str], tmp_path: Path, files: list[Path],
                             args: list[str], words: str) -> None:
    code, _, err = export(capsys, "--out", tmp_path / "out", *args, *files)
    assert code == 2 and words in err
    assert not (tmp_path / "out").exists()


def test_missing_file_or_folder_exits_two(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          files: list[Path]) -> None:
    code, _, err = export(capsys, "--out", tmp_path / "out", files[0], tmp_path / "gone.jpg")
    assert code == 2 and "gone.jpg: no such file" in err
    code, _, err = export(capsys, "--out", tmp_path / "out", files[0].parent)
    assert code == 2 and "is a folder" in err


def test_unwritable_destination_exits_two(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          files: list[Path]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"x")
    code, _, err = export(capsys, "--out", blocker / "out", *files)
    assert code == 2 and "Nothing was written" in err
