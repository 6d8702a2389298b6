"""The atomic writer: complete bundles or nothing, never an overwrite, and the zip."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest

from aedesk.core.export import writer
from aedesk.core.export.writer import BundleWriter, find_unchanged, safe_name


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def write_bundle(out: Path, name: str = "Spring set", make_zip: bool = False) -> writer.Bundle:
    with BundleWriter(out, name, make_zip) as w:
        w.write("01.jpg", b"\xff\xd8jpeg one")
        w.write("manifest.json", b'{"fingerprint": "abc"}')
        return w.commit()


def test_bundle_is_renamed_into_place_with_no_temp_left(tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path / "out")
    assert bundle.folder == tmp_path / "out" / "Spring set" and bundle.zip is None
    assert (bundle.folder / "01.jpg").read_bytes() == b"\xff\xd8jpeg one"
    assert leftovers(tmp_path / "out") == ["Spring set"]


def test_existing_bundle_or_zip_is_never_overwritten(tmp_path: Path) -> None:
    first = write_bundle(tmp_path)
    (first.folder / "01.jpg").write_bytes(b"the first")
    second = write_bundle(tmp_path)
    assert second.folder.name == "Spring set (2)"
    assert (first.folder / "01.jpg").read_bytes() == b"the first"
    (tmp_path / "Spring set (3).zip").write_bytes(b"someone's zip")
    assert write_bundle(tmp_path).folder.name == "Spring set (4)"


def test_zip_holds_the_folder(tmp_path: Path) -> None:
    bundle = write_bundle(tmp_path, make_zip=True)
    assert bundle.zip == tmp_path / "Spring set.zip"
    with zipfile.ZipFile(bundle.zip) as zf:
        assert sorted(zf.namelist()) == ["Spring set/01.jpg", "Spring set/manifest.json"]
        assert zf.getinfo("Spring set/01.jpg").compress_type == zipfile.ZIP_STORED
        assert zf.read("Spring set/01.jpg") == b"\xff\xd8jpeg one"
    assert leftovers(tmp_path) == ["Spring set", "Spring set.zip"]


def test_failure_inside_the_block_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError), BundleWriter(tmp_path, "s") as w:
        w.write("01.jpg", b"x")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert leftovers(tmp_path) == []


def test_failure_while_zipping_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(OSError, match="No space"):
        write_bundle(tmp_path, make_zip=True)
    assert leftovers(tmp_path) == []


def test_failure_placing_the_zip_removes_the_placed_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "link", denied)
    monkeypatch.setattr(os, "rename", _rename_then_deny_files(os.rename))
    with pytest.raises(PermissionError):
        write_bundle(tmp_path, make_zip=True)
    assert leftovers(tmp_path) == []


def _rename_then_deny_files(real):  # type: ignore[no-untyped-def]
    def rename(src: str, dst: str) -> None:
        if Path(src).is_dir():
            real(src, dst)
        else:
            raise PermissionError(errno.EACCES, "Permission denied")
    return rename


@pytest.mark.parametrize(("name", "safe"), [
    ("Spring set", "Spring set"), ("a/b\\c:d*e?", "a_b_c_d_e_"), ("  ..hidden. ", "hidden"),
    ("", "bundle"), ("CON", "CON_"), ("新品 上新帖", "新品 上新帖"),
])
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_find_unchanged_matches_the_fingerprint_of_the_same_set(tmp_path: Path) -> None:
    assert find_unchanged(tmp_path / "missing", "s", "abc") is None
    write_bundle(tmp_path, "Spring set")
    second = write_bundle(tmp_path, "Spring set")
    (tmp_path / "Spring set" / "manifest.json").write_text('{"fingerprint": "old"}', "utf-8")
    write_bundle(tmp_path, "Spring set 2")  # another set, same fingerprint: not this one's bundle
    assert find_unchanged(tmp_path, "Spring set", "abc") == second.folder
    assert find_unchanged(tmp_path, "Spring set", "zzz") is None
    (second.folder / "manifest.json").write_text("not json", "utf-8")
    assert find_unchanged(tmp_path, "Spring set", "abc") is None
