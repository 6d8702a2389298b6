"""The main window: sources on the left, the thumbnail grid in the centre, the inspector on
the right, the sets below, progress in the status bar. It only wires the panels together;
each panel owns its own behaviour."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

from aedesk import __version__
from aedesk.core.sets import ImageSet
from aedesk.ui.bridge import LibraryBridge
from aedesk.ui.browser import GridPanel, ImageFilterModel, ImageListModel, SourcesPanel
from aedesk.ui.export_dialog import Analyse, ExportDialog, ExportRequest
from aedesk.ui.i18n import Translations
from aedesk.ui.images import ImageStore
from aedesk.ui.inspector import Inspector
from aedesk.ui.quicklook import QuickLook
from aedesk.ui.sets import SetsPanel
from aedesk.ui.status import StatusBar


class MainWindow(QMainWindow):
    def __init__(self, store: ImageStore, bridge: LibraryBridge, translations: Translations,
                 settings: QSettings, export_analyse: Analyse) -> None:
        super().__init__()
        self.store, self._translations, self._settings = store, translations, settings
        self._export_analyse = export_analyse
        self.undo = QUndoStack(self)
        self.model = ImageListModel(store)
        self.proxy = ImageFilterModel(store)
        self.proxy.setSourceModel(self.model)
        self.sources = SourcesPanel(store, bridge, self.proxy)
        self.grid = GridPanel(store, self.proxy)
        self.inspector = Inspector(store)
        self.sets = SetsPanel(store, self.undo)
        self.status = StatusBar(store, bridge)
        self.setCentralWidget(self.grid)
        self.setStatusBar(self.status)
        self._docks = {name: self._dock(name, widget, area) for name, widget, area in (
            ("sources", self.sources, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea),
            ("sets", self.sets, Qt.DockWidgetArea.BottomDockWidgetArea))}
        self._make_actions()
        self._connect(bridge)
        store.set_language(translations.language)
        self._retranslate()
        self.resize(1400, 900)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)  # saveState needs it
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _make_actions(self) -> None:
        self.export_action = QAction(self, shortcut=QKeySequence("Ctrl+E"), triggered=self._on_export_current)
        self.banner_action = QAction(self, triggered=self._on_export_banner)
        self.preview_action = QAction(self, shortcut=QKeySequence("Ctrl+P"), triggered=self.sets.preview_current)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.undo_action = self.undo.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo.createRedoAction(self)
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")])
        self.about_action = QAction(self, triggered=self._on_about)
        self.language_actions = {lang: QAction(self, checkable=True) for lang in ("", "zh", "en")}
        group = QActionGroup(self)
        for lang, action in self.language_actions.items():
            group.addAction(action)
            action.triggered.connect(lambda _=False, lang=lang: self.set_language(lang))
        saved = str(self._settings.value("language", ""))
        self.language_actions.get(saved, self.language_actions[""]).setChecked(True)
        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self._file_menu.addActions([self.export_action, self.banner_action, self.quit_action])
        self._edit_menu = bar.addMenu("")
        self._edit_menu.addActions([self.undo_action, self.redo_action])
        self._view_menu = bar.addMenu("")
        self._view_menu.addAction(self.preview_action)
        self._language_menu = self._view_menu.addMenu("")
        self._language_menu.addActions(list(self.language_actions.values()))
        self._help_menu = bar.addMenu("")
        self._help_menu.addAction(self.about_action)

    def _connect(self, bridge: LibraryBridge) -> None:
        view = self.grid.view
        view.currentImageChanged.connect(self.inspector.show_image)
        view.previewRequested.connect(lambda i: QuickLook(self.store, i, self).exec())
        view.slotRequested.connect(lambda n: self.sets.put_in_slot(n, view.selected_ids()))
        self.sets.imageActivated.connect(self.inspector.show_image)
        self.sets.exportRequested.connect(self.export_set)
        self.sets.refused.connect(self.notify)
        bridge.noticed.connect(self.notify)

    # language
    def set_language(self, language: str) -> None:
        """"zh", "en", or "" to follow the system; applied at once, remembered."""
        self._settings.setValue("language", language)
        self._translations.apply(language)
        self.store.set_language(self._translations.language)
        self.language_actions[language].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("aedesk — product photo checker"))
        self._docks["sources"].setWindowTitle(self.tr("Folders"))
        self._docks["inspector"].setWindowTitle(self.tr("Inspector"))
        self._docks["sets"].setWindowTitle(self.tr("Sets"))
        self._file_menu.setTitle(self.tr("&File"))
        self._edit_menu.setTitle(self.tr("&Edit"))
        self._view_menu.setTitle(self.tr("&View"))
        self._help_menu.setTitle(self.tr("&Help"))
        self._language_menu.setTitle(self.tr("Language / 语言"))
        self.export_action.setText(self.tr("&Export current set…"))
        self.banner_action.setText(self.tr("Export photo as &banner (750 × 360)…"))
        self.preview_action.setText(self.tr("&Preview current set"))
        self.quit_action.setText(self.tr("&Quit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.about_action.setText(self.tr("&About aedesk"))
        self.language_actions[""].setText(self.tr("Follow the system"))
        self.language_actions["zh"].setText("简体中文")
        self.language_actions["en"].setText("English")

    # actions
    def notify(self, message: str) -> None:
        self.status.notify(message)

    def export_set(self, image_set: ImageSet[int]) -> ExportDialog:
        return self._export(ExportRequest.of_set(image_set))

    def export_banner(self, image_id: int) -> ExportDialog:
        record = self.store.record(image_id)
        name = f"banner-{record.path.stem}" if record else "banner"
        return self._export(ExportRequest(name, "banner", (image_id,)))

    def _export(self, request: ExportRequest) -> ExportDialog:
        dialog = ExportDialog(self.store, request, self._settings, self._export_analyse, self)
        dialog.open()
        return dialog

    def _on_export_banner(self) -> None:
        if self.inspector.image_id < 0:
            self.notify(self.tr("Choose a photo for the banner first."))
        else:
            self.export_banner(self.inspector.image_id)

    def _on_export_current(self) -> None:
        current = self.sets.current_set()
        if current is None:
            self.notify(self.tr("Choose a set to export first."))
        else:
            self.export_set(current)

    def _on_about(self) -> None:
        about = self.tr("aedesk %1 checks product photos for AliExpress stores on your computer.")
        safe = self.tr("Your originals are never modified.")
        QMessageBox.about(self, self.tr("About aedesk"), f"{about.replace('%1', __version__)}\n{safe}")

    # layout
    def restore_layout(self) -> None:
        geometry, state = self._settings.value("window/geometry"), self._settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for panel in (self.sources, self.grid, self.sets):
            panel.restore_state(self._settings)

    def save_layout(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/state", self.saveState())
        self._settings.setValue("profile", self.store.profile)
        for panel in (self.sources, self.grid, self.sets):
            panel.save_state(self._settings)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
