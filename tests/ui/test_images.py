"""The image store: records, findings per profile, thumbnails in batches, holders."""

from __future__ import annotations

from library_support import photo, wait_for

from aedesk.ui.images import ImageStore


def test_thumbnails_arrive_in_batches_for_the_ids_asked(qtbot, store: ImageStore) -> None:
    ids = [e.id for e in store.entries()]
    assert all(store.thumbnail(i) is None for i in ids)  # queued, not loaded yet
    with qtbot.waitSignal(store.changed, timeout=5000) as blocker:
        pass
    assert set(blocker.args[0]) <= set(ids)
    qtbot.waitUntil(lambda: all(store.thumbnail(i) is not None for i in ids), timeout=5000)
    assert max(store.thumbnail(ids[0]).width(), store.thumbnail(ids[0]).height()) <= 256


def test_profile_switch_recomputes_findings(qtbot, store: ImageStore) -> None:
    image_id = store.entries()[0].id
    assert not [f for f in store.findings(image_id) if f.rule == "min-resolution"]
    with qtbot.waitSignal(store.profileChanged):
        store.set_profile("banner")
    assert [f.rule for f in store.findings(image_id) if f.rule == "banner-size"] == ["banner-size"]


def test_holders_count_sets(qtbot, store: ImageStore) -> None:
    image_id = store.entries()[0].id
    s = store.library.create_set("huaxu", "s")
    s.append([image_id])
    with qtbot.waitSignal(store.changed) as blocker:
        store.sets_edited()
    assert blocker.args == [[image_id]]
    assert store.holders(image_id) == 1


def test_entries_follow_new_renamed_and_analysed_files_in_place(qtbot, store: ImageStore) -> None:
    folder = store.entries()[0].path.parent
    photo(folder / "shot-00.jpg", seed=30, size=(1300, 1300))  # sorts first
    (folder / "shot-03.jpg").rename(folder / "zz-last.jpg")

    def caught_up() -> bool:
        qtbot.wait(20)
        names = [e.path.name for e in store.entries()]
        return names[0] == "shot-00.jpg" and names[-1] == "zz-last.jpg" and not any(
            e.pending for e in store.entries())

    wait_for(caught_up, what="the store to follow the folder")
    assert store.entries() == store.library.entries()  # updated in place, as a re-read has it
