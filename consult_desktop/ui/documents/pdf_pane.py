"""`PdfPane`: a PDF shown from memory (QPdfDocument over a QBuffer, QPdfView), with find and text capture.

The PDF bytes come from the encrypted store and never touch the disk: they are wrapped in a QBuffer that
lives exactly as long as the document is open. Finding uses QPdfSearchModel (results arrive in batches, so
the match count may grow after the first answer). After loading, the text layer can be read page by page
in short steps on the event loop (`later`, under the operation runner's rule: a step of a document no longer
shown is dropped) so that later full-text searches also find words inside PDFs. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from consult_desktop.ui.shell.task_runner import drop, later

# Enough for any letter or report; a scanned 500-page file is not indexed beyond this.
MAX_TEXT_PAGES = 300
MAX_TEXT_CHARS = 1_000_000


class PdfPane(QWidget):
    text_extracted = Signal(str)  # the whole text layer, once, after load(..., extract_text=True)
    first_page_rendered = Signal()  # once per load, when the view has an image of a page to paint
    search_changed = Signal()  # the match count or the current match changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._view = QPdfView(self)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._view.setDocument(self._document)
        self._search = QPdfSearchModel(self)
        self._search.setDocument(self._document)
        self._view.setSearchModel(self._search)
        self._search.countChanged.connect(self._search_count_changed)
        self._current = -1
        self._pending_first_match = False
        self._waiting_render = False
        renderer = self._view.findChild(QPdfPageRenderer)
        if renderer is not None:  # private child of QPdfView; only used to report "first page shown"
            renderer.pageRendered.connect(self._page_rendered)
        self._extract_parts: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)

    # -- loading ------------------------------------------------------------------------------------------
    def load(self, data: bytes, *, extract_text: bool = False) -> QPdfDocument.Error:
        """Open `data` from memory. Returns QPdfDocument.Error.None_ when the document is ready."""
        self.clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self._waiting_render = True
        self._document.load(buffer)
        if self._document.status() != QPdfDocument.Status.Ready:
            error = self._document.error()
            self.clear()
            return error if error != QPdfDocument.Error.None_ else QPdfDocument.Error.Unknown
        self._view.pageNavigator().jump(0, QPointF(), 0)
        if extract_text:
            self._start_extraction()
        return QPdfDocument.Error.None_

    def clear(self) -> None:
        """Close the document and drop its bytes (on lock, or before the next document)."""
        drop(self, "extract")
        self._extract_parts = []
        self._waiting_render = False
        self._view.setCurrentSearchResultIndex(-1)
        self._search.setSearchString("")
        self._current = -1
        self._document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None

    def document(self) -> QPdfDocument:
        return self._document

    def view(self) -> QPdfView:
        return self._view

    # -- zoom ---------------------------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        if self._view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._effective_zoom()
            self._view.setZoomMode(QPdfView.ZoomMode.Custom)
            self._view.setZoomFactor(current)
        self._view.setZoomFactor(max(0.25, min(6.0, self._view.zoomFactor() * factor)))

    def fit_width(self) -> None:
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _effective_zoom(self) -> float:
        if self._document.pageCount() == 0:
            return 1.0
        page_width = self._document.pagePointSize(0).width()
        if page_width <= 0:
            return 1.0
        # Points to device-independent pixels (QPdfView renders 72 pt at the screen's logical DPI).
        dpi = self.logicalDpiX() or 96
        return max(0.25, (self._view.viewport().width() - 12) / (page_width * dpi / 72.0))

    # -- find ---------------------------------------------------------------------------------------------
    def find(self, text: str, step: int) -> None:
        """Search `text`; step +1 / -1 moves to the next / previous match, 0 restarts at the first."""
        if text != self._search.searchString():
            self._current = -1
            self._pending_first_match = True
            # The view must not keep pointing at a match of the previous search while the model refills.
            self._view.setCurrentSearchResultIndex(-1)
            self._search.setSearchString(text)
            self.search_changed.emit()
            return
        count = self._search.count()
        if count == 0:
            self.search_changed.emit()
            return
        if step == 0:
            self._current = max(self._current, 0)
        else:
            self._current = (self._current + step) % count
        self._go_to_current()

    def search_state(self) -> tuple[int | None, int]:
        """(current match, 1-based or None; number of matches so far)."""
        count = self._search.count()
        return (self._current + 1 if 0 <= self._current < count else None), count

    def _search_count_changed(self) -> None:
        if self._pending_first_match and self._search.count() > 0:
            self._pending_first_match = False
            self._current = 0
            # Not from inside the model's own signal: the view may still be painting the previous rows.
            QTimer.singleShot(0, self, self._go_to_current)
            return
        self.search_changed.emit()

    def _go_to_current(self) -> None:
        if not 0 <= self._current < self._search.count():
            return
        link = self._search.resultAtIndex(self._current)
        self._view.setCurrentSearchResultIndex(self._current)
        if link.isValid():
            self._view.pageNavigator().jump(link)
        self.search_changed.emit()

    # -- text layer ---------------------------------------------------------------------------------------
    def _start_extraction(self) -> None:
        self._extract_parts = []
        pages = min(self._document.pageCount(), MAX_TEXT_PAGES)
        later(self, "extract", lambda: self._extract_page(0, pages, 0))

    def _extract_page(self, page: int, pages: int, chars: int) -> None:
        if page >= pages or chars >= MAX_TEXT_CHARS:
            text = "\n".join(p for p in self._extract_parts if p.strip())
            self._extract_parts = []
            if text.strip():
                self.text_extracted.emit(text[:MAX_TEXT_CHARS])
            return
        part = self._document.getAllText(page).text()
        self._extract_parts.append(part)
        later(self, "extract", lambda: self._extract_page(page + 1, pages, chars + len(part)))

    def _page_rendered(self, *args: object) -> None:
        if self._waiting_render and self._document.status() == QPdfDocument.Status.Ready:
            self._waiting_render = False
            self.first_page_rendered.emit()
