"""The watched folders with their counts for the current profile, "All folders" first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from aedesk.library.records import FolderSummary
from aedesk.ui import palette
from aedesk.ui.background import BackgroundCall
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.browser.throttle import Throttle
from aedesk.ui.images import ImageStore

PathRole = Qt.ItemDataRole.UserRole + 1  # Path of the folder, None for "All folders"
Index = QModelIndex | QPersistentModelIndex


class FolderListModel(QAbstractListModel):
    def __init__(self, store: ImageStore, bridge: LibraryBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._folders: list[FolderSummary] = store.library.folders(store.profile)
        # counting a folder's findings reads the whole catalog: on a worker after events
        self._query = BackgroundCall(lambda: store.library.folders(store.profile), self)
        self._query.finished.connect(self._show)
        self._refresh = Throttle(self._query.start, 300, self)
        signals = (bridge.foldersChanged, store.profileChanged, store.changed, store.entriesChanged,
                   store.languageChanged)
        for signal in signals:
            signal.connect(self._refresh.poke)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._folders) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._folders):
            return None
        folder = self._folders[index.row() - 1] if index.row() else None
        if role == PathRole:
            return folder.path if folder else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(folder)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(folder)
        if role == Qt.ItemDataRole.ForegroundRole and folder is not None and folder.problem:
            return QColor(palette.ERROR)
        return None

    def row_of(self, path: Path | None) -> int | None:
        if path is None:
            return 0
        return next((n + 1 for n, f in enumerate(self._folders) if f.path == path), None)

    def refresh(self) -> None:
        """Re-read the folders now (after the user added or removed one)."""
        self._show(self._store.library.folders(self._store.profile))

    def _show(self, folders: list[FolderSummary]) -> None:
        if [f.path for f in folders] == [f.path for f in self._folders]:
            self._folders = folders
            self.dataChanged.emit(self.index(0), self.index(len(folders)))
        else:
            self.beginResetModel()
            self._folders = folders
            self.endResetModel()

    def _text(self, folder: FolderSummary | None) -> str:
        if folder is None:
            total = sum(f.images for f in self._folders)
            return self.tr("All folders") + f"  ({total})"
        text = f"{folder.path.name or folder.path}  ({folder.images})"
        if folder.errors:
            text += self.tr(" · %1 errors").replace("%1", str(folder.errors))
        if folder.warnings:
            text += self.tr(" · %1 warnings").replace("%1", str(folder.warnings))
        return text

    def _tooltip(self, folder: FolderSummary | None) -> str:
        if folder is None:
            return self.tr("Images of every watched folder")
        counts = self.tr("%1 images · %2 errors · %3 warnings")
        counts = counts.replace("%1", str(folder.images)).replace("%2", str(folder.errors))
        lines = [str(folder.path), counts.replace("%3", str(folder.warnings))]
        if folder.problem:
            lines.append(self.tr("Problem: %1").replace("%1", folder.problem))
        if folder.skipped:
            skipped = self.tr("%1 files skipped (hidden, temporary or not images)")
            lines.append(skipped.replace("%1", str(folder.skipped)))
        return "\n".join(lines)
