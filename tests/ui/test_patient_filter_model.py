"""The patient list's filtered model: typing on only tests the patients still shown and still gives exactly what
a fresh filter gives; a selected patient stays selected through filtering and sorting while shown."""

from __future__ import annotations

import random

from PySide6.QtCore import QItemSelectionModel, Qt

from consult_desktop.store import PatientSummary
from consult_desktop.store.derived import fold
from consult_desktop.ui.patients.patient_filter_proxy import PatientFilterProxy
from consult_desktop.ui.patients.patient_table_model import COL_BIRTH, KEY_ROLE, PatientTableModel

NAMES = ["Dubois", "Lefèvre", "Janssens", "Peeters", "Van den Bossche", "De Smet", "Noël", "Jacobs"]
GIVEN = ["Élodie", "Jan", "Anne", "Luc", "Chloé"]


def summaries(count: int) -> list[PatientSummary]:
    rng = random.Random(3)
    out = []
    for i in range(count):
        family, given = rng.choice(NAMES), rng.choice(GIVEN)
        birth = f"19{rng.randint(30, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        ssin = f"{birth[2:4]}{birth[5:7]}{birth[8:10]}{rng.randint(100, 999)}{rng.randint(10, 99)}"
        out.append(PatientSummary("s", f"p{i}", family, given, birth, "female", ssin,
                                  fold(f"{family} {given} {ssin} {birth}"), rng.choice([0, 0, 2]), None))
    return out


def shown(proxy: PatientFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(KEY_ROLE)[1] for r in range(proxy.rowCount())]


def fresh(rows: list[PatientSummary], query: str, only_new: bool) -> list[str]:
    model = PatientTableModel()
    model.set_rows(rows)
    proxy = PatientFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_only_new(only_new)
    proxy.set_query(query)
    return shown(proxy)


def test_typing_and_erasing_match_a_fresh_filter(qapp) -> None:
    rows = summaries(300)
    model = PatientTableModel()
    model.set_rows(rows)
    proxy = PatientFilterProxy()
    proxy.setSourceModel(model)
    rng = random.Random(5)
    for query in ("van den", "luc 19", "lefe", "d", "jan jan", "no", "19.0"):
        only_new = rng.random() < 0.3
        proxy.set_only_new(only_new)
        typed = [query[:i] for i in range(1, len(query) + 1)]
        for text in typed + typed[-2::-1] + [""]:
            proxy.set_query(text)
            assert shown(proxy) == fresh(rows, text, only_new), text
    proxy.set_only_new(False)
    assert proxy.rowCount() == len(rows)


def test_selection_follows_its_patient_through_filter_and_sort(qapp) -> None:
    from PySide6.QtWidgets import QTableView

    model = PatientTableModel()
    model.set_rows(summaries(50))
    proxy = PatientFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    selection = view.selectionModel()
    target = proxy.index(7, 0)
    key = target.data(KEY_ROLE)
    family = model.summary(model.row_of(*key)).family
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    selection.setCurrentIndex(target, flags)

    proxy.set_query(fold(family or ""))
    assert [i.data(KEY_ROLE) for i in selection.selectedRows()] == [key]
    proxy.sort(COL_BIRTH, Qt.SortOrder.DescendingOrder)
    assert [i.data(KEY_ROLE) for i in selection.selectedRows()] == [key]
    proxy.set_query("zzz")  # filtered out: nothing selected
    assert selection.selectedRows() == []
