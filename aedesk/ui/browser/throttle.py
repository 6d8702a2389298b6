"""One call for a burst of events: the browser's refreshes that cost a query."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """`poke()` as often as events come; `action` runs once, `delay_ms` after the first."""

    def __init__(self, action: Callable[[], None], delay_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(action)

    def poke(self, *_args: object) -> None:
        if not self._timer.isActive():
            self._timer.start()
