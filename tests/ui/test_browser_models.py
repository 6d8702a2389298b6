"""The grid's models: the image list (diffed, never reset for one new file) and the filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import browser_models
from library_support import photo

from aedesk.ui.browser.filter import ImageFilterModel
from aedesk.ui.browser.model import ImageListModel, Role
from aedesk.ui.images import ImageStore
from aedesk.ui.mime import IMAGE_IDS, image_ids


@pytest.fixture
def models(store: ImageStore) -> Iterator[tuple[ImageListModel, ImageFilterModel]]:
    with browser_models(store) as pair:
        yield pair


def test_models_pass_the_model_tester_with_content_and_after_a_change(qtbot, qtmodeltester, store: ImageStore,
                                                                        photos: Path, models) -> None:
    model, proxy = models
    assert model.rowCount() == 6
    assert model.index(0).data() == "shot-01.jpg"
    assert model.index(0).data(Role.RecordRole).facts.width == 1300
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    photo(photos / "shot-00.jpg", seed=20, size=(1000, 1000))
    qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=10000)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_a_new_file_is_inserted_without_a_reset(qtbot, store: ImageStore, photos: Path, models) -> None:
    model, _ = models
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    photo(photos / "shot-03b.jpg", seed=30, size=(1300, 1300))
    qtbot.waitUntil(lambda: model.rowCount() == 7, timeout=10000)
    assert inserted == [(3, 3)] and not resets
    assert [model.index(r).data() for r in (2, 3, 4)] == ["shot-03.jpg", "shot-03b.jpg", "shot-04.jpg"]
    assert model.row_of(model.index(3).data(Role.IdRole)) == 3


def test_a_change_repaints_only_its_row(qtbot, store: ImageStore, models) -> None:
    model, _ = models
    image_id = model.index(4).data(Role.IdRole)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        store.changed.emit([image_id])
    assert (blocker.args[0].row(), blocker.args[1].row()) == (4, 4)


def test_dragging_rows_carries_their_ids(store: ImageStore, models) -> None:
    model, _ = models
    rows = [model.index(1), model.index(3)]
    mime = model.mimeData(rows)
    assert mime.hasFormat(IMAGE_IDS)
    assert image_ids(mime) == [i.data(Role.IdRole) for i in rows]


def test_filters_by_verdict_set_use_name_and_folder(qtbot, store: ImageStore, photos: Path, models) -> None:
    photo(photos / "small 小图.jpg", seed=40, size=(1000, 1000))
    model, proxy = models
    qtbot.waitUntil(lambda: proxy.counts["errors"] == 1, timeout=10000)
    names = lambda: [proxy.index(r, 0).data() for r in range(proxy.rowCount())]  # noqa: E731
    proxy.set_filter("errors")
    assert names() == ["small 小图.jpg"]
    proxy.set_filter("ok")
    assert len(names()) == 6 and "small 小图.jpg" not in names()
    s = store.library.create_set("huaxu", "s")
    s.append([model.index(0).data(Role.IdRole)])
    store.sets_edited()
    proxy.set_filter("unused")
    qtbot.waitUntil(lambda: len(names()) == 6, timeout=5000)
    assert "shot-01.jpg" not in names()
    proxy.set_filter("all")
    proxy.set_search("小图")
    assert names() == ["small 小图.jpg"]
    proxy.set_search("SHOT-0")
    assert len(names()) == 6
    proxy.set_folder(photos.parent)
    assert len(names()) == 6
    proxy.set_folder(photos / "elsewhere")
    assert names() == []
