"""The evented set: every edit fires before/after events with the rows it touches."""

from __future__ import annotations

import pytest

from aedesk.core.sets import ImageSet, SetEvent, SetFull, grid_columns


def recorded(s: ImageSet) -> list[SetEvent]:
    events: list[SetEvent] = []
    s.connect(events.append)
    return events


def test_insert_fires_before_and_after_with_rows() -> None:
    s = ImageSet("huaxu", "Factory tour", ["a", "b"])
    events = recorded(s)
    s.insert(1, ["x", "y"])
    assert s.items == ("a", "x", "y", "b")
    assert [(e.type, e.index, e.count) for e in events] == [("inserting", 1, 2), ("inserted", 1, 2)]


def test_sixth_image_is_refused_and_nothing_changes() -> None:
    s = ImageSet("huaxu", "Full", list("abcde"))
    events = recorded(s)
    with pytest.raises(SetFull, match="at most 5") as exc:
        s.insert(0, ["f"])
    assert "最多 5" in exc.value.message_zh
    assert s.items == tuple("abcde") and events == []


def test_post_holds_fifty() -> None:
    post = ImageSet("new-arrival", "Spring", [str(i) for i in range(49)])
    post.append(["last"])
    with pytest.raises(SetFull):
        post.append(["one more"])


def test_move_down_and_up() -> None:
    s = ImageSet("huaxu", "s", list("abcd"))
    events = recorded(s)
    s.move(0, 2)
    assert s.items == tuple("bcad")
    s.move(3, 0)
    assert s.items == tuple("dbca")
    assert [(e.type, e.index, e.dest) for e in events][:2] == [("moving", 0, 2), ("moved", 0, 2)]


def test_remove_returns_items_for_undo() -> None:
    s = ImageSet("huaxu", "s", list("abcd"))
    assert s.remove(1, 2) == ("b", "c")
    assert s.items == ("a", "d")
    with pytest.raises(IndexError):
        s.remove(2)


def test_replace_and_rename_and_layout() -> None:
    s = ImageSet("new-arrival", "s", list("abc"))
    events = recorded(s)
    assert s.replace(1, "z") == "b"
    s.rename("New name")
    s.set_layout(4)
    assert s.items == ("a", "z", "c") and s.name == "New name" and s.layout == 4
    assert [e.type for e in events] == ["replacing", "replaced", "renamed", "layout"]
    with pytest.raises(ValueError):
        s.set_layout(5)


def test_insert_index_is_clamped_and_empty_insert_is_silent() -> None:
    s = ImageSet("huaxu", "s", ["a"])
    events = recorded(s)
    s.insert(10, ["b"])
    s.insert(0, [])
    assert s.items == ("a", "b") and len(events) == 2


def test_disconnected_listener_hears_nothing() -> None:
    s = ImageSet("huaxu", "s")
    events = recorded(s)
    s.disconnect(events.append)
    s.append(["a"])
    assert events == []


@pytest.mark.parametrize(("count", "layout", "cols"), [(3, 0, 3), (4, 0, 2), (6, 0, 3), (9, 0, 3), (12, 4, 2)])
def test_grid_columns(count: int, layout: int, cols: int) -> None:
    assert grid_columns(count, layout) == cols
