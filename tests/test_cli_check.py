"""`aedesk check` and `aedesk rules`: the JSON contract, exit codes, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import imagegen
import pytest
from PIL import Image

from aedesk.cli import run


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    """`check --json` without OCR (slow; the text rules have their own tests)."""
    code = run(["check", "--json", "--no-ocr", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def good(tmp_path: Path) -> list[Path]:
    return [imagegen.save(imagegen.product((1300, 1300), seed=s, colour=c), tmp_path / f"good{s}.jpg")
            for s, c in ((1, (40, 90, 170)), (2, (180, 40, 40)), (3, (40, 140, 80)))]


def test_json_contract_and_exit_zero(capsys: pytest.CaptureFixture[str], good: list[Path]) -> None:
    code, doc = check_json(capsys, "--profile", "huaxu", *map(str, good))
    assert code == 0
    assert set(doc) == {"profile", "images"} and doc["profile"] == "huaxu"
    first = doc["images"][0]
    assert set(first) == {"path", "format", "width", "height", "bytes", "findings"}
    assert (first["format"], first["width"], first["height"]) == ("JPEG", 1300, 1300)
    assert first["bytes"] == good[0].stat().st_size
    for finding in first["findings"]:
        assert set(finding) == {"rule", "severity", "message"}
        assert finding["severity"] == "info"  # only `not-checked` notes may remain


def test_set_findings_and_exit_one(capsys: pytest.CaptureFixture[str], good: list[Path], tmp_path: Path) -> None:
    small = imagegen.save(imagegen.product((1199, 1300), seed=9), tmp_path / "small.jpg")
    code, doc = check_json(capsys, "--set", *map(str, [*good, good[0], small]))
    assert code == 1
    set_rules = {f["rule"] for f in doc["set"]["findings"]}
    assert {"duplicate"} <= set_rules and "set-size" not in set_rules
    small_rules = {f["rule"]: f["severity"] for f in doc["images"][-1]["findings"]}
    assert small_rules["min-resolution"] == "error"


def test_post_of_five_is_not_eligible(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    files = [imagegen.save(imagegen.product((1000, 1000), seed=s, colour=(30 * s, 60, 200 - 30 * s),
                                           shape=("bottle", "box", "jar")[s % 3]), tmp_path / f"{s}.jpg")
             for s in range(5)]
    _, doc = check_json(capsys, "--profile", "new-arrival", "--set", *map(str, files))
    assert "exposure-count" in {f["rule"] for f in doc["set"]["findings"]}


def test_folder_walk_skips_other_files_and_hidden(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    photos = tmp_path / "商品图 photos"
    imagegen.save(imagegen.product((1300, 1300)), photos / "主图 01.jpg")
    imagegen.save(imagegen.product((1300, 1300), seed=4), photos / "sub" / "02.png")
    (photos / "notes.txt").write_text("not an image", "utf-8")
    (photos / ".hidden.jpg").write_bytes(imagegen.jpeg_bytes(imagegen.product((300, 300))))
    (photos / "~$draft.jpg").write_bytes(b"lock")
    code = run(["check", "--no-ocr", "--lang", "en", str(photos)])
    out = capsys.readouterr().out
    assert code == 0
    assert "主图 01.jpg" in out and "02.png" in out and "notes.txt" not in out
    assert "2 images" in out and "3 other files skipped" in out


def bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    good = imagegen.jpeg_bytes(imagegen.product((1300, 1300)))
    files = {
        "empty.jpg": b"",
        "truncated.jpg": good[: len(good) // 3],
        "text.jpg": b"hello, this is not a picture\n" * 10,
        "phone.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64,
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    gif = folder / "anim.gif"
    frames = [imagegen.product((300, 300), seed=s) for s in range(3)]
    frames[0].save(gif, save_all=True, append_images=frames[1:])
    paths["anim.gif"] = gif
    paths["cmyk.jpg"] = folder / "cmyk.jpg"
    imagegen.product((1300, 1300)).convert("CMYK").save(paths["cmyk.jpg"], "JPEG")
    return paths


def test_bad_files_get_specific_findings_and_the_run_goes_on(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    paths = bad_files(tmp_path / "bad")
    code, doc = check_json(capsys, *map(str, paths.values()))
    assert code == 1
    by_name = {Path(i["path"]).name: {f["rule"]: f["message"] for f in i["findings"]} for i in doc["images"]}
    assert "empty" in by_name["empty.jpg"]["unreadable"]
    assert "truncated" in by_name["truncated.jpg"]["unreadable"]
    assert "Not an image" in by_name["text.jpg"]["unreadable"]
    assert "HEIC" in by_name["phone.heic"]["format"]
    assert "GIF" in by_name["anim.gif"]["format"]
    assert "CMYK" in by_name["cmyk.jpg"]["color-mode"]
    assert list(tmp_path.joinpath("bad").iterdir()) == list(paths.values()) or \
        sorted(tmp_path.joinpath("bad").iterdir()) == sorted(paths.values())  # nothing written beside


def test_unreadable_and_vanished_files(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    locked = imagegen.save(imagegen.product((1300, 1300)), tmp_path / "locked.jpg")
    gone = imagegen.save(imagegen.product((1300, 1300), seed=2), tmp_path / "gone.jpg")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.jpg":
            raise PermissionError(13, "Permission denied", str(self))
        if self.name == "gone.jpg":
            self.unlink()  # vanishes between listing and reading
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    _, doc = check_json(capsys, str(locked), str(gone))
    messages = [i["findings"][0]["message"] for i in doc["images"]]
    assert "No permission" in messages[0] and "disappeared" in messages[1]


def test_missing_path_is_exit_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(["check", str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bad_usage_is_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--profile", "tmall", "x.jpg"]) == 2
    assert run(["check"]) == 2


def test_chinese_output_follows_lang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    small = imagegen.save(imagegen.product((1000, 1000)), tmp_path / "small.jpg")
    run(["check", "--no-ocr", "--lang", "zh", str(small)])
    out = capsys.readouterr().out
    assert "小于要求的 1200×1200 像素" in out and "共 1 张图片" in out


def test_no_traceback_reaches_the_user(tmp_path: Path) -> None:
    bad = tmp_path / "x.jpg"
    bad.write_bytes(b"\xff\xd8\xff" + b"\x00" * 50)  # a JPEG signature and nothing else
    result = subprocess.run([sys.executable, "-m", "aedesk", "check", "--no-ocr", str(bad)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout


def test_rules_json_lists_profiles_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rules", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [p["profile"] for p in doc] == ["huaxu", "new-arrival", "article", "banner"]
    qr = next(r for r in doc[0]["rules"] if r["rule"] == "qr-code")
    assert qr["source"]["seed"].startswith("000_") and "二维码" in qr["source"]["text"]


def test_rules_for_one_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rules", "--profile", "banner", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "banner-size" in out and "750*360" in out and "huaxu" not in out


def test_16_bit_png_is_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import numpy as np

    arr = (np.asarray(imagegen.product((1300, 1300)).convert("L"), dtype=np.uint16) * 257)
    path = tmp_path / "deep.png"
    Image.fromarray(arr).save(path)
    _, doc = check_json(capsys, str(path))
    rules = {f["rule"]: f["message"] for f in doc["images"][0]["findings"]}
    assert "16-bit" in rules["color-mode"]


def test_text_rules_run_with_ocr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from aedesk.demo import imagery

    offer = imagegen.save(imagery.with_caption(imagegen.product((1300, 1300)), "LIMITED TIME OFFER"),
                          tmp_path / "offer.jpg")
    code = run(["check", "--json", str(offer)])
    doc = json.loads(capsys.readouterr().out)
    rules = {f["rule"]: f["severity"] for f in doc["images"][0]["findings"]}
    assert code == 1 and rules.get("promo-text") == "error" and "not-checked" not in rules
