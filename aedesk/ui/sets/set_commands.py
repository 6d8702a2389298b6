"""Undo commands for whole sets: create, duplicate, delete, rename, choose a post's layout.

A set is added and removed through the library (`restore_set` / `delete_set`), so a deleted
set comes back at its position with its items, and the same ImageSet object, on undo.
"""

from __future__ import annotations

from aedesk.core.sets import ImageSet
from aedesk.ui.images import ImageStore
from aedesk.ui.sets.commands import SetEdit, command_text


def _position(store: ImageStore, s: ImageSet[int]) -> int:
    return next(n for n, other in enumerate(store.sets()) if other is s)


class AddSet(SetEdit):
    """Puts the new set `s` at `position` (a created or duplicated set)."""

    def __init__(self, store: ImageStore, s: ImageSet[int], position: int, text: str) -> None:
        super().__init__(store, text)
        self.set, self._position = s, position

    def _do(self) -> None:
        self._store.library.restore_set(self.set, self._position)

    def _undo(self) -> None:
        self._store.library.delete_set(self.set.id)


def create_set(store: ImageStore, kind: str, name: str) -> AddSet:
    return AddSet(store, ImageSet(kind, name), len(store.sets()), command_text("Create set"))


def duplicate_set(store: ImageStore, s: ImageSet[int], name: str) -> AddSet:
    """A copy of `s` (items and layout) right after it."""
    copy: ImageSet[int] = ImageSet(s.kind, name, list(s.items), layout=s.layout)
    return AddSet(store, copy, _position(store, s) + 1, command_text("Duplicate set"))


class DeleteSet(SetEdit):
    def __init__(self, store: ImageStore, s: ImageSet[int]) -> None:
        super().__init__(store, command_text("Delete set"))
        self.set, self._position = s, _position(store, s)

    def _do(self) -> None:
        self._store.library.delete_set(self.set.id)

    def _undo(self) -> None:
        self._store.library.restore_set(self.set, self._position)


class RenameSet(SetEdit):
    def __init__(self, store: ImageStore, s: ImageSet[int], name: str) -> None:
        super().__init__(store, command_text("Rename set"))
        self._set, self._name, self._old = s, name, s.name

    def _do(self) -> None:
        self._set.rename(self._name)

    def _undo(self) -> None:
        self._set.rename(self._old)


class SetLayout(SetEdit):
    def __init__(self, store: ImageStore, s: ImageSet[int], layout: int) -> None:
        super().__init__(store, command_text("Choose post layout"))
        self._set, self._layout, self._old = s, layout, s.layout

    def _do(self) -> None:
        self._set.set_layout(self._layout)

    def _undo(self) -> None:
        self._set.set_layout(self._old)

