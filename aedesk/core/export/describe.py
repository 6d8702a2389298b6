"""Operations in words, in English and Chinese, for the report and the command line."""

from __future__ import annotations

from typing import Any

from aedesk.core.export.options import Op

_TEXT: dict[str, tuple[str, str]] = {
    "first-frame": ("kept the first of {frames} frames", "保留了 {frames} 帧中的第一帧"),
    "orient": ("rotated upright (EXIF orientation {orientation})", "按 EXIF 方向 {orientation} 转正"),
    "depth": ("{from} scaled to 8 bits per channel", "{from} 缩放为每通道 8 位"),
    "colour": ("{from} converted to sRGB through its profile “{profile}”",
               "{from} 通过其色彩配置“{profile}”转为 sRGB"),
    "colour-naive": ("{from} converted to sRGB without a colour profile (approximate)",
                     "{from} 没有色彩配置，近似转换为 sRGB"),
    "mode": ("{from} converted to {to}", "{from} 转为 {to}"),
    "flatten": ("transparency flattened onto {colour}", "透明区域合成到 {colour} 背景上"),
    "pad": ("padded to {to[0]}×{to[1]} with {colour}", "用 {colour} 填充到 {to[0]}×{to[1]}"),
    "pad-shrunk": ("shrunk to {scale:.0%} and padded to {to[0]}×{to[1]} with {colour}",
                   "缩小到 {scale:.0%} 并用 {colour} 填充到 {to[0]}×{to[1]}"),
    "fill": ("cropped at {to[0]}:{to[1]} and scaled to fill the canvas (a scene cannot be padded unseen)",
             "按 {to[0]}:{to[1]} 裁剪并缩放填满画布（外景图无法无痕填充）"),
    "banner-crop": ("cropped at 750:360 and scaled to {to[0]}×{to[1]}",
                    "按 750:360 裁剪并缩放到 {to[0]}×{to[1]}"),
    "strip-metadata": ("removed metadata: {removed}", "已移除元数据：{removed}"),
    "png-too-large": ("as PNG it would be {bytes:,} bytes, over the cap: saved as JPEG",
                      "存为 PNG 将有 {bytes:,} 字节，超过上限：改存为 JPEG"),
    "downscale": ("downscaled from {from[0]}×{from[1]} to {to[0]}×{to[1]} to fit the size cap",
                  "为满足大小上限，从 {from[0]}×{from[1]} 缩小到 {to[0]}×{to[1]}"),
    "encode-JPEG": ("JPEG quality {quality}, {bytes:,} bytes", "JPEG 质量 {quality}，{bytes:,} 字节"),
    "encode-PNG": ("PNG, {bytes:,} bytes", "PNG，{bytes:,} 字节"),
}


def describe(op: Op, lang: str = "en") -> str:
    """One line saying what `op` did."""
    key = op.name
    values: dict[str, Any] = dict(op.params)
    if key == "colour" and not values.get("profile"):
        key = "colour-naive"
    elif key == "pad" and values.get("scale", 1.0) < 1.0:
        key = "pad-shrunk"
    elif key == "encode":
        key = f"encode-{values.get('format')}"
    elif key == "strip-metadata":
        values["removed"] = ", ".join(values.get("removed", ()))
    template = _TEXT.get(key)
    if template is None:
        return op.name
    return template[1 if lang.startswith("zh") else 0].format(**values)
