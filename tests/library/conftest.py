"""Library tests: a library in tmp dirs, and no thread may outlive its test.

Watcher tests wait on conditions (polling up to ~10 s), never on fixed sleeps, so they
hold on a loaded 2-core machine.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_support import LibraryFactory

from aedesk.core.rules.profiles import load_catalogue
from aedesk.library.catalog import Catalog
from aedesk.library.library import Library
from aedesk.library.thumbs import ThumbnailCache


@pytest.fixture(autouse=True)
def no_thread_leaks() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before]
    for t in leaked:
        t.join(timeout=5)
    alive = [t.name for t in leaked if t.is_alive()]
    assert not alive, f"threads left running: {alive}"


@pytest.fixture
def make_library(tmp_path: Path) -> Iterator[LibraryFactory]:
    """Build libraries on one catalog in tmp_path; each is closed after the test."""
    made: list[Library] = []

    def make(**options: object) -> Library:
        options.setdefault("debounce", 0.15)
        options.setdefault("relist_interval", 3600.0)
        options.setdefault("workers", 2)
        catalog = Catalog.open(tmp_path / "data" / "catalog.sqlite3")
        library = Library(
            catalog, load_catalogue(), thumbnails=ThumbnailCache(tmp_path / "thumbs"), **options
        )  # type: ignore[arg-type]
        made.append(library)
        return library

    yield make
    for library in made:
        library.close()
