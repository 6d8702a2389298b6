"""Carrying out an export plan: the one service the command line and the GUI dialog share.

Sources are read (never opened for writing) and checked against the hashes the plan was
made from; images are processed in parallel and written into the bundle's temp folder;
the real analysis then runs on the files as written, and only if no error remains (or the
user forces it, with a reason) are the manifest and report added and the bundle renamed
into place. Anything else, a failure or a cancel, leaves nothing behind.

`progress(done, total, stage)` and `cancel()` are called on the thread that calls `run`;
the GUI runs it on a worker thread and carries progress over to the GUI thread itself.
"""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from aedesk.core.analysis.decode import DecodeError
from aedesk.core.analysis.facts import ImageFacts
from aedesk.core.export import report
from aedesk.core.export.assemble import assemble
from aedesk.core.export.manifest import MANIFEST, REPORT, Manifest
from aedesk.core.export.plan import BundlePlan, ImagePlan
from aedesk.core.export.process import Processed, process
from aedesk.core.export.writer import BundleWriter, find_unchanged
from aedesk.core.findings import Finding
from aedesk.core.rules import engine
from aedesk.core.rules.profiles import Catalogue
from aedesk.library.checker import workers

Analyse = Callable[[Path], ImageFacts]
Progress = Callable[[int, int, str], None]  # done, total, stage: "processed" | "checked" | "written"
Cancel = Callable[[], bool]
T = TypeVar("T")


class ExportError(Exception):
    """The export failed (disk full, permission, a source changed or vanished); nothing was written."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class ExportResult:
    """`written`: the bundle is in place. `refused`: errors remain and nothing was written;
    `manifest` then shows what would have been written (None when a source cannot be
    decoded at all, which forcing cannot help)."""

    status: str
    errors: tuple[tuple[int | None, Finding], ...]  # (slot, or None for the set; finding)
    manifest: Manifest | None = None
    bundle: Path | None = None
    zip_path: Path | None = None

    @property
    def forceable(self) -> bool:
        return self.status == "refused" and self.manifest is not None


@dataclass
class Exporter:
    catalogue: Catalogue
    analyse: Analyse  # the real analysis of one file, with OCR when the profile has text rules
    threads: int = field(default_factory=workers)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def unchanged(self, plan: BundlePlan, out_dir: Path) -> Path | None:
        """An earlier bundle of this set in `out_dir` made from the same sources and options."""
        return find_unchanged(out_dir, plan.name, plan.fingerprint)

    def run(self, plan: BundlePlan, out_dir: Path, progress: Progress | None = None,
            cancel: Cancel | None = None) -> ExportResult:
        """Export `plan` into `out_dir`. Raises ExportError or ExportCancelled, leaving nothing."""
        unreadable = [(i, f) for i, f in enumerate(plan.facts, 1) if not f.readable]
        if unreadable:
            return ExportResult("refused", tuple(
                (slot, finding) for slot, facts in unreadable
                for finding in engine.check_image(self.catalogue, plan.profile, facts)))
        steps = _Steps(2 * len(plan.images) + 1, progress, cancel)
        steps.check_cancel()
        try:
            with BundleWriter(out_dir, plan.name, plan.options.zip) as writer:
                done = self._parallel([_job(self._process, ip, writer) for ip in plan.images], steps, "processed")
                outputs = self._parallel([_job(self.analyse, path) for _, path in done], steps, "checked")
                processed = [p for p, _ in done]
                manifest = assemble(self.catalogue, plan, processed, outputs, self.clock())
                errors = tuple(manifest.errors())
                if errors and not plan.options.force:
                    return ExportResult("refused", errors, manifest)
                writer.write(MANIFEST, manifest.to_json().encode())
                thumbs = {p.file_name: p.thumbnail for p in processed}
                writer.write(REPORT, report.render(manifest, thumbs).encode())
                steps.check_cancel()
                bundle = writer.commit()
                steps.done("written")
        except OSError as exc:
            reason, reason_zh = _os_reason(exc)
            raise ExportError(f"Nothing was written: {reason}.", f"未写入任何文件：{reason_zh}。") from exc
        return ExportResult("written", errors, manifest, bundle.folder, bundle.zip)

    def _process(self, image: ImagePlan, writer: BundleWriter) -> tuple[Processed, Path]:
        data = _read_source(image)
        try:
            result = process(data, image)
        except DecodeError as exc:
            raise ExportError(f"Slot {image.slot} ({image.source}): {exc}",
                              f"第 {image.slot} 张（{image.source}）：{exc.message_zh}") from None
        return result, writer.write(result.file_name, result.data)

    def _parallel(self, jobs: Sequence[Callable[[], T]], steps: _Steps, stage: str) -> list[T]:
        """Results in job order. A failure or a cancel stops the jobs not yet started; the
        running ones finish before the caller removes the temp folder."""
        results: dict[int, T] = {}
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            futures: dict[Future[T], int] = {pool.submit(job): i for i, job in enumerate(jobs)}
            try:
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    steps.done(stage)
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
        return [results[i] for i in range(len(jobs))]


def _job(fn: Callable[..., T], *args: object) -> Callable[[], T]:
    return lambda: fn(*args)


@dataclass
class _Steps:
    total: int
    progress: Progress | None
    cancel: Cancel | None
    count: int = 0

    def done(self, stage: str) -> None:
        self.count += 1
        if self.progress:
            self.progress(self.count, self.total, stage)
        self.check_cancel()

    def check_cancel(self) -> None:
        if self.cancel and self.cancel():
            raise ExportCancelled()


def _read_source(image: ImagePlan) -> bytes:
    where, where_zh = f"Slot {image.slot} ({image.source})", f"第 {image.slot} 张（{image.source}）"
    try:
        data = Path(image.source).read_bytes()
    except FileNotFoundError:
        raise ExportError(f"{where} has disappeared; nothing was written.",
                          f"{where_zh}已不存在；未写入任何文件。") from None
    except OSError as exc:
        reason, reason_zh = _os_reason(exc)
        raise ExportError(f"{where} cannot be read: {reason}; nothing was written.",
                          f"{where_zh}无法读取：{reason_zh}；未写入任何文件。") from None
    if image.source_sha256 and hashlib.sha256(data).hexdigest() != image.source_sha256:
        raise ExportError(f"{where} has changed since it was checked; check it again.",
                          f"{where_zh}在检查后被修改过；请重新检查。")
    return data


def _os_reason(exc: OSError) -> tuple[str, str]:
    name = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full{name}", f"磁盘已满{name}"
    if isinstance(exc, PermissionError):
        return f"permission denied{name}", f"没有权限{name}"
    if isinstance(exc, FileExistsError):
        return f"a file of the same name appeared meanwhile{name}", f"同名文件已存在{name}"
    return f"{exc.strerror or exc}{name}", f"{exc.strerror or exc}{name}"
