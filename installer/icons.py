"""The app icon in every size and format the platforms want, rendered from the one SVG.

`resources/icons/aedesk.svg` is the only source: Qt's SVG renderer draws it onto a QImage
at each size (sharper than scaling one bitmap), and Pillow writes the containers: a
multi-size `.ico` for Windows, an `.icns` for macOS, plain PNGs for Linux desktops.
Nothing here is committed; the build makes it under `build/icons/`.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent `size`×`size` square, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # QPainter on a QImage needs the GUI module up
        _keep.append(QGuiApplication([]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    buffer.close()
    return bytes(data.data())


_keep: list[object] = []  # the QGuiApplication made for rendering lives as long as the process


def build_icons(svg: Path, out: Path) -> dict[str, Path]:
    """Write `aedesk-<n>.png` for each size, `aedesk.ico` and `aedesk.icns` into `out`.

    Returns the paths by kind: "png" (the 256 px one), "ico", "icns".
    """
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    images = {n: Image.open(io.BytesIO(render_png(svg, n))).convert("RGBA") for n in sizes}
    for n in PNG_SIZES:
        images[n].save(out / f"aedesk-{n}.png")
    largest = images[max(sizes)]
    # Pillow picks each embedded size from the frames it is given, so every size is drawn, not scaled
    largest.save(out / "aedesk.ico", format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                 append_images=[images[n] for n in ICO_SIZES])
    largest.save(out / "aedesk.icns", format="ICNS", append_images=[images[n] for n in ICNS_SIZES])
    return {"png": out / "aedesk-256.png", "ico": out / "aedesk.ico", "icns": out / "aedesk.icns"}
