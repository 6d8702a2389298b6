"""Ordered, evented image sets: 花絮图 sets (≤5 slots, slot 1 = cover) and 上新帖 posts.

Every edit of a set goes through these methods; each fires an event before and after the
change, so the GUI's Qt models (beginInsertRows/endInsertRows…), undo, validation and
persistence all hang off one mutation path. Items are asset keys (catalog ids, or paths on
the command line); the set does not know what they point to.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)

HUAXU = "huaxu"
NEW_ARRIVAL = "new-arrival"
CAPACITY = {HUAXU: 5, NEW_ARRIVAL: 50}
POST_LAYOUTS = (3, 4, 6, 9)


class SetFull(ValueError):
    """An insert would overflow the set; the message says so in both languages."""

    def __init__(self, capacity: int, kind: str) -> None:
        what, what_zh = ("花絮图 set", "花絮图") if kind == HUAXU else ("post", "上新帖")
        super().__init__(f"A {what} holds at most {capacity} images; this one is full.")
        self.message_zh = f"{what_zh}最多 {capacity} 张图，已满。"


@dataclass(frozen=True)
class SetEvent:
    """`type` is one of: inserting, inserted, removing, removed, moving, moved, replacing,
    replaced, renamed, layout. `index`/`count` name the rows; `dest` is the final index of
    a move; `items` are the items inserted, removed or put in."""

    type: str
    index: int = 0
    count: int = 0
    dest: int = 0
    items: tuple[Hashable, ...] = ()


Listener = Callable[[SetEvent], None]


@dataclass(eq=False)
class ImageSet(Generic[T]):
    """An ordered set of images of one kind (`huaxu` or `new-arrival`)."""

    kind: str
    name: str
    _items: list[T] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    layout: int = 0  # posts: the grid chosen (3/4/6/9), 0 = by count
    _listeners: list[Listener] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.kind not in CAPACITY:
            raise ValueError(f"unknown set kind {self.kind!r}")
        if len(self._items) > self.capacity:
            raise SetFull(self.capacity, self.kind)

    # reading
    @property
    def capacity(self) -> int:
        return CAPACITY[self.kind]

    @property
    def items(self) -> tuple[T, ...]:
        return tuple(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(tuple(self._items))

    def __getitem__(self, index: int) -> T:
        return self._items[index]

    def free(self) -> int:
        return self.capacity - len(self._items)

    # events
    def connect(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: SetEvent) -> None:
        for listener in tuple(self._listeners):
            listener(event)

    # editing
    def insert(self, index: int, items: Sequence[T]) -> None:
        """Insert `items` before `index` (clamped to 0..len). Refuses to overflow."""
        if not items:
            return
        if len(items) > self.free():
            raise SetFull(self.capacity, self.kind)
        index = max(0, min(index, len(self._items)))
        event = SetEvent("inserting", index, len(items), items=tuple(items))
        self._emit(event)
        self._items[index:index] = list(items)
        self._emit(SetEvent("inserted", index, len(items), items=tuple(items)))

    def append(self, items: Sequence[T]) -> None:
        self.insert(len(self._items), items)

    def remove(self, index: int, count: int = 1) -> tuple[T, ...]:
        """Remove `count` items from `index`; returns them (for undo)."""
        self._check_range(index, count)
        removed = tuple(self._items[index : index + count])
        self._emit(SetEvent("removing", index, count, items=removed))
        del self._items[index : index + count]
        self._emit(SetEvent("removed", index, count, items=removed))
        return removed

    def move(self, index: int, dest: int) -> None:
        """Move the item at `index` so that it ends up at position `dest`."""
        self._check_range(index, 1)
        self._check_range(dest, 1)
        if index == dest:
            return
        self._emit(SetEvent("moving", index, 1, dest))
        self._items.insert(dest, self._items.pop(index))
        self._emit(SetEvent("moved", index, 1, dest))

    def replace(self, index: int, item: T) -> T:
        """Put `item` in slot `index`; returns what was there (for undo)."""
        self._check_range(index, 1)
        old = self._items[index]
        self._emit(SetEvent("replacing", index, 1, items=(item,)))
        self._items[index] = item
        self._emit(SetEvent("replaced", index, 1, items=(old,)))
        return old

    def rename(self, name: str) -> None:
        self.name = name
        self._emit(SetEvent("renamed"))

    def set_layout(self, layout: int) -> None:
        if layout not in (0, *POST_LAYOUTS):
            raise ValueError(f"layout must be 0 or one of {POST_LAYOUTS}")
        self.layout = layout
        self._emit(SetEvent("layout"))

    def _check_range(self, index: int, count: int) -> None:
        if count < 1 or index < 0 or index + count > len(self._items):
            raise IndexError(f"rows {index}..{index + count - 1} outside 0..{len(self._items) - 1}")


def grid_columns(count: int, layout: int = 0) -> int:
    """Columns of a post's grid as the editor shows it: 3 → 3, 4 → 2, 6 → 3, 9+ → 3."""
    n = layout or count
    return 2 if n == 4 else 3
