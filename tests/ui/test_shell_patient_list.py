"""The patient list's Qt models without widgets: search as you type, badges, filters, sorting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from consult_desktop.store import PatientSummary
from consult_desktop.store.derived import patient_row
from consult_desktop.ui.patients.patient_filter_proxy import PatientFilterProxy, query_terms
from consult_desktop.ui.patients.patient_table_model import (
    COL_BIRTH,
    COL_DISCHARGE,
    COL_NAME,
    COL_NEW,
    COL_SSIN,
    KEY_ROLE,
    NEW_ITEMS_ROLE,
    SORT_ROLE,
    PatientTableModel,
)

TODAY = dt.date(2025, 3, 20)
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"


def summary(pid: str, family: str, given: str, birth: str, ssin: str | None, new: int = 0,
            discharge: str | None = None) -> PatientSummary:
    resource = {"resourceType": "Patient", "id": pid, "name": [{"family": family, "given": [given]}],
                "birthDate": birth}
    if ssin:
        resource["identifier"] = [{"system": SSIN_SYSTEM, "value": ssin}]
    row = patient_row(resource)  # the same search text the store keeps
    return PatientSummary("s", pid, row["family"], row["given"], row["birth_date"], None, row["ssin"],
                          row["search_text"], new, discharge)


ROWS = [
    summary("a", "Dubois-Lefèvre", "Élodie", "1985-07-30", "85073003328", new=3,
            discharge="2025-03-17T11:00:00+01:00"),
    summary("b", "Janssens", "Jan", "1950-12-31", "50123100154", discharge="2025-01-10T09:00:00+01:00"),
    summary("c", "Peeters", "Anne", "1972-03-05", None, new=1),
    summary("d", "Lefebvre", "Noël", "1999-11-02", "99110200112"),
]


@pytest.fixture
def models(qapp) -> tuple[PatientTableModel, PatientFilterProxy]:
    model = PatientTableModel()
    proxy = PatientFilterProxy(today=TODAY)
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    return model, proxy


def shown(proxy: PatientFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(KEY_ROLE)[1] for r in range(proxy.rowCount())]


@pytest.mark.parametrize("query, expected", [
    ("lefevre", ["a"]),  # no accent typed, accent stored
    ("LEFÈVRE", ["a"]),  # accent and capitals typed
    ("élodie dubois", ["a"]),  # several words, any order
    ("lef", ["a", "d"]),
    ("noel", ["d"]),
    ("jan", ["b"]),
    ("xyz", []),
])
def test_search_by_name_ignores_accents_and_case(models, query: str, expected: list[str]) -> None:
    _model, proxy = models
    proxy.set_query(query)
    assert sorted(shown(proxy)) == expected


@pytest.mark.parametrize("query, expected", [
    ("85073003328", ["a"]),
    ("85.07.30-033.28", ["a"]),  # as printed on the eID card
    ("501231", ["b"]),
    ("30/07/1985", ["a"]),  # birth date as a Belgian GP types it
    ("31.12.1950", ["b"]),
    ("1972-03-05", ["c"]),
    ("05/03/1972 peeters", ["c"]),
])
def test_search_by_ssin_and_birth_date(models, query: str, expected: list[str]) -> None:
    _model, proxy = models
    proxy.set_query(query)
    assert shown(proxy) == expected


def test_clearing_the_query_shows_everyone_again(models) -> None:
    _model, proxy = models
    proxy.set_query("peeters")
    assert proxy.rowCount() == 1
    proxy.set_query("")
    assert proxy.rowCount() == len(ROWS)


def test_query_terms_keep_a_punctuation_free_alternative_for_numbers() -> None:
    assert query_terms(" Lefèvre  85.07.30 ") == [("lefevre",), ("85.07.30", "850730")]


def test_badge_counts_and_new_filter(models) -> None:
    model, proxy = models
    row_a = model.row_of("s", "a")
    assert model.index(row_a, COL_NEW).data(NEW_ITEMS_ROLE) == 3
    assert model.index(row_a, COL_NEW).data() == "3"
    assert model.index(model.row_of("s", "b"), COL_NEW).data() == ""
    proxy.set_only_new(True)
    assert sorted(shown(proxy)) == ["a", "c"]
    model.set_new_items("s", "a", 0)  # the GP has seen the patient
    assert shown(proxy) == ["c"]
    assert model.index(row_a, COL_NEW).data() == ""


def test_recently_discharged_filter(models) -> None:
    _model, proxy = models
    proxy.set_discharged_within(14)
    assert shown(proxy) == ["a"]
    proxy.set_discharged_within(90)
    assert sorted(shown(proxy)) == ["a", "b"]
    proxy.set_query("jan")  # filters combine
    assert shown(proxy) == ["b"]
    proxy.set_discharged_within(None)
    proxy.set_query("")
    assert proxy.rowCount() == len(ROWS)


def test_sorting_uses_the_user_role_keys_and_puts_empty_values_last(models) -> None:
    model, proxy = models
    assert shown(proxy) == ["a", "b", "d", "c"]  # DUBOIS, JANSSENS, LEFEBVRE, PEETERS
    proxy.sort(COL_BIRTH, DESC)
    assert shown(proxy) == ["d", "a", "c", "b"]
    proxy.sort(COL_DISCHARGE, ASC)
    assert shown(proxy) == ["b", "a", "d", "c"]  # no discharge: last, by name
    proxy.sort(COL_SSIN, ASC)
    assert shown(proxy)[-1] == "c"  # no SSIN
    proxy.sort(COL_NEW, DESC)
    assert shown(proxy)[:2] == ["a", "c"]
    assert model.index(0, COL_NEW).data(SORT_ROLE) == 3


def test_sorting_keeps_the_filter(models) -> None:
    _model, proxy = models
    proxy.set_query("le")  # Dubois-Lefèvre, Lefebvre, Élodie...
    before = sorted(shown(proxy))
    proxy.sort(COL_NAME, DESC)
    assert sorted(shown(proxy)) == before
    assert shown(proxy) == sorted(before, reverse=True)


def test_display_formats(models) -> None:
    model, _proxy = models
    row = model.row_of("s", "a")
    assert model.index(row, COL_NAME).data() == "DUBOIS-LEFÈVRE Élodie"
    assert model.index(row, COL_BIRTH).data() == "30/07/1985"
    assert model.index(row, COL_SSIN).data() == "85.07.30-033.28"
    assert model.index(row, COL_DISCHARGE).data() == "17/03/2025"

