"""GUI tests: a real library over generated photos in tmp dirs, and a store the widgets read.

`qt_log_level_fail = WARNING` (pyproject) makes any Qt warning fail the test. Screenshots
go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from library_support import photo, settled, wait_for
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from aedesk.core.rules.profiles import load_catalogue
from aedesk.library.catalog import Catalog
from aedesk.library.library import Library
from aedesk.library.thumbs import ThumbnailCache
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.images import ImageStore

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

PHOTOS = 6


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """A folder of PHOTOS product shots, 1300 px (big enough to pass min-resolution)."""
    folder = tmp_path / "照片 photos"
    folder.mkdir()
    for n in range(PHOTOS):
        photo(folder / f"shot-{n + 1:02d}.jpg", seed=n + 1, size=(1300, 1300))
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """A library on a catalog in tmp_path (not started: `store` starts it)."""
    catalog = Catalog.open(tmp_path / "data" / "catalog.sqlite3")
    lib = Library(catalog, load_catalogue(), thumbnails=ThumbnailCache(tmp_path / "thumbs"),
                  debounce=0.15, relist_interval=3600.0, workers=2)
    yield lib
    lib.close()


@pytest.fixture
def store(qtbot: object, library: Library, photos: Path) -> Iterator[ImageStore]:
    """The store over a started library that has analysed `photos`."""
    bridge = LibraryBridge()
    library.subscribe(bridge)
    images = ImageStore(library, bridge)
    library.add_folder(photos)
    library.start()
    wait_for(settled(library, PHOTOS), what="the photos to be analysed")
    yield images
    images.thumbnails.shutdown()
    library.unsubscribe(bridge)
    # deleted here, on this thread: left to the garbage collector, a store (and the timers
    # of models over it) could be freed on a library thread, or fire into a closed catalog
    for qt_object in (images, bridge):
        qt_object.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def screenshot() -> Callable[[QWidget, str], Path]:
    """`screenshot(widget, "name")` saves tests/artifacts/name.png and returns its path."""

    def save(widget: QWidget, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        assert widget.grab().save(str(path)), f"could not save {path}"
        return path

    return save
