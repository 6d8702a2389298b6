"""Sets through the library, removing folders, and how events reach listeners."""

from __future__ import annotations

import time
from pathlib import Path

from library_support import LibraryFactory, Recorder, photo, settled, wait_for

from aedesk.library.notifier import Notifier


def test_set_findings_use_stored_facts_and_count_missing_slots(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "shoot"
    a, b = photo(folder / "a.jpg", 1), photo(folder / "b.jpg", 2)
    (folder / "a-again.jpg").write_bytes(a.read_bytes())
    lib = make_library()
    lib.add_folder(folder)
    lib.start()
    wait_for(settled(lib, 3))
    ids = [lib.id_for_path(p) for p in (a, folder / "a-again.jpg", b)]
    s = lib.create_set("huaxu", "Bottle")
    s.append(ids)  # type: ignore[arg-type]
    rules = {f.rule for f in lib.set_findings(s)}
    assert "duplicate" in rules and "cover" in rules  # slot 1 is below 1200 px
    b.unlink()
    wait_for(lambda: (r := lib.record(ids[2] or 0)) is not None and r.missing, what="b missing")
    assert "set-size" not in {f.rule for f in lib.set_findings(s)}  # three slots still
    as_post = {f.rule for f in lib.set_findings(s, "new-arrival")}
    assert "duplicate" in as_post and "cover" not in as_post  # the profile asked for


def test_removing_a_folder_forgets_its_images_except_those_in_sets(
    make_library: LibraryFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "shoot"
    kept, dropped = photo(folder / "kept.jpg", 1), photo(folder / "dropped.jpg", 2)
    lib, rec = make_library(), Recorder()
    lib.subscribe(rec)
    lib.add_folder(folder)
    lib.start()
    wait_for(settled(lib, 2))
    kept_id, dropped_id = lib.id_for_path(kept), lib.id_for_path(dropped)
    lib.create_set("huaxu", "Keep").append([kept_id])  # type: ignore[list-item]
    lib.remove_folder(folder)
    assert lib.folders("huaxu") == []
    assert [r.id for r in lib.records()] == [kept_id]
    wait_for(lambda: rec.removed == [dropped_id], what="the removal to be reported")
    photo(folder / "later.jpg", 3, old=False)  # no longer watched
    time.sleep(0.5)  # (a negative: give the watcher a chance to be wrong)
    assert [r.id for r in lib.records()] == [kept_id]


def test_the_notifier_collapses_reports_and_the_latest_state_wins() -> None:
    notifier, rec = Notifier(interval=0.05), Recorder()
    notifier.subscribe(rec)
    notifier.changed([1, 2, 3])
    notifier.changed([2])
    notifier.missing([3])
    notifier.removed([1])
    notifier.start()
    wait_for(lambda: rec.changed, what="a delivery")
    notifier.stop()
    assert (rec.changed, rec.missing, rec.removed) == ([[2]], [3], [1])


def test_a_failing_listener_does_not_stop_the_others() -> None:
    class Broken(Recorder):
        def images_changed(self, ids: list[int]) -> None:
            raise RuntimeError("GUI bug")

    notifier, good = Notifier(interval=0.05), Recorder()
    notifier.subscribe(Broken())
    notifier.subscribe(good)
    notifier.start()
    notifier.changed([1])
    wait_for(lambda: good.changed)
    notifier.changed([2])
    wait_for(lambda: len(good.changed) == 2, what="delivery to go on")
    notifier.stop()
