"""report.html: a self-contained page showing what a bundle holds and why warnings remain.

Thumbnails are inlined as data: URIs and the style is inline, so the page opens anywhere,
offline, from a zip. Every text from outside (file names, messages, the override reason)
is escaped. Labels are bilingual, as the platform's sellers read both.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from html import escape

from aedesk.core.export.describe import describe
from aedesk.core.export.manifest import ImageEntry, Manifest
from aedesk.core.findings import Finding

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;background:#fafafa}
h1{margin:0 0 4px} .meta{color:#666;margin:0 0 16px}
.banner{padding:10px 14px;border-radius:6px;margin:10px 0}
.forced{background:#fde8e8;border:1px solid #e0a0a0} .when{background:#eef4fd;border:1px solid #a9c3ea}
.card{display:flex;gap:16px;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;margin:12px 0}
.card img{width:240px;height:240px;object-fit:contain;background:#eee;border-radius:4px;flex:none}
.card h2{margin:0;font-size:17px} .tag{font-size:12px;background:#333;color:#fff;border-radius:3px;padding:1px 6px}
ul{margin:6px 0;padding-left:20px} .zh{color:#666;font-size:12px} .src{color:#666;word-break:break-all}
.error{color:#b00020} .warning{color:#9a6700} .info{color:#24608f} .ok{color:#1a7f37}
.checklist li,.findings li{list-style:none;margin-left:-20px}
"""
_MARK = {"error": "✖", "warning": "▲", "info": "·"}


def render(manifest: Manifest, thumbnails: Mapping[str, bytes]) -> str:
    """The report page; `thumbnails` maps an output file name to a small JPEG of it."""
    m = manifest
    parts = [
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>{escape(m.name)} · aedesk export</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(m.name)}</h1>",
        f"<p class=\"meta\">{escape(m.profile_name)} · {escape(m.profile_name_zh)} · "
        f"{len(m.images)} images / 张 · aedesk {escape(m.aedesk_version)} · "
        f"{escape(m.created.isoformat(timespec='minutes'))}</p>",
    ]
    if m.override_reason is not None:
        parts.append(
            "<div class=\"banner forced\"><b>Exported despite errors · 存在错误仍强制导出</b><br>"
            f"Reason · 原因: {escape(m.override_reason) or '(none given · 未填写)'}</div>")
    if m.publish_at:
        parts.append(f"<div class=\"banner when\">Planned publish time · 计划发布时间: "
                     f"<b>{escape(m.publish_at.strftime('%Y-%m-%d %H:%M'))}</b> (China time · 中国时间)</div>")
    parts += [_card(e, thumbnails.get(e.file), cover=e.slot == 1) for e in m.images]
    parts.append("<h2>Set · 整组</h2>" + _findings(m.set_findings))
    if m.checklist:
        items = "".join(f"<li>{'☑' if c.ticked else '☐'} {_both(c.en, c.zh)}</li>" for c in m.checklist)
        parts.append(f"<h2>Manual checklist · 人工检查清单</h2><ul class=\"checklist\">{items}</ul>")
    parts.append(f"<p class=\"meta\">fingerprint {escape(m.fingerprint[:16])}</p></body></html>\n")
    return "\n".join(parts)


def _card(e: ImageEntry, thumb: bytes | None, cover: bool) -> str:
    img = (f"<img alt=\"{escape(e.file)}\" src=\"data:image/jpeg;base64,{base64.b64encode(thumb).decode()}\">"
           if thumb else "<img alt=\"\">")
    tag = " <span class=\"tag\">cover · 封面</span>" if cover else ""
    quality = f" · quality {e.quality}" if e.quality else ""
    ops = "".join(f"<li>{_both(describe(op), describe(op, 'zh'))}</li>" for op in e.operations)
    return (f"<div class=\"card\">{img}<div><h2>{escape(e.file)}{tag}</h2>"
            f"<p>{e.width}×{e.height} px · {e.bytes:,} bytes · {escape(e.format)}{quality}</p>"
            f"<p class=\"src\">from · 来源: {escape(e.source)}</p>"
            f"<b>Operations · 处理</b><ul>{ops}</ul><b>Findings · 检查结果</b>{_findings(e.findings)}</div></div>")


def _findings(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return "<p class=\"ok\">✔ No findings · 无问题</p>"
    rows = "".join(
        f"<li class=\"{f.severity.value}\">{_MARK[f.severity.value]} <b>{escape(f.rule)}</b>: "
        f"{_both(f.message, f.message_zh)}</li>"
        for f in findings)
    return f"<ul class=\"findings\">{rows}</ul>"


def _both(en: str, zh: str) -> str:
    return f"{escape(en)}<br><span class=\"zh\">{escape(zh)}</span>"
