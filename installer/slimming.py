"""What the frozen app leaves out, so it carries only what aedesk runs.

`EXCLUDES` keeps modules out of the analysis (development tools, Qt modules the app never
imports, the OCR engines other than onnxruntime). `keep()` then drops files that the hooks
collect wholesale but the app cannot reach.
"""

from __future__ import annotations

EXCLUDES = [
    # development and test tools that are installed beside the app
    "pytest", "_pytest", "pytestqt", "mypy", "mypyc", "ruff", "importlinter", "grimp", "PyInstaller",
    "setuptools", "pkg_resources", "distutils", "pip", "tkinter", "unittest", "pydoc_data", "IPython",
    "fontpkg", "fontpkg_anton", "pylopdf_fonts_zh_cn",
    # Qt modules aedesk does not use (it uses QtCore, QtGui, QtWidgets, QtSvg)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickControls2", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest", "PySide6.QtQmlFeatures", "PySide6.QtLabsStyleKit", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtTest", "PySide6.QtSql", "PySide6.QtXml",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPrintSupport",
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtSvgWidgets",
    # rapidocr's other inference engines: aedesk runs its models on onnxruntime only
    "torch", "paddle", "openvino", "tensorrt", "MNN",
    "matplotlib", "scipy", "pandas",
]


def keep(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The TOC entries (destination, source, kind) that the app needs."""
    return [e for e in entries if not _unneeded(e[0].replace("\\", "/"))]


# Qt plugins for places a desktop app never runs (framebuffer, VNC, embedded EGL, evdev input),
# and the GTK3 theme, which drags in the whole GTK/cairo/pango stack; the xdg-desktop-portal
# theme still gives native file dialogs on GNOME and KDE.
_PLUGINS = ("egldeviceintegrations/", "generic/", "platforms/libqeglfs", "platforms/libqlinuxfb",
            "platforms/libqvnc", "platforms/libqvkkhrdisplay", "platforms/libqminimalegl",
            "platformthemes/libqgtk3", "imageformats/libqtga", "imageformats/libqwbmp")
# Libraries that only the plugins above load (checked with readelf: nothing kept needs them)
_ONLY_FOR_PLUGINS = ("libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport", "libQt6Network")


# Top-level libraries that only those plugins (and libQt6Network) need, found by following
# every kept binary's NEEDED entries with readelf: the GTK/cairo/pango/GIO stack, Kerberos,
# and the X helpers of the system's libxcb (which is never bundled: the system provides it).
_GTK_STACK = ("libgtk-", "libgdk-", "libgdk_pixbuf", "libatk-", "libcairo", "libpango", "libpixman", "libharfbuzz",
              "libgraphite2", "libfribidi", "libthai", "libdatrie", "libjpeg.so", "libgio-", "libgobject-",
              "libgmodule-", "libmount", "libblkid", "libselinux", "libXrender", "libXext", "libXau", "libXdmcp",
              "libbsd", "libmd.so", "libgssapi_krb5", "libkrb5", "libk5crypto", "libcom_err", "libkeyutils")


def _unneeded(dest: str) -> bool:
    name = dest.rsplit("/", 1)[-1]
    if dest.startswith("resources/translations/"):
        return not name.endswith(".qm")  # the compiled translations; their .ts sources stay behind
    if "/Qt/translations/" in dest or "/Qt6/translations/" in dest:
        return "_zh_CN" not in name  # Qt's own strings: aedesk speaks English and Simplified Chinese
    if "/plugins/" in dest:
        return any(p in dest for p in _PLUGINS)
    if "/Qt/lib/" in dest:
        return name.startswith(_ONLY_FOR_PLUGINS)
    return "/" not in dest and name.startswith((*_GTK_STACK, *_ONLY_FOR_PLUGINS))
