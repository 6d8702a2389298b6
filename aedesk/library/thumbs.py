"""Thumbnail (320 px) and preview (1280 px) JPEGs, as files in the platform's cache dir.

Files rather than catalog blobs: they can always be rebuilt, so they belong where the OS
and the user may clear them (and where backups skip them); the catalog stays small, so its
integrity check, WAL and pre-migration backups stay quick. Keyed by the file's content hash,
so a renamed or moved photo keeps its thumbnail and identical copies share one. Writes go
through a temp file and a rename: a reader never sees half a JPEG.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

from PIL import Image

THUMB_LONG_SIDE = 320
PREVIEW_LONG_SIDE = 1280
_MEMORY_ITEMS = 512  # thumbnails kept in RAM (~15 KB each): a few screens of a grid


def _fit(im: Image.Image, long_side: int) -> Image.Image:
    if max(im.size) <= long_side:
        return im
    copy = im.copy()
    copy.thumbnail((long_side, long_side), Image.Resampling.BICUBIC)
    return copy


def _jpeg(im: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


class ThumbnailCache:
    """Thumbnails and previews by content key (a hex hash), with a small LRU in memory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._memory: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def _file(self, key: str, kind: str) -> Path:
        return self.root / key[:2] / f"{key}.{kind}.jpg"

    def put(self, key: str, preview: Image.Image) -> None:
        """Store the thumbnail and preview derived from `preview` (RGB, long side ≤ 1280)."""
        big = _fit(preview, PREVIEW_LONG_SIDE)
        thumb = _jpeg(_fit(big, THUMB_LONG_SIDE), 85)
        self._write(self._file(key, "preview"), _jpeg(big, 90))  # OCR reads this one
        self._write(self._file(key, "thumb"), thumb)
        self._remember(key, thumb)

    def has(self, key: str) -> bool:
        return self._file(key, "thumb").exists() and self._file(key, "preview").exists()

    def thumbnail(self, key: str) -> bytes | None:
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        data = self._read(self._file(key, "thumb"))
        if data is not None:
            self._remember(key, data)
        return data

    def preview(self, key: str) -> bytes | None:
        return self._read(self._file(key, "preview"))

    def prune(self, keep: set[str]) -> int:
        """Delete entries whose key is not in `keep` (images no longer catalogued)."""
        removed = 0
        for path in self.root.glob("??/*.jpg"):
            if not path.name.startswith(".") and path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        with self._lock:
            for key in [k for k in self._memory if k not in keep]:
                del self._memory[key]
        return removed

    def _remember(self, key: str, data: bytes) -> None:
        with self._lock:
            self._memory[key] = data
            self._memory.move_to_end(key)
            while len(self._memory) > _MEMORY_ITEMS:
                self._memory.popitem(last=False)

    @staticmethod
    def _read(path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError:
            return None

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jpg")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
