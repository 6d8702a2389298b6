"""Watching folders: bursts, new and removed folders, dead observers, limits, polling."""

from __future__ import annotations

import errno
import shutil
import time
from pathlib import Path

import imagegen
import pytest
from library_support import LibraryFactory, Recorder, photo, settled, wait_for
from watchdog.observers.api import BaseObserver

from aedesk.library import listing, watcher
from aedesk.library.library import Library


def started(
    make_library: LibraryFactory, folder: Path, **options: object
) -> tuple[Library, Recorder]:
    lib, rec = make_library(**options), Recorder()
    lib.subscribe(rec)
    lib.add_folder(folder)
    lib.start()
    return lib, rec


def test_a_burst_of_500_files_is_a_few_batches_not_500_updates(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder, staging = tmp_path / "burst", tmp_path / "staging"
    folder.mkdir()
    blobs = [imagegen.jpeg_bytes(imagegen.product((64, 64), seed=n)) for n in range(25)]
    for n in range(200):  # two folders of 100, moved in at once, as a file manager does
        (staging / f"{n // 100}").mkdir(parents=True, exist_ok=True)
        (staging / f"{n // 100}" / f"{n:03}.jpg").write_bytes(blobs[n % 25])
    lib, rec = started(make_library, folder)
    wait_for(lambda: lib._watcher._observers.get(folder) is not None, what="watching")
    start = time.monotonic()
    for sub in staging.iterdir():
        shutil.move(str(sub), folder / sub.name)
    for n in range(200, 500):  # and 300 files copied in
        (folder / f"{n:03}.jpg").write_bytes(blobs[n % 25])
    wait_for(lambda: len(lib.ids()) == 500, timeout=20, what="500 images catalogued")
    wait_for(lambda: sum(map(len, rec.changed)) >= 500, what="their ids reported")
    seconds = time.monotonic() - start
    with rec.lock:
        calls, biggest = len(rec.changed), max(map(len, rec.changed))
    # the settled events came as a few batches of work (hundreds of ids per call), and calls
    # are bounded by the notifier's rate, whatever the number of files
    assert biggest >= 100 and calls <= 10 * seconds + 2, f"{calls} calls in {seconds:.1f} s"
    lib.cancel()  # the analyses of 500 files are the scanner tests' business
    (summary,) = lib.folders("huaxu")
    assert summary.images == 500 and summary.problem is None


def test_new_sub_folders_are_watched_too(make_library: LibraryFactory, tmp_path: Path) -> None:
    folder = tmp_path / "shoot"
    photo(folder / "a.jpg", 1)
    lib, _ = started(make_library, folder)
    wait_for(settled(lib, 1))
    photo(folder / "day2" / "b.jpg", 2, old=False)
    wait_for(settled(lib, 2), what="the file in the new sub-folder")
    photo(folder / "day2" / "late" / "c.jpg", 3, old=False)
    wait_for(settled(lib, 3), what="the file two levels down")


def test_a_watched_folder_removed_and_restored(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "card"
    photo(folder / "a.jpg", 1)
    photo(folder / "sub" / "b.jpg", 2)
    lib, rec = started(make_library, folder)
    wait_for(settled(lib, 2))
    shutil.rmtree(folder)
    wait_for(lambda: lib.records() == [], what="its images to go")
    wait_for(lambda: lib.folders("huaxu")[0].problem, what="the problem to be reported")
    assert "not found" in (lib.folders("huaxu")[0].problem or "")
    wait_for(lambda: any(str(folder) in n for n in rec.notices), what="a notice naming it")
    photo(folder / "c.jpg", 3)  # the card is back
    wait_for(settled(lib, 1), what="the folder to be watched again")
    assert lib.folders("huaxu")[0].problem is None


def test_an_observer_that_dies_is_restarted_and_the_gap_filled(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "shoot"
    photo(folder / "a.jpg", 1)
    lib, _ = started(make_library, folder)
    wait_for(settled(lib, 1))
    # reach in to kill the observer, as a crash in watchdog's thread would
    observer = lib._watcher._observers[folder]
    assert observer is not None
    observer.stop()
    observer.join()
    photo(folder / "b.jpg", 2)  # written while nobody watched
    wait_for(settled(lib, 2), what="the re-listing after the restart")
    photo(folder / "c.jpg", 3, old=False)
    wait_for(settled(lib, 3), what="events from the new observer")


class FullInotify(BaseObserver):
    """An observer that fails as inotify does when max_user_watches is reached."""

    def __init__(self) -> None:
        super().__init__(emitter_class=object)  # type: ignore[arg-type]

    def schedule(self, *args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")


def test_the_watch_limit_is_a_message_naming_the_folder_not_a_crash(
    make_library: LibraryFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watcher, "make_observer", lambda folder, polling: (FullInotify(), True))
    folder = tmp_path / "big"
    photo(folder / "a.jpg", 1)
    lib, rec = started(make_library, folder)
    wait_for(settled(lib, 1), what="the listing to catalogue it anyway")
    wait_for(lambda: rec.notices, what="a notice")
    assert str(folder) in rec.notices[0] and "max_user_watches" in rec.notices[0]
    assert "limit" in (lib.folders("huaxu")[0].problem or "")


def test_an_unreadable_folder_keeps_its_images_and_says_why(
    make_library: LibraryFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    photo(folder / "a.jpg", 1)
    lib, rec = started(make_library, folder)
    wait_for(settled(lib, 1))
    real_scandir = listing.os.scandir

    def scandir(path: str) -> object:
        if path == str(folder):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(listing.os, "scandir", scandir)
    lib.rescan(folder)
    wait_for(lambda: lib.folders("huaxu")[0].problem, what="the problem")
    assert "no permission" in (lib.folders("huaxu")[0].problem or "")
    assert len(lib.records()) == 1 and rec.removed == []
    wait_for(lambda: any(str(folder) in n for n in rec.notices))


def test_the_polling_observer_for_network_drives(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "nas"
    folder.mkdir()
    lib, _ = started(make_library, folder, polling=True)
    wait_for(lambda: lib._watcher._observers.get(folder) is not None, what="the observer")
    photo(folder / "a.jpg", 1, old=False)
    wait_for(settled(lib, 1), what="the polled change")
