"""Helpers for the browser's GUI tests: models that are deleted with their test.

Their throttle timers must not fire into the next test (over a closed library), so they are
deleted at teardown instead of waiting for the garbage collector.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

from aedesk.ui.browser.filter import ImageFilterModel
from aedesk.ui.browser.model import ImageListModel
from aedesk.ui.images import ImageStore


@contextmanager
def browser_models(store: ImageStore) -> Iterator[tuple[ImageListModel, ImageFilterModel]]:
    """The grid's model and filter over `store`, as the main window builds them."""
    root = QObject()
    model = ImageListModel(store, root)
    proxy = ImageFilterModel(store, root)
    proxy.setSourceModel(model)
    try:
        yield model, proxy
    finally:
        Shiboken.delete(root)
