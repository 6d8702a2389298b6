"""Finding image files: content sniffing, and what a folder walk skips."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# Leading bytes of the image formats a photographer may have in a product folder.
_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"BM",
)
# Names written while a file is still arriving, or by editors as scratch copies.
_TEMP_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial", ".download", ".temp")


def looks_like_image(head: bytes) -> bool:
    """True when the first bytes of a file belong to an image format aedesk can name."""
    if head.startswith(_MAGIC):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"avif", b"msf1", b"hevc")


def is_skipped_name(name: str) -> bool:
    """Hidden files, editor/office lock files and partial downloads."""
    lower = name.lower()
    return name.startswith((".", "~$")) or lower.endswith(_TEMP_SUFFIXES) or lower == "thumbs.db"


def sniff(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return looks_like_image(fh.read(16))
    except OSError:
        return False


@dataclass
class Walk:
    """Result of walking folders: image files in order, and what was skipped and why."""

    images: list[Path] = field(default_factory=list)
    skipped: int = 0
    unreadable_dirs: list[Path] = field(default_factory=list)


def walk_images(root: Path, walk: Walk | None = None) -> Walk:
    """Image files under `root`, recursively, sorted by path; hidden folders are not entered."""
    walk = walk or Walk()
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: _note(walk, e)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not is_skipped_name(name) and sniff(path):
                walk.images.append(path)
            else:
                walk.skipped += 1
    return walk


def _note(walk: Walk, error: OSError) -> None:
    walk.unreadable_dirs.append(Path(error.filename or "?"))

