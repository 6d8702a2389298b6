"""Helpers for the sets tests: a panel over the store, and drops delivered as a user's drag."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication

from aedesk.ui.images import ImageStore
from aedesk.ui.sets import SetsPanel

ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

def hover(view: QAbstractItemView, mime: QMimeData, pos: QPoint,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QDragMoveEvent:
    """Enter the view's viewport with `mime` and move over `pos`, as Qt delivers a drag."""
    buttons = Qt.MouseButton.LeftButton
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, ACTIONS, mime, buttons, modifiers))
    move = QDragMoveEvent(pos, ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), move)
    return move


def drag_to(view: QAbstractItemView, mime: QMimeData, pos: QPoint,
            modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QDropEvent:
    """Drag `mime` over the view's viewport and drop it at `pos`."""
    hover(view, mime, pos, modifiers)
    drop = QDropEvent(pos, ACTIONS, mime, Qt.MouseButton.LeftButton, modifiers)
    QApplication.sendEvent(view.viewport(), drop)
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
    # The boards listen to their ImageSets, which the library keeps: a cycle through the
    # store. Left to Python's collector it may be freed on a library thread, whose Qt timers
    # then fire on freed memory. Let go of the sets, delete now, collect here.
    widget.select(None)
    widget.close()
    shiboken6.delete(widget)
    gc.collect()

#: the offscreen platform warns when a shown window has size constraints; nothing to fix here
OFFSCREEN_SIZE_HINTS = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
