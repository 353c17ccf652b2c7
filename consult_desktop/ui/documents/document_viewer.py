"""`DocumentViewer`: shows one opened document (PDF, plain text, sanitised HTML or image) with find.

PDFs render from memory (see `PdfPane`); text and HTML go into a QTextBrowser that loads no external
resource at all (only ``data:`` images embedded in the letter); images decode with QImage.fromData.
Ctrl+F (the window's Find, when the focus is here) opens the find bar; Enter/Shift+Enter (or F3/Shift+F3)
step through matches.
When content is missing or could not be fetched, the viewer says so in words. GUI thread only.
"""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QImage, QPixmap, QTextCursor, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.domain import date_text
from consult_desktop.record.document_content import ContentKind, DocumentContent
from consult_desktop.sync.attachments import PERMANENT, TRANSIENT
from consult_desktop.ui.documents.find_bar import FindBar
from consult_desktop.ui.documents.pdf_pane import PdfPane


class OfflineTextBrowser(QTextBrowser):
    """A QTextBrowser that never fetches anything: no files, no network; only embedded data: images."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt override)
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if kind == QTextDocument.ResourceType.ImageResource.value and text.startswith("data:image/"):
            header, _, payload = text.partition(",")
            if header.endswith(";base64"):
                try:
                    image = QImage.fromData(QByteArray(base64.b64decode(payload)))
                except ValueError:
                    return None
                return image if not image.isNull() else None
        return None


class DocumentViewer(QWidget):
    pdf_text_extracted = Signal(str, str, str, str)  # server_id, resource_type, resource_id, text
    first_page_rendered = Signal()

    _EMPTY, _PDF, _TEXT, _IMAGE = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content: DocumentContent | None = None
        self._mode = "empty"

        self._title = QLabel(self)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        self._title.setFont(font)
        self._zoom_out = self._tool_button(self.tr("−"), self.tr("Zoom out"))
        self._zoom_in = self._tool_button(self.tr("+"), self.tr("Zoom in"))
        self._fit = self._tool_button(self.tr("Fit width"), self.tr("Fit the page to the width of the viewer"))
        self._find_button = self._tool_button(self.tr("Find…"), self.tr("Find in document (Ctrl+F)"))
        top = self._top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        top.addWidget(self._title, 1)
        for button in (self._zoom_out, self._zoom_in, self._fit, self._find_button):
            top.addWidget(button)

        self._find_bar = FindBar(self)
        self._find_bar.hide()

        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setMargin(24)
        self._pdf = PdfPane(self)
        self._browser = OfflineTextBrowser(self)
        self._image_label = QLabel(self)
        self._image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image_scroll = QScrollArea(self)
        self._image_scroll.setWidget(self._image_label)
        self._image_scroll.setWidgetResizable(True)
        self._stack = QStackedWidget(self)
        for page in (self._message, self._pdf, self._browser, self._image_scroll):
            self._stack.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self._find_bar)
        layout.addWidget(self._stack, 1)

        self._zoom_in.clicked.connect(lambda: self._pdf.zoom_by(1.25))
        self._zoom_out.clicked.connect(lambda: self._pdf.zoom_by(0.8))
        self._fit.clicked.connect(self._pdf.fit_width)
        self._find_button.clicked.connect(lambda: self.open_find())
        self._find_bar.find_requested.connect(self.find)
        self._find_bar.closed.connect(self._find_closed)
        self._pdf.search_changed.connect(self._pdf_search_changed)
        self._pdf.text_extracted.connect(self._pdf_text_ready)
        self._pdf.first_page_rendered.connect(self.first_page_rendered)
        # Ctrl+F is the window's one Find action, which calls open_find() when the focus is in this viewer.
        self.clear()

    def add_header_actions(self, actions: list[QAction]) -> list[QToolButton]:
        """Buttons for the tab's document actions (print, save as) at the end of the header."""
        buttons = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().rstrip("…"))
            self._top.addWidget(button)
            buttons.append(button)
        return buttons

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    # -- showing ------------------------------------------------------------------------------------------
    def clear(self) -> None:
        """Drop the document (bytes, text, image) and show the empty state."""
        self._content = None
        self._pdf.clear()
        self._browser.clear()
        self._image_label.clear()
        self._find_bar.reset()
        self._find_bar.hide()
        self._title.clear()
        self._show_message(self.tr("Select a document to read it."), "empty")

    def show_loading(self, title: str) -> None:
        self._pdf.clear()
        self._browser.clear()
        self._image_label.clear()
        self._title.setText(title)
        self._show_message(self.tr("Opening the document…"), "loading")

    def show_error(self, text: str) -> None:
        self._pdf.clear()
        self._show_message(text, "message")

    def show_content(self, content: DocumentContent) -> None:
        self._pdf.clear()
        self._browser.clear()
        self._image_label.clear()
        self._content = content
        title = content.title or self.tr("Document")
        if content.date:
            title = f"{title} — {date_text.display(content.date)}"
        self._title.setText(title)
        kind = content.kind
        if kind is ContentKind.PDF and content.data is not None:
            error = self._pdf.load(content.data, extract_text=content.index_pdf_text)
            if error == QPdfDocument.Error.None_:
                self._set_mode(self._PDF, "pdf")
            elif error in (QPdfDocument.Error.IncorrectPassword, QPdfDocument.Error.UnsupportedSecurityScheme):
                self._show_message(self.tr("This PDF is password-protected and cannot be shown."), "message")
            else:
                self._show_message(self.tr("This PDF could not be opened: the file appears to be damaged."),
                                   "message")
        elif kind is ContentKind.HTML:
            self._browser.setHtml(content.text or "")
            self._set_mode(self._TEXT, "html")
        elif kind is ContentKind.TEXT:
            self._browser.setPlainText(content.text or "")
            self._set_mode(self._TEXT, "text")
        elif kind is ContentKind.IMAGE and content.data is not None:
            image = QImage.fromData(QByteArray(content.data))
            if image.isNull():
                self._show_message(self.tr("This image could not be decoded."), "message")
            else:
                self._image_label.setPixmap(QPixmap.fromImage(image))
                self._set_mode(self._IMAGE, "image")
        else:
            self._show_message(self._explain(content), "message")
        if self._find_bar.isVisible() and self._find_bar.text():
            self.find(self._find_bar.text(), 0)

    def _explain(self, content: DocumentContent) -> str:
        kind = content.kind
        if kind is ContentKind.FETCH_FAILED:
            text = self.tr("The content of this document could not be fetched from the hospital.")
            reason = content.error or ""
            permanent = reason.startswith(PERMANENT)
            reason = reason.removeprefix(PERMANENT).removeprefix(TRANSIENT).strip()
            if reason:
                text += "\n\n" + self.tr("Reason: %1").replace("%1", reason)
            if permanent:
                return text + "\n\n" + self.tr("Ask the hospital for this document by another route.")
            return text + "\n\n" + self.tr("It will be fetched again at the next synchronisation.")
        if kind is ContentKind.NOT_DOWNLOADED:
            return self.tr("The content of this document has not been downloaded from the hospital yet.")
        if kind is ContentKind.UNSUPPORTED:
            return self.tr("This document's format (%1) cannot be shown here.").replace(
                "%1", content.content_type or self.tr("unknown"))
        if kind is ContentKind.MISSING:
            return self.tr("This document is no longer stored on this computer.")
        return self.tr("This document has no content to show.")

    def _show_message(self, text: str, mode: str) -> None:
        self._message.setText(text)
        self._set_mode(self._EMPTY, mode)

    def _set_mode(self, page: int, mode: str) -> None:
        self._mode = mode
        self._stack.setCurrentIndex(page)
        is_pdf = mode == "pdf"
        for button in (self._zoom_in, self._zoom_out, self._fit):
            button.setVisible(is_pdf)
        self._find_button.setEnabled(mode in ("pdf", "text", "html"))

    # -- find ---------------------------------------------------------------------------------------------
    def open_find(self, text: str | None = None) -> None:
        if self._mode not in ("pdf", "text", "html"):
            return
        self._find_bar.open_bar(text)
        if text:
            self.find(text, 0)

    def find(self, text: str, step: int = 1) -> None:
        """Find `text` in the shown document: step +1 next, -1 previous, 0 first match from here."""
        if self._mode == "pdf":
            self._pdf.find(text, step)
        elif self._mode in ("text", "html"):
            found = self._find_in_text(text, step)
            self._find_bar.set_status(*self._text_match_position(text) if found else (None, 0))

    def find_next(self) -> None:
        self._find_bar.request_next()

    def find_previous(self) -> None:
        self._find_bar.request_previous()

    def _find_in_text(self, text: str, step: int) -> bool:
        cursor = self._browser.textCursor()
        if step == 0:  # text changed: search again from where the current match starts
            cursor.setPosition(cursor.selectionStart())
            self._browser.setTextCursor(cursor)
        flags = QTextDocument.FindFlag.FindBackward if step < 0 else QTextDocument.FindFlag(0)
        if self._browser.find(text, flags):
            return True
        wrapped = self._browser.textCursor()  # wrap around to the other end
        wrapped.movePosition(QTextCursor.MoveOperation.End if step < 0 else QTextCursor.MoveOperation.Start)
        self._browser.setTextCursor(wrapped)
        return self._browser.find(text, flags)

    def _text_match_position(self, text: str) -> tuple[int | None, int]:
        document = self._browser.document()
        selection_start = self._browser.textCursor().selectionStart()
        total, current = 0, None
        cursor = document.find(text, 0)
        while not cursor.isNull() and total < 10_000:
            total += 1
            if cursor.selectionStart() == selection_start:
                current = total
            cursor = document.find(text, cursor)
        return current, total

    def _pdf_search_changed(self) -> None:
        current, total = self._pdf.search_state()
        self._find_bar.set_status(current, total)

    def _find_closed(self) -> None:
        if self._mode == "pdf":
            self._pdf.find("", 0)
        self.setFocus()

    def _pdf_text_ready(self, text: str) -> None:
        if self._content is not None:
            self.pdf_text_extracted.emit(self._content.server_id, self._content.resource_type,
                                         self._content.resource_id, text)

    # -- state, for the patient view and tests ----------------------------------------------------------
    def mode(self) -> str:
        """"empty", "loading", "pdf", "text", "html", "image" or "message"."""
        return self._mode

    def content(self) -> DocumentContent | None:
        return self._content

    def pdf_document(self) -> QPdfDocument:
        return self._pdf.document()

    def pdf_pane(self) -> PdfPane:
        return self._pdf

    def text_browser(self) -> QTextBrowser:
        return self._browser

    def message_text(self) -> str:
        return self._message.text()

    def find_status(self) -> str:
        return self._find_bar.status_text()

    def image_size(self) -> tuple[int, int]:
        pixmap = self._image_label.pixmap()
        return (pixmap.width(), pixmap.height()) if pixmap is not None and not pixmap.isNull() else (0, 0)
