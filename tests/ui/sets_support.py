"""Helpers for the sets tests: a panel over the store, and drops delivered as a user's drag."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication

from aedesk.ui.images import ImageStore
from aedesk.ui.sets import SetsPanel

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def drag_to(view: QAbstractItemView, mime: QMimeData, pos: QPoint,
            modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QDropEvent:
    """Enter, move over and drop `mime` on the view's viewport at `pos`, as Qt delivers a drag."""
    viewport = view.viewport()
    buttons = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(QPointF(pos), ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(QPointF(pos), ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(pos), ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, drop)
    return drop


def slot_centre(view: QAbstractItemView, slot: int) -> QPoint:
    """The centre of slot `slot` (from 0) of a board view."""
    return view.cell_rect(slot).center()  # type: ignore[attr-defined]


def left_of(view: QAbstractItemView, slot: int) -> QPoint:
    """A point in the left half of slot `slot`: a drop there lands before it."""
    rect = view.cell_rect(slot)  # type: ignore[attr-defined]
    return QPoint(rect.left() + rect.width() // 4, rect.center().y())


@pytest.fixture
def undo() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def ids(store: ImageStore) -> list[int]:
    """The photos' ids, in file name order (shot-01 first)."""
    return [e.id for e in store.entries()]


@pytest.fixture
def panel(qtbot: object, store: ImageStore, undo: QUndoStack) -> Iterator[SetsPanel]:
    """A shown SetsPanel; destroyed before the library closes (its refresh timer reads it)."""
    widget = SetsPanel(store, undo)
    widget.resize(1100, 460)
    widget.show()
    qtbot.waitExposed(widget)  # type: ignore[attr-defined]
    yield widget
    widget.close()
    shiboken6.delete(widget)
