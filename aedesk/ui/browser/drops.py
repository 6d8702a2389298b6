"""Folders dragged in from the file manager: the grid and the sources panel watch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from aedesk.library.library import Library


def dropped_folders(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """The local folders a file-manager drag carries."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and Path(u.toLocalFile()).is_dir()]


def accept_folders(event: QDragEnterEvent | QDragMoveEvent) -> None:
    """Accept a drag only when it carries folders."""
    event.setAccepted(bool(dropped_folders(event)))


def watch_dropped(library: Library, event: QDropEvent) -> None:
    folders = dropped_folders(event)
    for folder in folders:
        library.add_folder(folder)
    event.setAccepted(bool(folders))
