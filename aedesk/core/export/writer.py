"""Writing a bundle atomically, and finding an earlier bundle of the same set.

Files go into a hidden temp folder next to the destination (same file system, so the
final rename is atomic) and the folder is renamed into place only when complete. An
existing bundle is never overwritten: the new one takes the next free name, `name (2)`.
When anything fails on the way, the temp folder, the temp zip and a half-placed bundle are
all removed, so a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from aedesk.core.export.manifest import MANIFEST, fingerprint_of

TEMP_PREFIX = ".aedesk-export-"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_STORED = (".jpg", ".png")  # already compressed: deflating them again only costs time


@dataclass(frozen=True)
class Bundle:
    folder: Path
    zip: Path | None


def safe_name(name: str) -> str:
    """A folder name every desktop file system accepts, close to the set's name."""
    clean = _UNSAFE.sub("_", name).strip().strip(".").strip()[:100] or "bundle"
    return f"{clean}_" if clean.upper().split(".")[0] in _RESERVED else clean


def candidates(name: str) -> list[str]:
    return [name] + [f"{name} ({n})" for n in range(2, 1000)]


def free_name(out_dir: Path, name: str) -> str:
    """`name`, or `name (2)`, `name (3)`…: the first taken neither by a folder nor a zip."""
    for candidate in candidates(name):
        if not (out_dir / candidate).exists() and not (out_dir / f"{candidate}.zip").exists():
            return candidate
    raise FileExistsError(errno.EEXIST, f"no free name for {name!r}", str(out_dir))


def find_unchanged(out_dir: Path, name: str, fingerprint: str) -> Path | None:
    """An earlier bundle of the set `name` in `out_dir` whose manifest has `fingerprint`."""
    same_set = re.compile(re.escape(safe_name(name)) + r"( \(\d+\))?")
    try:
        folders = sorted(p for p in out_dir.iterdir() if same_set.fullmatch(p.name) and p.is_dir())
    except OSError:
        return None  # no destination yet, or not readable: nothing to compare with
    for folder in folders:
        try:
            text = (folder / MANIFEST).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if fingerprint_of(text) == fingerprint:
            return folder
    return None


class BundleWriter:
    """`with BundleWriter(out, name, zip) as w: w.write(...); w.commit()`; leaving the block
    without a commit (or with an exception) removes everything written."""

    def __init__(self, out_dir: Path, name: str, make_zip: bool = False) -> None:
        self.out_dir = out_dir
        self.name = safe_name(name)
        self.make_zip = make_zip
        self.temp: Path | None = None

    def __enter__(self) -> BundleWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.out_dir))
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.discard()

    def write(self, file_name: str, data: bytes) -> Path:
        """Write one file of the bundle (to the temp folder); returns where it is for now."""
        if self.temp is None:
            raise RuntimeError("the bundle is not open")
        path = self.temp / file_name
        with path.open("xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        return path

    def commit(self) -> Bundle:
        """Put the bundle (and its zip) in place under a free name."""
        if self.temp is None:
            raise RuntimeError("the bundle is not open")
        folder: Path | None = None
        zip_temp: Path | None = None
        try:
            final = free_name(self.out_dir, self.name)
            zip_temp = self._zip(final) if self.make_zip else None
            folder = self._rename(final)
            self.temp = None
            zip_path = _place(zip_temp, self.out_dir / f"{folder.name}.zip") if zip_temp else None
            _sync_dir(self.out_dir)
            return Bundle(folder, zip_path)
        except BaseException:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            if zip_temp is not None:
                zip_temp.unlink(missing_ok=True)
            raise

    def discard(self) -> None:
        if self.temp is not None:
            shutil.rmtree(self.temp, ignore_errors=True)
            self.temp = None

    def _zip(self, final: str) -> Path:
        assert self.temp is not None
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".zip", dir=self.out_dir)
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                with zipfile.ZipFile(fh, "w") as zf:
                    for file in sorted(self.temp.iterdir()):
                        method = zipfile.ZIP_STORED if file.suffix in _STORED else zipfile.ZIP_DEFLATED
                        zf.write(file, f"{final}/{file.name}", compress_type=method)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path

    def _rename(self, final: str) -> Path:
        """Rename the temp folder to `final`, or to the next free name if that was taken meanwhile."""
        assert self.temp is not None
        for candidate in candidates(final):
            target = self.out_dir / candidate
            if target.exists() or (self.out_dir / f"{candidate}.zip").exists():
                continue
            try:
                os.rename(self.temp, target)  # refuses a non-empty target: nothing is overwritten
            except OSError as exc:
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY) or isinstance(exc, FileExistsError):
                    continue
                raise
            return target
        raise FileExistsError(errno.EEXIST, "no free name", final)


def _place(temp: Path, target: Path) -> Path:
    """Move a finished temp file to `target`, refusing to replace anything there."""
    try:
        os.link(temp, target)  # fails if `target` exists, atomically
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise
        # file systems without hard links (FAT, some network shares): check, then rename
        if target.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.rename(temp, target)
        return target
    temp.unlink()
    return target


def _sync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):  # directories cannot be opened for syncing on Windows
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
