"""Drag-and-drop payloads shared by the grid and the set boards."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QMimeData

#: catalog image ids, as a JSON list of ints
IMAGE_IDS = "application/x-aedesk-image-ids"
#: the set (by id) and rows a drag started from, for moves between and within boards
SET_ROWS = "application/x-aedesk-set-rows"


def image_ids_mime(ids: list[int], set_id: str | None = None, rows: list[int] | None = None) -> QMimeData:
    """Mime data for dragging images; from a board, also which set and rows they came from."""
    mime = QMimeData()
    mime.setData(IMAGE_IDS, QByteArray(json.dumps(list(ids)).encode()))
    if set_id is not None:
        mime.setData(SET_ROWS, QByteArray(json.dumps({"set": set_id, "rows": rows or []}).encode()))
    return mime


def image_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(IMAGE_IDS):
        return []
    try:
        data = json.loads(bytes(mime.data(IMAGE_IDS).data()).decode())
    except ValueError:
        return []
    return [int(i) for i in data if isinstance(i, int)]


def set_rows(mime: QMimeData) -> tuple[str, list[int]] | None:
    """(set id, rows) when the drag started on a set board."""
    if not mime.hasFormat(SET_ROWS):
        return None
    try:
        data = json.loads(bytes(mime.data(SET_ROWS).data()).decode())
        return str(data["set"]), [int(r) for r in data["rows"]]
    except (ValueError, KeyError, TypeError):
        return None
