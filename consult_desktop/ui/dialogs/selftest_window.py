"""The self-test's window checks: the main window drawn off screen, and a PDF shown by the document viewer.

`WindowChecks` creates (or reuses) the QApplication and one TaskRunner, and on exit closes the store on its
thread and stops the runner. Nothing is shown on screen: `QWidget.grab()` renders a hidden widget, and the
PDF page is rendered by the same QPdfDocument the viewer uses, loaded from memory through a QBuffer.
Used by `consult_desktop.selftest`; GUI thread only.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from consult_desktop.check_failed import CheckFailed
from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.shell.qt_compat import protect_singletons
from consult_desktop.ui.shell.task_runner import TaskRunner

TIMEOUT_S = 60.0
PDF_RENDER_WIDTH = 800  # a multiple of 4: grayscale scan lines then have no padding bytes


def _no_sync(*_args: object, **_kwargs: object) -> SyncReport:
    return SyncReport(SyncStatus.FAILED, "no synchronisation during the self-test")


def distinct_colours(image: QImage, samples: int = 48) -> int:
    """How many different colours a grid of samples sees: 1 means a blank image."""
    seen: set[int] = set()
    for i in range(samples):
        for j in range(samples):
            seen.add(image.pixel(i * (image.width() - 1) // (samples - 1), j * (image.height() - 1) // (samples - 1)))
    return len(seen)


def on_white(image: QImage) -> QImage:
    """The page as a reader sees it: PDFium leaves the paper transparent."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


class WindowChecks:
    def __init__(self) -> None:
        self.app: Any = None
        self.runner: TaskRunner | None = None
        self.errors: list[BaseException] = []
        self._window: Any = None

    def __enter__(self) -> WindowChecks:
        protect_singletons()
        self.app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "consult-desktop"])
        self.runner = TaskRunner()
        self.runner.error_unhandled.connect(self.errors.append)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._window is not None:
            self._window.close()
            self._window.deleteLater()
            self._window = None
        if self.runner is not None:
            self.runner.shutdown(wait=True)
            self.runner = None
        if self.app is not None:
            self.app.processEvents()

    # -- helpers -------------------------------------------------------------------------------------------
    def wait(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not done():
            if time.monotonic() > deadline:
                raise CheckFailed(f"timed out after {TIMEOUT_S:.0f} s waiting for {what}")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)

    def _call(self, start: Callable[[Callable[[Any], None], Callable[[BaseException], None]], Any], what: str
              ) -> Any:
        out: list[Any] = []
        start(out.append, out.append)
        self.wait(lambda: bool(out), what)
        if isinstance(out[0], BaseException):
            raise out[0]
        return out[0]

    # -- checks --------------------------------------------------------------------------------------------
    def main_window(self, profile: Profile, passphrase: str) -> str:
        from consult_desktop.ui.shell.main_window import MainWindow
        from consult_desktop.ui.sync.sync_controller import SyncController
        from consult_desktop.ui_settings import UiSettings

        runner = self.runner
        assert runner is not None
        self._call(lambda ok, err: runner.open_store(lambda: profile.unlock(passphrase), ok, err),
                   "the profile to unlock on the database thread")
        sync = SyncController(runner, profile, sync_fn=_no_sync)
        window = MainWindow(runner, profile, sync, UiSettings())
        self._window = window
        window.start()
        self.wait(lambda: window.list_panel.model.rowCount() == 1 or bool(self.errors), "the patient list")
        if self.errors:
            raise CheckFailed(f"background task failed: {type(self.errors[0]).__name__}: {self.errors[0]}")
        image = window.grab().toImage()
        if image.isNull() or image.width() < 100 or image.height() < 100:
            raise CheckFailed(f"the window rendered to an empty image ({image.width()}x{image.height()})")
        colours = distinct_colours(image)
        if colours < 3:
            raise CheckFailed(f"the rendered window is blank ({colours} colour(s))")
        platform = QApplication.platformName()
        window.close()
        self._call(lambda ok, err: runner.close_store(ok, err), "the store to close")
        return (f"rendered {image.width()}x{image.height()} on the {platform} platform, {colours} colours, "
                "1 patient listed")

    def pdf_viewer(self, pdf: bytes, marker: str) -> str:
        from consult_desktop.ui.documents.pdf_pane import PdfPane

        pane = PdfPane()
        try:
            error = pane.load(pdf)
            document = pane.document()
            if error != QPdfDocument.Error.None_ or document.status() != QPdfDocument.Status.Ready:
                raise CheckFailed(f"the viewer could not open the PDF ({error.name}, {document.status().name})")
            if document.pageCount() != 1:
                raise CheckFailed(f"expected 1 page, the viewer sees {document.pageCount()}")
            points = document.pagePointSize(0)
            size = QSize(PDF_RENDER_WIDTH, round(PDF_RENDER_WIDTH * points.height() / points.width()))
            page = document.render(0, size)
            if page.isNull():
                raise CheckFailed("rendering the page gave no image")
            gray = on_white(page).convertToFormat(QImage.Format.Format_Grayscale8)
            pixels = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
            if min(pixels) > 96 or max(pixels) < 224:
                raise CheckFailed("the rendered page has no dark text on a light page")
            if marker not in document.getAllText(0).text():
                raise CheckFailed("the page's text layer does not hold the expected line")
            return f"{len(pdf)} bytes out of the store, 1 page rendered {size.width()}x{size.height()}, text layer read"
        finally:
            pane.clear()
            pane.deleteLater()
