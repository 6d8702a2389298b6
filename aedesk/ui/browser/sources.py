"""The left dock: profile, watched folders (add / remove / rescan, folder drops), filters
and the name search; all of it narrows what the grid shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QSettings
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.browser.drops import accept_folders, watch_dropped
from aedesk.ui.browser.filter import ImageFilterModel
from aedesk.ui.browser.filterbar import FilterBar
from aedesk.ui.browser.folders import FolderListModel, PathRole
from aedesk.ui.browser.profiles import ProfileBox
from aedesk.ui.images import ImageStore


class SourcesPanel(QWidget):
    def __init__(self, store: ImageStore, bridge: LibraryBridge, proxy: ImageFilterModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._proxy = store, proxy
        self.profile = ProfileBox(store, self)
        self.folders = FolderListModel(store, bridge, self)
        self.list = QListView(self)
        self.list.setModel(self.folders)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setCurrentIndex(self.folders.index(0))
        self.list.selectionModel().selectionChanged.connect(self._on_folder_selected)
        self.folders.modelReset.connect(self._on_folders_reset)
        self.add, self.remove, self.rescan = (QPushButton(self) for _ in range(3))
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.rescan.clicked.connect(self._on_rescan)
        self.remove.setEnabled(False)  # "All folders" is selected
        self.filters = FilterBar(proxy, self)
        self._profile_label, self._folders_label = QLabel(self), QLabel(self)
        buttons = QHBoxLayout()
        for button in (self.add, self.remove, self.rescan):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self._profile_label, self.profile, self._folders_label, self.list):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        self.setAcceptDrops(True)
        self._selected: Path | None = None
        self._retranslate()

    def selected_folder(self) -> Path | None:
        return self._selected

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("browser/filter", self.filters.kind())
        settings.setValue("browser/folder", str(self._selected) if self._selected else "")

    def restore_state(self, settings: QSettings) -> None:
        self.filters.set_kind(str(settings.value("browser/filter", "all")))
        folder = str(settings.value("browser/folder", ""))
        row = self.folders.row_of(Path(folder)) if folder else 0
        self.list.setCurrentIndex(self.folders.index(row or 0))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_folders(event)

    def dropEvent(self, event: QDropEvent) -> None:
        watch_dropped(self._store.library, event)

    def _retranslate(self) -> None:
        self._profile_label.setText(self.tr("Profile"))
        self._folders_label.setText(self.tr("Watched folders"))
        self.add.setText(self.tr("Add folder…"))
        self.add.setToolTip(self.tr("Watch a folder: its images are checked and kept up to date"))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Stop watching the selected folder (its files are not deleted)"))
        self.rescan.setText(self.tr("Rescan"))
        self.rescan.setToolTip(self.tr("Look through the selected folder (or all) again"))

    def _on_add(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add a folder to watch"))
        if path:
            self._store.library.add_folder(Path(path))

    def _on_remove(self) -> None:
        if self._selected is not None:
            self._store.library.remove_folder(self._selected)

    def _on_rescan(self) -> None:
        self._store.library.rescan(self._selected)

    def _on_folder_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._selected = indexes[0].data(PathRole) if indexes else None
        self.remove.setEnabled(self._selected is not None)
        self._proxy.set_folder(self._selected)

    def _on_folders_reset(self) -> None:
        row = self.folders.row_of(self._selected)
        self.list.setCurrentIndex(self.folders.index(row or 0))
