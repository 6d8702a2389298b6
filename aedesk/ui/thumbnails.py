"""Thumbnails for the views: JPEG bytes from the library, decoded to QImage off the GUI thread.

Loads run in a private QThreadPool, newest request first (what the user scrolled to last is
what they look at). Results are keyed by image id *and* content hash, so a result for a file
that changed meanwhile is dropped, and come back to the GUI thread in batches.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage

DISPLAY_LONG_SIDE = 256  # the grid's largest size: cached images are scaled to it
CACHE_ITEMS = 400  # ~256 KB each at most


class _Relay(QObject):
    """Lives on the GUI thread; workers emit, Qt queues the call over."""

    loaded = Signal(int, str, QImage)


class _Load(QRunnable):
    def __init__(self, fetch: Callable[[int], bytes | None], image_id: int, key: str, relay: _Relay) -> None:
        super().__init__()
        self._fetch, self._id, self._key, self._relay = fetch, image_id, key, relay

    def run(self) -> None:
        data = self._fetch(self._id)
        image = QImage()
        if data is None or not image.loadFromData(data):
            image = QImage()
        elif max(image.width(), image.height()) > DISPLAY_LONG_SIDE:
            image = image.scaled(
                DISPLAY_LONG_SIDE, DISPLAY_LONG_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self._relay.loaded.emit(self._id, self._key, image)


class ThumbnailLoader(QObject):
    """`get(id, key)` answers from memory or queues a load; `ready` fires with the ids loaded."""

    #: list of image ids whose thumbnail is now in memory (batched, ~every 30 ms)
    ready = Signal(list)

    def __init__(self, fetch: Callable[[int], bytes | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._cache: OrderedDict[int, tuple[str, QImage]] = OrderedDict()
        self._queued: dict[int, str] = {}
        self._order = itertools.count()  # later requests run first
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.loaded.connect(self._on_loaded)
        self._batch: list[int] = []
        self._timer = QTimer(self, singleShot=True, interval=30)
        self._timer.timeout.connect(self._on_flush)

    def get(self, image_id: int, key: str) -> QImage | None:
        """The thumbnail if loaded for this content `key`, else None (and a load is queued)."""
        hit = self._cache.get(image_id)
        if hit is not None and hit[0] == key:
            self._cache.move_to_end(image_id)
            return hit[1]
        if key and self._queued.get(image_id) != key:
            self._queued[image_id] = key
            self._pool.start(_Load(self._fetch, image_id, key, self._relay), priority=next(self._order) % 2**30)
        return None

    def forget(self, ids: list[int]) -> None:
        for image_id in ids:
            self._cache.pop(image_id, None)
            self._queued.pop(image_id, None)

    def shutdown(self) -> None:
        """Drop queued loads and wait for the running ones (before the library closes)."""
        self._pool.clear()
        self._pool.waitForDone()

    def _on_loaded(self, image_id: int, key: str, image: QImage) -> None:
        if self._queued.get(image_id) != key:
            return  # stale: the file changed, or the image was forgotten
        del self._queued[image_id]
        if image.isNull():
            return  # not in the cache yet: the library rebuilds it and reports the id again
        self._cache[image_id] = (key, image)
        while len(self._cache) > CACHE_ITEMS:
            self._cache.popitem(last=False)
        self._batch.append(image_id)
        if not self._timer.isActive():
            self._timer.start()

    def _on_flush(self) -> None:
        batch, self._batch = list(dict.fromkeys(self._batch)), []
        self.ready.emit(batch)
