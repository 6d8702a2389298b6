"""watchdog observers for one watched folder: which kind, and its events into the debouncer.

Network drives do not deliver change events (inotify, FSEvents and ReadDirectoryChanges see
only local writes), so folders on them get watchdog's polling observer; the user may also
ask for polling everywhere. Observer failures become messages naming the folder.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from aedesk.library.debounce import Debouncer
from aedesk.library.files import is_skipped_name

POLL_SECONDS = 2.0
_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "9p",
    "afs",
    "ncpfs",
    "fuse.sshfs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
    "fuse.gvfsd-fuse",
}
_IGNORED = {"opened", "closed_no_write"}


def on_network_drive(folder: Path) -> bool:
    """True when `folder` is on a network file system (Linux: from the mount table)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return False
    target, best, kind = str(folder.resolve()), "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(
            best
        ):
            best, kind = point, parts[2]
    return kind in _NETWORK_FS


def make_observer(folder: Path, polling: bool | None) -> tuple[BaseObserver, bool]:
    """An observer for `folder`, and whether it reports close-after-write (inotify does)."""
    if polling or (polling is None and on_network_drive(folder)):
        return PollingObserver(timeout=POLL_SECONDS), False
    observer = Observer()
    return observer, type(observer).__name__ == "InotifyObserver"


def problem_for(exc: OSError) -> str:
    """What went wrong watching a folder, for the user ("English / 中文")."""
    if exc.errno in (errno.ENOSPC, errno.EMFILE):
        return (
            "the system's limit of watched folders is reached, so it is only re-checked "
            "periodically (raise fs.inotify.max_user_watches) / 已达到系统可监视文件夹数量上限，"
            "改为定期检查（可调高 fs.inotify.max_user_watches）"
        )
    if isinstance(exc, PermissionError):
        return "no permission to watch the folder / 没有监视该文件夹的权限"
    if isinstance(exc, FileNotFoundError):
        return "folder not found / 文件夹不存在"
    reason = exc.strerror or exc
    return f"cannot be watched ({reason}) / 无法监视（{reason}）"


class Handler(FileSystemEventHandler):
    """Feeds one folder's events to the debouncer; the library's paths are plain str."""

    def __init__(self, root: Path, debouncer: Debouncer, close_events: bool) -> None:
        self._root = str(root)
        self._debouncer = debouncer
        self._close_events = close_events

    def _hidden(self, path: str) -> bool:
        rel = os.path.relpath(path, self._root)
        return any(
            part.startswith(".") and part not in (".", "..") for part in Path(rel).parts
        ) or is_skipped_name(os.path.basename(path))

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if kind in _IGNORED or (event.is_directory and kind in ("modified", "attrib", "closed")):
            return
        src = os.fsdecode(event.src_path)
        if kind == "moved":
            dest = os.fsdecode(event.dest_path)
            if self._hidden(dest):
                self._debouncer.touch(src, is_dir=event.is_directory)  # moved out of sight: gone
            else:
                self._debouncer.moved(src, dest, is_dir=event.is_directory)
            return
        if self._hidden(src):
            return
        if event.is_directory:
            self._debouncer.touch(src, is_dir=True)
        elif kind == "closed":
            self._debouncer.touch(src, writing=False)
        elif kind == "modified":
            self._debouncer.touch(src, writing=True if self._close_events else None)
        else:  # created, deleted, attrib
            self._debouncer.touch(src)
