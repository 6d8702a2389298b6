"""The central grid: the view, a thumbnail size slider and how many images show."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from aedesk.ui.browser.filter import ImageFilterModel
from aedesk.ui.browser.view import GridView
from aedesk.ui.images import ImageStore

SIZES = (96, 256)
DEFAULT_SIZE = 160


class GridPanel(QWidget):
    def __init__(self, store: ImageStore, proxy: ImageFilterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.view = GridView(store, self)
        self.view.setModel(proxy)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(*SIZES)
        self.slider.setSingleStep(8)
        self.slider.setPageStep(32)
        self.slider.setFixedWidth(160)
        self.slider.valueChanged.connect(self._on_size_changed)
        self.slider.setValue(DEFAULT_SIZE)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.count)
        bar.addStretch(1)
        self._size_label = QLabel(self)
        bar.addWidget(self._size_label)
        bar.addWidget(self.slider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._on_rows_changed)
        self._retranslate()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("browser/thumbnail_size", self.slider.value())

    def restore_state(self, settings: QSettings) -> None:
        value = str(settings.value("browser/thumbnail_size", DEFAULT_SIZE))
        self.slider.setValue(int(value) if value.isdigit() else DEFAULT_SIZE)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._size_label.setText(self.tr("Size"))
        self.slider.setToolTip(self.tr("Thumbnail size"))
        self._on_rows_changed()

    def _on_rows_changed(self, *_args: object) -> None:
        source = self._proxy.sourceModel()
        total = source.rowCount() if source is not None else 0
        self.count.setText(self.tr("%1 of %2 images").replace("%1", str(self._proxy.rowCount()))
                           .replace("%2", str(total)))

    def _on_size_changed(self, value: int) -> None:
        self.view.setIconSize(QSize(value, value))
