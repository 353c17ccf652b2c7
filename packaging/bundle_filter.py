"""What goes into the bundle and what stays out: used by the spec and by the Qt hooks in `pyinstaller_hooks/`.

The program uses QtCore, QtGui, QtWidgets, QtPdf, QtPdfWidgets and QtPrintSupport (printing), drawn by the
raster engine (no OpenGL, no QML). PyInstaller's Qt hooks would collect every plugin of those modules (GTK
theme, OpenGL integrations, SVG icons, TLS backends ...) and then every system library those plugins link to.
The hooks here filter the plugin list *before* PyInstaller analyses dependencies, so dropped plugins bring
nothing in; the spec applies the same filter once more to what Analysis returns.

On Linux, the desktop's own libraries (X11/xcb, glib, fontconfig/freetype, D-Bus, Kerberos, libstdc++ ...)
stay out too: the PySide6 wheels do not ship them either and expect the system's, and a bundled copy can be
older than what the system's graphics drivers or font configuration need. The bundle therefore runs where
`pip install PySide6` runs. Python's own libraries (OpenSSL, libffi, zlib, bz2, lzma, expat) stay in.

Runs inside PyInstaller (build time only).
"""

from __future__ import annotations

import re
from pathlib import Path

QT_USED = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport")
QT_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtXml",
)
# Plugin folders kept (every other folder under plugins/ is dropped), with the file stems kept in each
# (without "lib" prefix or extension); None keeps the whole folder.
PLUGINS_KEPT: dict[str, tuple[str, ...] | None] = {
    # Linux: X11 (and XWayland on Wayland desktops). The native Wayland plugin and its libraries (about 2 MB)
    # stay out to keep the folder under 150 MB; QT_QPA_PLATFORM=wayland is then not available.
    "platforms": ("qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa"),
    "platformthemes": ("qxdgdesktopportal",),  # not qgtk3: it would bring GTK, cairo, pango ...
    "platforminputcontexts": ("composeplatforminputcontextplugin",),  # dead keys; not the IBus bridge
    "imageformats": ("qgif", "qjpeg", "qico"),
    "styles": None,  # qmodernwindowsstyle on Windows, none elsewhere
}
# Qt libraries needed only by dropped plugins or unused modules (matched inside a file or folder name).
LIBRARIES_DROPPED = ("Quick", "Qml", "WebEngine", "3D", "Multimedia", "Designer", "Charts", "LabsStyleKit",
                     "Lottie", "VirtualKeyboard", "ShaderTools", "Help", "UiTools", "Test", "Sql", "Svg",
                     "OpenGL", "Wayland", "PdfQuick", "EglFS", "EglFs", "WlShellIntegration")
# Windows: OpenGL helpers (ANGLE, Direct3D compiler, the 20 MB software OpenGL) the raster widgets never use.
WINDOWS_DROPPED = ("opengl32sw.dll", "libEGL.dll", "libGLESv2.dll", "d3dcompiler_")
# Qt's own translations: the languages of the interface, base catalogue only.
TRANSLATIONS_KEPT = re.compile(r"qtbase_(en|fr|nl)\.qm$")


# Linux system libraries taken from the target system (matched on the file name up to ".so").
LINUX_SYSTEM_LIBRARIES = (
    "libstdc++", "libgcc_s", "libX11", "libX11-xcb", "libXau", "libXdmcp", "libXext", "libXrender", "libxcb",
    "libxkbcommon", "libxkbcommon-x11", "libglib-2.0", "libgthread-2.0", "libgobject-2.0", "libgio-2.0",
    "libgmodule-2.0",
    "libpcre2-8", "libdbus-1", "libsystemd", "libgcrypt", "libgpg-error", "liblz4", "libcap", "libzstd",
    "libfontconfig", "libfreetype", "libpng16", "libbrotlicommon", "libbrotlidec", "libkrb5", "libgssapi_krb5",
    "libk5crypto", "libkrb5support", "libcom_err", "libkeyutils", "libbsd", "libmd", "libuuid",
    # CUPS and what it links to, which Qt's print support brings in on Linux: the system's printing stack.
    "libcups", "libavahi-client", "libavahi-common", "libgnutls", "libgmp", "libhogweed", "libnettle", "libidn2",
    "libp11-kit", "libtasn1", "libunistring",
)


def linux_system_library(dest: str) -> bool:
    """A top-level library of the desktop that the target system provides (see the module docstring)."""
    parts = Path(dest).parts
    if len(parts) != 1 or ".so" not in parts[0]:
        return False
    stem = parts[0].split(".so")[0]
    if re.search(r"-[0-9a-f]{8}$", stem):
        return False  # a wheel's own renamed copy (auditwheel), e.g. Pillow's libxcb-<hash>
    return stem in LINUX_SYSTEM_LIBRARIES or stem.startswith("libxcb-")


def dropped_library(name: str) -> bool:
    if not name.startswith(("libQt6", "Qt6", "Qt")):
        return False
    return any(f"Qt6{part}" in name or name.startswith(f"Qt{part}") for part in LIBRARIES_DROPPED)


def _qt_parts(dest: str) -> tuple[str, ...] | None:
    parts = Path(dest).parts
    return parts[parts.index("PySide6") + 1:] if "PySide6" in parts else None


def _plugin_kept(parts: tuple[str, ...]) -> bool:
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return True
    kind, file_name = parts[index + 1], parts[-1]
    if kind not in PLUGINS_KEPT:
        return False
    stems = PLUGINS_KEPT[kind]
    if stems is None:
        return True
    stem = file_name.split(".")[0]
    return (stem[3:] if stem.startswith("lib") else stem) in stems


def keep(dest: str) -> bool:
    """Whether a file collected at `dest` (path inside the bundle) stays in the bundle."""
    if any(dropped_library(part) for part in Path(dest).parts):
        return False  # also PyInstaller's top-level symbolic links to Qt libraries
    if Path(dest).name.startswith(WINDOWS_DROPPED):
        return False
    parts = _qt_parts(dest)
    if parts is None:
        return True
    if "plugins" in parts:
        return _plugin_kept(parts)
    if "translations" in parts:
        return bool(TRANSLATIONS_KEPT.search(parts[-1]))
    return "qml" not in parts


def metadata_kept(dest: str) -> bool:
    """Distribution metadata: what importlib.metadata and the licence notices need, not install records/SBOMs."""
    parts = Path(dest).parts
    inside = [i for i, part in enumerate(parts) if part.endswith((".dist-info", ".egg-info"))]
    if not inside:
        return True
    rest = parts[inside[0] + 1:]
    return not (rest and (rest[0] in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json") or rest[0] == "sboms"))


def filtered_qt_dependencies(hook_file: str) -> tuple[list, list, list]:
    """PyInstaller's own collection for the Qt module named by `hook_file`, without the dropped parts."""
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    hiddenimports = [name for name in hiddenimports if name.split(".")[-1] not in QT_UNUSED]
    # (source, destination folder) pairs: judge by the destination plus the file name
    binaries = [(src, dest) for src, dest in binaries if keep(str(Path(dest) / Path(src).name))]
    datas = [(src, dest) for src, dest in datas if keep(str(Path(dest) / Path(src).name))]
    return hiddenimports, binaries, datas
