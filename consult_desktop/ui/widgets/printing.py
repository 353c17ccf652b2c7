"""Printing with a preview, and where exported files go by default.

`open_print_preview(parent, title, paint)` shows Qt's print preview dialog over a high-resolution printer;
`paint(printer)` lays the pages out (the preview calls it again when the GP changes the paper or the printer).
The dialog is accepted only after it printed, so the caller logs the print on `accepted`. The painters here
lay out a QTextDocument (HTML or plain text), the pages of a QPdfDocument rendered from memory, or an image;
nothing is written to a temporary file. `documents_path(name)` is the file name in the user's Documents folder
(the home folder when the system has none). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QDir, QRectF, QSize, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

PDF_RENDER_DPI = 200  # sharp on paper, light enough for a 30-page report in memory one page at a time


def open_print_preview(parent: QWidget, title: str, paint: Callable[[QPrinter], None]) -> QPrintPreviewDialog:
    """Show the preview (window-modal, high resolution); `accepted` is emitted once the pages went to the
    printer."""
    dialog = QPrintPreviewDialog(parent)  # owns its printer (a printer given from here would not outlive us)
    printer = dialog.printer()
    printer.setDocName(title)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(paint)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.resize(900, 700)
    dialog.open()
    return dialog


def print_text_document(printer: QPrinter, html: str | None = None, text: str | None = None) -> None:
    """An HTML or plain text document on paper (black on white, page numbers by Qt)."""
    document = QTextDocument()
    document.setDefaultStyleSheet("body, p, td, th, h1, h2, h3, li, pre { color: #000000; }")
    if html is not None:
        document.setHtml(html)
    else:
        document.setPlainText(text or "")
    document.print_(printer)


def print_pdf(printer: QPrinter, pdf: QPdfDocument) -> None:
    """Every page of a PDF shown from memory, each fitted to the printable area."""

    def pages() -> Iterator[QImage]:
        for page in range(pdf.pageCount()):
            points = pdf.pagePointSize(page)
            yield pdf.render(page, QSize(max(1, round(points.width() * PDF_RENDER_DPI / 72)),
                                         max(1, round(points.height() * PDF_RENDER_DPI / 72))))

    _print_images(printer, pages())


def print_image(printer: QPrinter, image: QImage) -> None:
    _print_images(printer, [image])


def _print_images(printer: QPrinter, images: Iterable[QImage]) -> None:
    """One image per sheet, each fitted to the printable area (rendered one at a time)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        area.moveTo(0, 0)
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            _draw_fitted(painter, area, image)
    finally:
        painter.end()


def _draw_fitted(painter: QPainter, area: QRectF, image: QImage) -> None:
    if image.isNull():
        return
    scaled = QSizeF(image.size()).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(area.left() + (area.width() - scaled.width()) / 2, area.top(), scaled.width(), scaled.height())
    painter.drawImage(target, image)


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path(QDir.homePath())


def ask_save_path(parent: QWidget, title: str, name: str, file_filter: str) -> Path | None:
    """The file the GP chooses, starting in Documents with `name`; the suggested extension is kept when the GP
    types a name without one. None when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(documents_folder() / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    suffix = Path(name).suffix
    return path if path.suffix or not suffix else path.with_name(path.name + suffix)
