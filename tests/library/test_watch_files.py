"""Watching files: slow copies, atomic saves, moves, deletes, files coming back.

Each image change must be reported once, as the file finally is: the watch command's own
printer is the listener, so "reported" means a line it printed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from library_support import (
    CountingAnalyse,
    LibraryFactory,
    Lines,
    Recorder,
    jpeg,
    photo,
    settled,
    slow_write,
    wait_for,
)

from aedesk.cli.watch_cmd import Printer
from aedesk.library.library import Library


@pytest.fixture
def shoot(tmp_path: Path) -> Path:
    folder = tmp_path / "shoot"
    photo(folder / "one.jpg", 1)
    photo(folder / "day1" / "two.jpg", 2)
    return folder


def watching(
    make_library: LibraryFactory,
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    **options: object,
) -> tuple[Library, Recorder, Lines]:
    lib, rec, lines = make_library(**options), Recorder(), Lines(capsys)
    lib.subscribe(rec)
    lib.subscribe(Printer(lib, "huaxu", True, "en"))
    lib.add_folder(folder)
    lib.start()
    wait_for(lambda: len(lines.read()) == len(list(folder.rglob("*.jpg"))), what="first lines")
    return lib, rec, lines


@pytest.mark.parametrize("reopen", [False, True], ids=["held-open", "closed-between-parts"])
def test_a_slow_chunked_copy_is_reported_once_when_complete(
    make_library: LibraryFactory, shoot: Path, capsys: pytest.CaptureFixture[str], reopen: bool
) -> None:
    lib, _, lines = watching(make_library, shoot, capsys)
    data, dest = jpeg(7, (640, 480)), shoot / "tethered.jpg"
    slow_write(data, dest, parts=4, pause=0.35, reopen=reopen)  # pauses > the debounce
    wait_for(lambda: lines.about(dest), what="the copied file's line")
    wait_for(lambda: lib.records() and all(not r.pending for r in lib.records()))
    (line,) = lines.about(dest)  # once, and not as unreadable first
    assert (line["event"], line["bytes"], line["width"], line["height"]) == (
        "checked",
        len(data),
        640,
        480,
    )
    assert "unreadable" not in {f["rule"] for f in line["findings"]}  # type: ignore[union-attr]


def test_an_atomic_save_keeps_the_id_and_reports_the_new_content(
    make_library: LibraryFactory, shoot: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib, rec, lines = watching(make_library, shoot, capsys)
    target = shoot / "one.jpg"
    image_id = lib.id_for_path(target)
    temp = shoot / "one.jpg.tmp"  # an editor's save: write aside, then rename over
    temp.write_bytes(jpeg(8, (500, 300)))
    os.replace(temp, target)
    wait_for(lambda: len(lines.about(target)) == 2, what="the saved file's new line")
    assert lines.about(target)[-1]["width"] == 500
    assert lib.id_for_path(target) == image_id
    assert rec.removed == [] and rec.missing == []


def test_a_move_between_sub_folders_keeps_id_and_set_without_decoding(
    make_library: LibraryFactory,
    shoot: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lib, rec, lines = watching(make_library, shoot, capsys)
    src, dest = shoot / "day1" / "two.jpg", shoot / "day2" / "picked.jpg"
    image_id = lib.id_for_path(src)
    assert image_id is not None
    lib.create_set("huaxu", "Picks").append([image_id])
    counted = CountingAnalyse(monkeypatch)
    dest.parent.mkdir()
    src.rename(dest)
    wait_for(lambda: lib.id_for_path(dest) == image_id, what="the row to follow the file")
    assert lib.sets()[0].items == (image_id,)
    record = lib.record(image_id)
    assert record is not None and not record.missing and record.facts.path == str(dest)
    assert counted.paths == [] and rec.removed == [] and rec.missing == []
    wait_for(lambda: lines.about(dest), what="a line for the new path")


def test_deleted_files_are_removed_but_a_set_keeps_them_missing_until_they_return(
    make_library: LibraryFactory, shoot: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lib, rec, lines = watching(make_library, shoot, capsys)
    loose, held = shoot / "one.jpg", shoot / "day1" / "two.jpg"
    loose_id, held_id = lib.id_for_path(loose), lib.id_for_path(held)
    assert loose_id is not None and held_id is not None
    picks = lib.create_set("huaxu", "Picks")
    picks.append([held_id])
    kept = tmp_path / "elsewhere.jpg"
    shutil.copy2(held, kept)
    loose.unlink()
    held.unlink()
    wait_for(lambda: rec.removed == [loose_id] and rec.missing == [held_id], what="gone")
    record = lib.record(held_id)
    assert lib.record(loose_id) is None and record is not None and record.missing
    assert {x["event"] for x in lines.about(loose)} == {"checked", "removed"}
    assert "set-size" not in {f.rule for f in lib.set_findings(picks)}  # still one image

    back = shoot / "day1" / "restored.jpg"
    shutil.copy2(kept, back)  # the user brings it back, under another name
    wait_for(lambda: lib.id_for_path(back) == held_id, what="the missing row to be found")
    record = lib.record(held_id)
    assert record is not None and not record.missing
    wait_for(settled(lib, 1))
