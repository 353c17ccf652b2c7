"""`DocumentsTab`: the patient's documents (newest first), full-text search over them, and the viewer.

The list comes from the patient snapshot; a document's bytes are read from the store only when it is
opened (database lane, which also writes the "open-document" audit record). Searching asks the store's
full-text index for this patient and lists the hits with their snippet; choosing a hit opens the document
and looks for the words in it. When a PDF's text layer is read after opening, it is added to the index so
later searches also find words inside PDFs. The open document prints (Ctrl+P, `print_current`) and saves as
the hospital's file (`save_current_as`) through `DocumentActions`; "New only" keeps the documents stored since
the GP last opened the patient. A document is known by (server, resource type, id) everywhere here: two
hospitals of the same person may give their documents the same id. The columns share the list's width (the
title takes what is left and elides), so no horizontal scrollbar appears and the date stays in view. GUI
thread only; all store work goes through the TaskRunner, whose slots ("open", "search") keep only the answer to
the latest request and drop all of them on a patient change.
"""

from __future__ import annotations

import html
import logging
import re

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.domain import date_text
from consult_desktop.record import actions, queries
from consult_desktop.record.document_content import ContentKind, DocumentContent
from consult_desktop.record.patient_snapshot import DocumentRow
from consult_desktop.store import Store
from consult_desktop.ui.documents.document_actions import DocumentActions
from consult_desktop.ui.documents.document_list_model import KEY_ROLE, DocumentListModel, DocumentSortProxy
from consult_desktop.ui.documents.document_viewer import DocumentViewer
from consult_desktop.ui.shell.task_runner import TaskRunner, drop

log = logging.getLogger(__name__)
KEY_DATA = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 250
SELECT_DELAY_MS = 120


class DocumentsTab(QWidget):
    document_opened = Signal(str, str)  # resource_type, resource_id — once its content is shown
    search_finished = Signal(int)  # number of hits shown

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient: tuple[str, str] | None = None
        self._last_query = ""
        self._indexed: set[tuple[str, str, str]] = set()

        self._model = DocumentListModel(self)
        self._proxy = DocumentSortProxy(self)
        self._proxy.setSourceModel(self._model)
        self._table = self._build_table()

        self._search = QLineEdit(self)
        self._search.setPlaceholderText(self.tr("Search in this patient's documents"))
        self._search.setClearButtonEnabled(True)
        self._search.setAccessibleName(self.tr("Search in documents"))
        self._new_only = QCheckBox(self.tr("New only"), self)
        self._new_only.setToolTip(self.tr("Only the documents that arrived since you last opened this patient"))
        self._new_only.setAccessibleName(self.tr("Show only new documents"))
        self._hits = QListWidget(self)
        self._hits.setAccessibleName(self.tr("Search results"))
        self._hits.setWordWrap(True)
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._filter_label = QLabel(self)
        self._filter_clear = QPushButton(self.tr("Show all documents"), self)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.addWidget(self._filter_label, 1)
        filter_row.addWidget(self._filter_clear)
        self._filter_box = QWidget(self)
        self._filter_box.setLayout(filter_row)
        self._filter_box.hide()

        self._lists = QStackedWidget(self)
        self._lists.addWidget(self._table)
        self._lists.addWidget(self._hits)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self._search, 1)
        search_row.addWidget(self._new_only)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self._filter_box)
        left_layout.addWidget(self._lists, 1)
        left_layout.addWidget(self._status)

        self._viewer = DocumentViewer(self)
        self.actions = DocumentActions(self, runner, self._viewer, lambda: self._patient)
        self.actions.message.connect(self._status.setText)
        self._viewer.add_header_actions([self.actions.print_action, self.actions.save_action])
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._viewer)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self._select_timer = QTimer(self, singleShot=True, interval=SELECT_DELAY_MS)
        self._select_timer.timeout.connect(self._open_selected)
        self._search.textChanged.connect(self._query_changed)
        self._search.returnPressed.connect(self._run_search)
        self._table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._table.activated.connect(lambda _index: self._open_selected())
        self._hits.currentItemChanged.connect(lambda item, _previous: self._hit_chosen(item))
        self._filter_clear.clicked.connect(lambda: self.set_encounter_filter(None))
        self._viewer.pdf_text_extracted.connect(self._index_pdf_text)
        self._new_only.toggled.connect(self._new_only_toggled)
        self._table.customContextMenuRequested.connect(
            lambda position: self.actions.context_menu(self._table, position, self._open_selected))
        self.clear()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self._proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(DocumentListModel.DATE, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)
        table.setAccessibleName(self.tr("Documents"))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        return table

    # -- patient --------------------------------------------------------------------------------------------
    def set_rows(self, server_id: str, patient_id: str, rows: tuple[DocumentRow, ...] | list[DocumentRow]) -> None:
        """Show a patient's documents. For the patient already shown (a refresh after a sync), the open
        document, the stay filter and the search stay as they were when they still apply."""
        same_patient = self._patient == (server_id, patient_id)
        if not same_patient:
            self.clear()
            self._patient = (server_id, patient_id)
        self._model.set_rows(list(rows))
        if not same_patient:
            self._table.horizontalScrollBar().setValue(0)  # the date column in view for every patient
            self._fit_columns()
        current = self._viewer.content()
        if current is not None and self._model.row_of_key(current.key) is None:
            self._viewer.clear()  # the open document was withdrawn (entered in error, superseded)
        elif current is not None:
            self._select_key(current.key)
        if self._proxy.encounter_filter() is not None and not any(
                r.encounter_id == self._proxy.encounter_filter() for r in rows):
            self.set_encounter_filter(None)
        if same_patient and self._search.text().strip():
            self._run_search()
        self._show_count()

    def clear(self) -> None:
        """Forget the patient: list, search, viewer (bytes included)."""
        drop(self)  # late answers are for the patient being left
        self._patient = None
        self._search_timer.stop()
        self._select_timer.stop()
        self._model.set_rows([])
        self._proxy.set_encounter_filter(None)
        self._new_only.blockSignals(True)
        self._new_only.setChecked(False)
        self._new_only.blockSignals(False)
        self._proxy.set_new_only(False)
        self._filter_box.hide()
        self._search.blockSignals(True)
        self._search.setText("")  # setText, not clear(): it also empties the undo history
        self._search.blockSignals(False)
        self._last_query = ""
        self._hits.clear()
        self._lists.setCurrentWidget(self._table)
        self._status.clear()
        self._viewer.clear()
        self.actions.content_changed(None)

    def set_encounter_filter(self, encounter_id: str | None, label: str = "") -> None:
        self._proxy.set_encounter_filter(encounter_id)
        if encounter_id is None:
            self._filter_box.hide()
        else:
            self._filter_label.setText(self.tr("Documents of the stay %1").replace("%1", label))
            self._filter_box.show()
            self._search.clear()
        self._show_count()

    def _new_only_toggled(self, checked: bool) -> None:
        self._proxy.set_new_only(checked)
        self._show_count()

    # -- print, save, fit -----------------------------------------------------------------------------------
    def print_current(self) -> object:
        """Ctrl+P: print the open document through a preview (None when no document is open)."""
        return self.actions.print_current()

    def save_current_as(self) -> None:
        """Save the open document as the file the hospital sent, after a warning."""
        self.actions.save_current_as()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        table = getattr(self, "_table", None)  # the filter is installed while the table is being built
        if table is not None and watched is table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Date as wide as a date; type, author and stay a share each; the title the rest (elided)."""
        width = self._table.viewport().width()
        date = self._table.fontMetrics().horizontalAdvance("00/00/0000") + 16
        rest = max(width - date, 0)
        shares = {DocumentListModel.TYPE: 0.22, DocumentListModel.AUTHOR: 0.16, DocumentListModel.ENCOUNTER: 0.17}
        self._table.setColumnWidth(DocumentListModel.DATE, date)
        used = date
        for column, share in shares.items():
            self._table.setColumnWidth(column, int(rest * share))
            used += int(rest * share)
        self._table.setColumnWidth(DocumentListModel.TITLE, max(width - used, 40))

    # -- opening --------------------------------------------------------------------------------------------
    def open_document(self, resource_type: str, resource_id: str, find_text: str | None = None,
                      server_id: str | None = None) -> None:
        """Open a document of the list: the one of `server_id` (the hospital that holds it), or the first listed
        with this type and id when None."""
        if self._patient is None:
            return
        row_server, patient_id = self._patient
        row = self._model.row_of(resource_type, resource_id, server_id)
        held_by = server_id or (self._model.row_at(row).server_id if row is not None else None) or None
        self._viewer.show_loading(self._model.row_at(row).title if row is not None else "")
        self.actions.content_changed(None)

        def load(store: Store) -> DocumentContent:
            return actions.open_document(store, row_server, patient_id, resource_type, resource_id, held_by)

        def shown(content: DocumentContent) -> None:
            self._viewer.show_content(content)
            self.actions.content_changed(content)
            if find_text:
                self._viewer.open_find(find_text)
            self.document_opened.emit(resource_type, resource_id)

        def failed(exc: BaseException) -> None:
            log.warning("opening %s/%s failed: %s", resource_type, resource_id, type(exc).__name__)
            self._viewer.show_error(self.tr("The document could not be opened from the local database."))

        self._runner.query(self, load, shown, failed, slot="open")

    def open_first_pdf(self) -> bool:
        """Open the newest document shown as a PDF; False when the patient has none."""
        for proxy_row in range(self._proxy.rowCount()):
            key = tuple(self._proxy.index(proxy_row, 0).data(KEY_ROLE))
            row = self._model.row_of_key(key)
            if row is not None and self._model.row_at(row).format_kind == ContentKind.PDF.value:
                self._select_key(key)
                self._open_key(key)
                return True
        return False

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._select_timer.start()

    def _open_selected(self) -> None:
        self._select_timer.stop()
        rows = self._table.selectionModel().selectedRows()
        if not rows:
            return
        key = rows[0].data(KEY_ROLE)
        current = self._viewer.content()
        if current is not None and current.key == tuple(key) and self._viewer.mode() != "loading":
            return
        self._open_key(tuple(key))

    def _open_key(self, key: tuple[str, str, str], find_text: str | None = None) -> None:
        server_id, resource_type, resource_id = key
        self.open_document(resource_type, resource_id, find_text, server_id=server_id)

    def _select_key(self, key: tuple[str, str, str]) -> None:
        row = self._model.row_of_key(key)
        if row is None:
            return
        index = self._proxy.mapFromSource(self._model.index(row, 0))
        if index.isValid():
            self._table.selectionModel().blockSignals(True)
            self._table.selectRow(index.row())
            self._table.selectionModel().blockSignals(False)
            self._table.viewport().update()
            self._table.scrollTo(index)

    def _index_pdf_text(self, server_id: str, resource_type: str, resource_id: str, text: str) -> None:
        if self._patient is None or not server_id:
            return
        key = (server_id, resource_type, resource_id)
        if key in self._indexed:
            return
        self._indexed.add(key)

        def failed(exc: BaseException) -> None:
            self._indexed.discard(key)
            log.warning("indexing the text of %s/%s failed: %s", resource_type, resource_id, type(exc).__name__)

        self._runner.query(self, lambda store: actions.add_document_text(store, server_id, resource_type,
                                                                         resource_id, text), lambda _c: None, failed)

    # -- search ---------------------------------------------------------------------------------------------
    def search(self, query: str) -> None:
        """Search now (as if typed and Enter pressed)."""
        self._search.blockSignals(True)
        self._search.setText(query)
        self._search.blockSignals(False)
        self._run_search()

    def _query_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            drop(self, "search")
            self._last_query = ""
            self._hits.clear()
            self._lists.setCurrentWidget(self._table)
            self._show_count()

    def _run_search(self) -> None:
        self._search_timer.stop()
        query = self._search.text().strip()
        if not query or self._patient is None:
            return
        server_id, patient_id = self._patient
        self._status.setText(self.tr("Searching…"))

        def failed(exc: BaseException) -> None:
            log.warning("document search failed: %s", type(exc).__name__)
            self._status.setText(self.tr("The search could not be run."))

        self._runner.query(self, lambda store: queries.search_documents(store, server_id, patient_id, query),
                           lambda hits: self._show_hits(query, hits), failed, slot="search")

    def _show_hits(self, query: str, hits: list[tuple]) -> None:
        self._last_query = query
        self._hits.clear()
        shown = 0
        for sid, rtype, rid, snippet in hits:
            row = self._model.row_of(rtype, rid, sid)
            if row is None:
                continue  # not listed for this patient (entered in error, superseded)
            doc = self._model.row_at(row)
            item = QListWidgetItem(self._hits)
            item.setData(KEY_DATA, (sid, rtype, rid))
            label = QLabel(self._hit_html(doc, snippet), self._hits)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setMargin(4)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            width = max(self._hits.viewport().width() - 6, 200)
            item.setSizeHint(QSize(width, max(label.heightForWidth(width), label.sizeHint().height() // 2)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{doc.title} {snippet}")
            self._hits.setItemWidget(item, label)
            shown += 1
        self._lists.setCurrentWidget(self._hits)
        if shown:
            text = self.tr("Documents found: %1. Choose one to open it; clear the search for the whole list.")
            self._status.setText(text.replace("%1", str(shown)))
        else:
            self._status.setText(self.tr("No document contains these words."))
        self.search_finished.emit(shown)

    @staticmethod
    def _hit_html(doc: DocumentRow, snippet: str) -> str:
        escaped = html.escape(snippet)
        marked = re.sub(r"\[([^\[\]]*)\]", r"<b>\1</b>", escaped)
        when = html.escape(date_text.display(doc.date))
        return f"<b>{html.escape(doc.title)}</b> <span>{when}</span><br>{marked}"

    def _hit_chosen(self, item: QListWidgetItem | None) -> None:
        key = item.data(KEY_DATA) if item is not None else None
        if not key:
            return
        words = [w for w in re.split(r"\W+", self._last_query) if w]
        self._select_key(tuple(key))
        self._open_key(tuple(key), find_text=words[0] if words else None)

    def _show_count(self) -> None:
        if self._lists.currentWidget() is self._hits:
            return
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        if total == 0:
            self._status.setText(self.tr("No documents stored for this patient.") if self._patient else "")
        elif shown == total:
            self._status.setText(self.tr("Documents: %1").replace("%1", str(total)))
        else:
            self._status.setText(self.tr("%1 of %2 documents").replace("%1", str(shown)).replace("%2", str(total)))

    # -- for the patient view and tests ---------------------------------------------------------------------
    def current_patient(self) -> tuple[str, str] | None:
        return self._patient

    def model(self) -> DocumentListModel:
        return self._model

    def proxy(self) -> DocumentSortProxy:
        return self._proxy

    def table(self) -> QTableView:
        return self._table

    def viewer(self) -> DocumentViewer:
        return self._viewer

    def new_only_box(self) -> QCheckBox:
        return self._new_only

    def search_field(self) -> QLineEdit:
        return self._search

    def open_find(self) -> None:
        """The window's Find (Ctrl+F) with the focus in this tab outside the open document: search the documents."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def hits(self) -> list[tuple[str, str]]:
        """(resource type, id) of the search hits shown; `hit_keys` adds the server."""
        return [key[1:] for key in self.hit_keys()]

    def hit_keys(self) -> list[tuple[str, str, str]]:
        return [tuple(self._hits.item(i).data(KEY_DATA)) for i in range(self._hits.count())]

    def choose_hit(self, row: int) -> None:
        self._hit_chosen(self._hits.item(row))

    def status_text(self) -> str:
        return self._status.text()

    def visible_keys(self) -> list[tuple[str, str]]:
        """(resource type, id) of the listed documents, in list order; `visible_document_keys` adds the server."""
        return [key[1:] for key in self.visible_document_keys()]

    def visible_document_keys(self) -> list[tuple[str, str, str]]:
        return [tuple(self._proxy.index(r, 0).data(KEY_ROLE)) for r in range(self._proxy.rowCount())]
