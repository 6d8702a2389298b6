"""`aedesk watch` as a script sees it: JSON lines per event, clean stop on SIGTERM/SIGINT."""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_support import jpeg, photo, slow_write, wait_for

from aedesk.library import paths


class Watch:
    """`aedesk watch` in a subprocess, its stdout lines collected by a thread."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "aedesk", "watch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def events(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in list(self.lines)]

    def about(self, path: Path) -> list[dict[str, object]]:
        return [e for e in self.events() if e["path"] == str(path)]

    def stop(self, sig: int) -> tuple[int, str]:
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=20)
        self._reader.join()
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()
        self.proc.stderr.close()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return code, err


@contextlib.contextmanager
def watch(*args: str) -> Iterator[Watch]:
    w = Watch(*args)
    try:
        yield w
    finally:
        if w.proc.poll() is None:
            w.stop(signal.SIGKILL)


def test_watch_json_reports_each_change_once_and_stops_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "tethered"
    first, second = photo(folder / "001.jpg", 1), photo(folder / "002.jpg", 2)
    with watch("--json", "--no-ocr", "--profile", "huaxu", str(folder)) as w:
        wait_for(lambda: len(w.events()) == 2, timeout=20, what="the two existing images")
        assert {e["path"] for e in w.events()} == {str(first), str(second)}
        new, data = folder / "003.jpg", jpeg(3, (800, 600))
        slow_write(data, new, parts=3, pause=0.5)  # longer pauses than the debounce
        wait_for(lambda: w.about(new), timeout=20, what="the new image")
        second.unlink()
        wait_for(lambda: len(w.about(second)) == 2, timeout=20, what="the removal")
        code, err = w.stop(signal.SIGTERM)
    assert code == 0, err
    (line,) = w.about(new)
    assert set(line) == {"event", "path", "format", "width", "height", "bytes", "findings"}
    assert (line["event"], line["bytes"], line["width"], line["height"]) == (
        "checked",
        len(data),
        800,
        600,
    )
    assert w.about(second)[-1]["event"] == "removed"
    with contextlib.closing(sqlite3.connect(paths.data_dir() / "watch-catalog.sqlite3")) as db:
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_watch_restarted_on_the_same_folder_reports_from_the_catalog(tmp_path: Path) -> None:
    """With OCR on (huaxu has text rules): one line per image, once its text is read."""
    folder = tmp_path / "shoot"
    photo(folder / "a.jpg", 1)
    with watch("--json", str(folder)) as w:
        wait_for(lambda: len(w.events()) == 1, timeout=20)
        assert w.stop(signal.SIGINT)[0] == 0
    with watch("--json", str(folder)) as again:
        wait_for(lambda: len(again.events()) == 1, timeout=20, what="the unchanged image")
        assert again.stop(signal.SIGINT)[0] == 0
    assert again.events() == w.events()
    assert "not-checked" not in {f["rule"] for f in w.events()[0]["findings"]}  # type: ignore[attr-defined]


def test_watch_human_output_and_bad_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from aedesk.cli import run

    assert run(["watch", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err
    folder = tmp_path / "shoot"
    photo(folder / "a.jpg", 1)
    with watch("--lang", "en", "--no-ocr", str(folder)) as w:
        wait_for(lambda: any("a.jpg" in line for line in w.lines), timeout=20)
        assert w.stop(signal.SIGTERM)[0] == 0
    assert w.lines[0].startswith("✖ error") and "400×400 JPEG" in w.lines[0]
