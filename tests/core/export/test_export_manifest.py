"""manifest.json and report.html: complete, faithful, escaped."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta, timezone

from aedesk.core.export.describe import describe
from aedesk.core.export.manifest import ChecklistItem, ImageEntry, Manifest, fingerprint_of
from aedesk.core.export.options import Op
from aedesk.core.export.report import render
from aedesk.core.findings import Finding, Severity

BLUR = Finding("blur", Severity.WARNING, "The subject does not look sharp.", "主体不够清晰。")
DUP = Finding("duplicate", Severity.ERROR, "Slots 1 and 2 hold the same image.", "第 1 张和第 2 张是同一张图片。")


def entry(slot: int, findings: tuple[Finding, ...] = (), source: str = "/photos/a.jpg") -> ImageEntry:
    ops = (Op("orient", {"orientation": 6}), Op("strip-metadata", {"removed": ["EXIF", "GPS"]}),
           Op("encode", {"format": "JPEG", "quality": 91, "bytes": 4_800_000, "encodes": 1, "probes": 6}))
    return ImageEntry(slot, source, "a" * 64, f"{slot:02d}.jpg", "b" * 64, 1600, 1200, 4_800_000, "JPEG", 91,
                      ops, findings)


def manifest(**changes) -> Manifest:
    base = dict(
        name="Spring <set>", profile="huaxu", profile_name="A+ behind-the-scenes set", profile_name_zh="A+ 花絮图",
        aedesk_version="0.1.0", created=datetime(2024, 6, 1, 10, 0, tzinfo=UTC), fingerprint="f" * 64,
        options={"zip": False}, images=(entry(1, (BLUR,)), entry(2)), set_findings=(),
        checklist=(ChecklistItem("Real production line.", "真实产线。", True),
                   ChecklistItem("Trademark class.", "商标类别。", False)),
    )
    base.update(changes)
    return Manifest(**base)


def test_manifest_records_every_image_and_its_history() -> None:
    data = json.loads(manifest().to_json())
    assert data["profile"] == {"id": "huaxu", "name": "A+ behind-the-scenes set", "name_zh": "A+ 花絮图"}
    first = data["images"][0]
    assert {k: first[k] for k in ("slot", "file", "source", "sha256", "width", "height", "bytes", "quality")} == {
        "slot": 1, "file": "01.jpg", "source": "/photos/a.jpg", "sha256": "b" * 64, "width": 1600,
        "height": 1200, "bytes": 4_800_000, "quality": 91}
    assert first["operations"][0] == {"op": "orient", "orientation": 6}
    assert first["findings"] == [{"rule": "blur", "severity": "warning", "message": BLUR.message,
                                  "message_zh": BLUR.message_zh}]
    assert data["checklist"][1] == {"en": "Trademark class.", "zh": "商标类别。", "ticked": False}
    assert data["override"] is None and data["publish_at"] is None
    assert fingerprint_of(manifest().to_json()) == "f" * 64


def test_override_records_reason_and_the_errors_written_anyway() -> None:
    m = manifest(images=(entry(1), entry(2, (DUP,))), set_findings=(DUP,), override_reason="client approved")
    assert m.errors() == [(2, DUP), (None, DUP)]
    override = m.to_dict()["override"]
    assert override["reason"] == "client approved"
    assert [(e["slot"], e["rule"]) for e in override["errors"]] == [(2, "duplicate"), (None, "duplicate")]


def test_publish_time_is_recorded_in_china_time() -> None:
    china = timezone(timedelta(hours=8))
    m = manifest(publish_at=datetime(2024, 6, 3, 20, 0, tzinfo=china))
    assert m.to_dict()["publish_at"] == "2024-06-03T20:00+08:00"


def test_fingerprint_of_something_else_is_none() -> None:
    assert fingerprint_of("[1, 2]") is None and fingerprint_of("{") is None and fingerprint_of("{}") is None


def test_report_is_self_contained_and_escaped() -> None:
    thumb = b"\xff\xd8\xff thumb"
    evil = entry(1, (Finding("promo-text", Severity.ERROR, "Promotional words: “<b>SALE</b>”.", "促销"),),
                 source="/photos/<img src=x onerror=alert(1)>.jpg")
    html = render(manifest(images=(evil, entry(2)), override_reason="<script>alert(1)</script>"),
                  {"01.jpg": thumb, "02.jpg": thumb})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and "<b>SALE</b>" not in html
    assert "Spring &lt;set&gt;" in html
    assert html.count("data:image/jpeg;base64," + base64.b64encode(thumb).decode()) == 2
    assert "http" not in html.replace("http://", "")  # nothing to fetch
    assert "Exported despite errors" in html and "cover" in html


def test_report_shows_operations_findings_and_checklist_in_both_languages() -> None:
    html = render(manifest(publish_at=datetime(2024, 6, 3, 20, 0)), {})
    assert "rotated upright (EXIF orientation 6)" in html and "按 EXIF 方向 6 转正" in html
    assert "JPEG quality 91, 4,800,000 bytes" in html
    assert BLUR.message in html and BLUR.message_zh in html
    assert "☑ Real production line." in html and "☐ Trademark class." in html
    assert "2024-06-03 20:00" in html
    assert "Exported despite errors" not in html


def test_every_operation_has_words() -> None:
    ops = [Op("first-frame", {"frames": 3}), Op("depth", {"from": "I;16"}),
           Op("colour", {"from": "CMYK", "profile": "Coated FOGRA39"}), Op("colour", {"from": "CMYK", "profile": None}),
           Op("mode", {"from": "P", "to": "RGB"}), Op("flatten", {"colour": "#ffffff"}),
           Op("pad", {"from": [1600, 1200], "to": [1600, 1600], "scale": 1.0, "colour": "#fafafa"}),
           Op("pad", {"from": [1000, 1600], "to": [1600, 1200], "scale": 0.75, "colour": "#fafafa"}),
           Op("fill", {"from": [1600, 1200], "window": [0.125, 0, 0.75, 1], "to": [1600, 1600]}),
           Op("banner-crop", {"from": [1600, 1200], "window": [0, 0.18, 1, 0.64], "to": [750, 360]}),
           Op("png-too-large", {"bytes": 9_000_000}), Op("downscale", {"from": [6000, 4000], "to": [5000, 3333]}),
           Op("encode", {"format": "PNG", "bytes": 1000})]
    for op in ops:
        for lang in ("en", "zh"):
            text = describe(op, lang)
            assert text != op.name and "{" not in text, (op, lang)
    assert "approximate" in describe(ops[3]) and "75%" in describe(ops[7])
