"""What the library hands to its users (the GUI, the watch command): plain frozen values.

Listeners are called from the library's own threads; a GUI must re-post to its thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from aedesk.core.analysis.facts import ImageFacts


@dataclass(frozen=True)
class ImageRecord:
    """One catalogued image. `id` is stable: it survives renames and moves inside watched
    folders, and a missing file keeps it while a set holds it."""

    id: int
    path: Path
    size: int
    mtime_ns: int
    facts: ImageFacts  # facts.error set when unreadable
    missing: bool = False  # file gone; kept while a set holds it
    pending: bool = False  # listed but not analysed yet: facts hold only path, size, extension


@dataclass(frozen=True)
class ImageEntry:
    """An image as lists of thousands need it: no facts parsed."""

    id: int
    path: Path
    missing: bool = False
    pending: bool = False


@dataclass(frozen=True)
class FolderSummary:
    path: Path
    images: int
    errors: int  # images with at least one error finding for the profile
    warnings: int  # images whose worst finding is a warning
    problem: str | None  # e.g. "no permission", "watch limit reached" — for the user
    skipped: int = 0  # hidden, temporary and non-image files seen by the last listing


@dataclass(frozen=True)
class Progress:
    stage: str  # "scan" | "analyse" | "ocr"
    done: int
    total: int
    current: str  # path being worked on ("" when idle)


class LibraryListener(Protocol):
    """Every method must exist; a listener acts on the ones it cares about.

    Calls come in batches from the library's notifier thread (at most ~10 per second
    per kind), never from the caller's thread.
    """

    def images_changed(
        self, ids: list[int]
    ) -> None: ...  # new, re-analysed, moved, thumbnail ready
    def images_removed(self, ids: list[int]) -> None: ...  # row deleted (held by no set)
    def images_missing(self, ids: list[int]) -> None: ...  # file gone, row kept for a set
    def folders_changed(self) -> None: ...
    def progress(self, p: Progress) -> None: ...
    def notice(self, message: str) -> None: ...  # "English / 中文"
