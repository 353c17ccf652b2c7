"""The document list model and its sort proxy, without any widget: order, columns, stay filter."""

from __future__ import annotations

from PySide6.QtCore import Qt

from consult_desktop.record.patient_snapshot import DocumentRow
from consult_desktop.ui.documents.document_list_model import KEY_ROLE, DocumentListModel, DocumentSortProxy


def row(rid: str, date: str | None, author: str = "", encounter: str | None = None) -> DocumentRow:
    return DocumentRow("DocumentReference", rid, date, f"Title {rid}", "Discharge summary", author,
                       encounter, f"stay {encounter}" if encounter else None, "pdf", "final")


ROWS = [
    row("old", "2019-05-01", "dr Zeeman"),
    row("partial-year", "2021", "Dr adams"),
    row("no-date", None, "Dr Baert"),
    row("morning-utc", "2025-02-15T08:30:00Z", "Dr Claes", "e2"),  # 09:30 in Brussels
    row("date-only", "2025-02-15", "Dr Dubois", "e2"),
    row("evening-local", "2025-02-15T18:00:00+01:00", "Dr Evrard", "e1"),
]


def order(proxy: DocumentSortProxy) -> list[str]:
    return [proxy.index(r, 0).data(KEY_ROLE)[2] for r in range(proxy.rowCount())]


def make() -> tuple[DocumentListModel, DocumentSortProxy]:
    model = DocumentListModel()
    model.set_rows(ROWS)
    proxy = DocumentSortProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_newest_first_by_default_across_date_formats(qapp) -> None:
    _model, proxy = make()
    assert order(proxy) == ["evening-local", "morning-utc", "date-only", "partial-year", "old", "no-date"]


def test_display_columns_show_belgian_dates_and_the_stay(qapp) -> None:
    model, _proxy = make()
    date_only = model.row_of("DocumentReference", "date-only")
    assert model.index(date_only, DocumentListModel.DATE).data() == "15/02/2025"
    assert model.index(date_only, DocumentListModel.AUTHOR).data() == "Dr Dubois"
    assert model.index(date_only, DocumentListModel.ENCOUNTER).data() == "stay e2"
    partial = model.row_of("DocumentReference", "partial-year")
    assert model.index(partial, DocumentListModel.DATE).data() == "2021"
    assert model.headerData(DocumentListModel.TITLE, Qt.Orientation.Horizontal) == "Document"


def test_sorting_by_author_ignores_case_and_can_be_reversed(qapp) -> None:
    _model, proxy = make()
    proxy.sort(DocumentListModel.AUTHOR, Qt.SortOrder.AscendingOrder)
    assert order(proxy) == ["partial-year", "no-date", "morning-utc", "date-only", "evening-local", "old"]
    proxy.sort(DocumentListModel.DATE, Qt.SortOrder.AscendingOrder)
    assert order(proxy) == ["no-date", "old", "partial-year", "date-only", "morning-utc", "evening-local"]


def test_stay_filter_keeps_only_that_stays_documents(qapp) -> None:
    _model, proxy = make()
    proxy.set_encounter_filter("e2")
    assert order(proxy) == ["morning-utc", "date-only"]
    proxy.set_encounter_filter(None)
    assert len(order(proxy)) == len(ROWS)


def test_new_rows_replace_the_old_ones(qapp) -> None:
    model, proxy = make()
    model.set_rows([row("only", "2024-01-01")])
    assert order(proxy) == ["only"]
    model.set_rows([])
    assert proxy.rowCount() == 0


def test_tooltip_names_the_format_and_unfinished_status(qapp) -> None:
    model = DocumentListModel()
    model.set_rows([row("a", "2024-01-01"), DocumentRow("DiagnosticReport", "b", None, "Echo", None, None, None,
                                                        None, None, "preliminary")])
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Title a\nFormat: PDF"
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "Echo\nNo attached file\nStatus: preliminary"
