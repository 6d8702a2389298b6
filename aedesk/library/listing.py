"""Listing a watched folder: image files with their (size, mtime_ns), and what was skipped.

Hidden files and folders, editor and download temp files, and files that are not images
(by content) are skipped and counted, never reported as errors. Only files the catalog does
not know are sniffed, and a file found not to be an image is remembered with its stat, so a
re-listing of an unchanged folder reads no file contents at all.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path

from aedesk.library.files import is_skipped_name, sniff

Stat = tuple[int, int]  # (size, mtime_ns)


@dataclass
class Listing:
    files: dict[str, Stat] = field(default_factory=dict)
    skipped: int = 0
    unreadable: list[str] = field(default_factory=list)  # sub-folders that could not be read
    problem: str | None = None  # the folder itself: missing or unreadable


def file_stat(path: str) -> Stat | None:
    """(size, mtime_ns) of a regular file, None when it is not there (or not a file)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_size, st.st_mtime_ns) if os.path.isfile(path) else None


def storable(name: str) -> bool:
    """The catalog stores paths as UTF-8 text; undecodable names are skipped."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Lister:
    """Lists folders; remembers which files are not images so they are sniffed once."""

    def __init__(self) -> None:
        self._not_images: dict[str, Stat] = {}
        self._lock = threading.Lock()

    def is_image(self, path: str, stat: Stat, known: bool = False) -> bool:
        """Skipped names never are; catalogued files (`known`) are; others are sniffed once."""
        name = os.path.basename(path)
        if is_skipped_name(name) or not storable(name):
            return False
        if known:
            return True
        with self._lock:
            if self._not_images.get(path) == stat:
                return False
        if sniff(Path(path)):
            return True
        with self._lock:
            self._not_images[path] = stat
        return False

    def list(self, root: Path, known: Container[str]) -> Listing:
        """Every image file under `root`, recursively; hidden folders are not entered."""
        listing = Listing()
        if not root.is_dir():
            listing.problem = (
                "folder not found / 文件夹不存在"
                if not root.exists()
                else "not a folder / 不是文件夹"
            )
            return listing
        stack = [str(root)]
        while stack:
            folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                if folder == str(root):
                    listing.problem = "no permission to read the folder / 没有读取该文件夹的权限"
                else:
                    listing.unreadable.append(folder)
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    listing.skipped += not _is_dir(entry)
                elif _is_dir(entry):
                    stack.append(entry.path)
                else:
                    self._add(entry, listing, known)
        return listing

    def _add(self, entry: os.DirEntry[str], listing: Listing, known: Container[str]) -> None:
        try:
            st = entry.stat()
        except OSError:
            listing.skipped += 1
            return
        stat = (st.st_size, st.st_mtime_ns)
        if entry.is_file() and self.is_image(entry.path, stat, entry.path in known):
            listing.files[entry.path] = stat
        else:
            listing.skipped += 1


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)  # a linked folder could loop or leave the tree
    except OSError:
        return False
