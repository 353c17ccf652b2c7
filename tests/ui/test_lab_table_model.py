"""Lab flags and the lab table model, without widgets: ranges, interpretation codes, display, trend data."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from consult_desktop.domain.lab_flags import LabFlag
from consult_desktop.domain.lab_result import LabResult
from consult_desktop.record.patient_snapshot import LabRow
from consult_desktop.ui.labs.lab_table_model import FLAG_ROLE, LabFilterProxy, LabTableModel


def result(rid: str, value: float | None = None, *, low: float | None = 3.5, high: float | None = 5.1,
           interpretation: str | None = None, comparator: str | None = None, when: str = "2025-02-14T07:00:00",
           code: str = "2823-3", display: str = "Potassium", unit: str = "mmol/L",
           value_text: str | None = None) -> LabResult:
    return LabResult(id=rid, code=code, code_system="http://loinc.org", display=display, value=value,
                     comparator=comparator, unit=unit, value_text=value_text, ref_low=low, ref_high=high,
                     interpretation=interpretation, effective=when)


def make_model(rows: list[LabRow]) -> LabTableModel:
    model = LabTableModel()
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("white"))
    model.set_palette(light)
    model.set_rows(rows)
    return model


def test_flag_column_has_words_symbols_and_colour_not_colour_alone(qapp) -> None:
    model = make_model([
        LabRow(result("n", 4.0), "Ionogram"),
        LabRow(result("h", 5.8), "Ionogram"),
        LabRow(result("l", 3.0), "Ionogram"),
        LabRow(result("c", 6.9, interpretation="HH"), "Ionogram"),
    ])
    flag_column = LabTableModel.FLAG
    texts = [model.index(r, flag_column).data() for r in range(4)]
    assert texts == ["", "▲ High", "▼ Low", "▲▲ Critical high"]
    assert model.index(0, flag_column).data(Qt.ItemDataRole.ForegroundRole) is None
    assert isinstance(model.index(1, LabTableModel.RESULT).data(Qt.ItemDataRole.ForegroundRole), QColor)
    assert model.index(1, flag_column).data(Qt.ItemDataRole.BackgroundRole) is None
    assert isinstance(model.index(3, flag_column).data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert model.index(3, flag_column).data(FLAG_ROLE) is LabFlag.CRITICAL_HIGH
    assert model.index(1, LabTableModel.RANGE).data() == "3.5 – 5.1"
    assert model.index(1, LabTableModel.DATE).data() == "14/02/2025 07:00"


def test_values_with_comparator_and_text_results_are_shown_as_sent(qapp) -> None:
    model = make_model([
        LabRow(result("crp", 5, comparator="<", low=None, high=5, code="1988-5", display="CRP", unit="mg/L"), None),
        LabRow(result("cult", value_text="Negatif", low=None, high=None, code="600-7", display="Culture"), None),
    ])
    assert model.index(0, LabTableModel.RESULT).data() == "<5"
    assert model.index(0, LabTableModel.RANGE).data() == "≤ 5"
    assert model.index(1, LabTableModel.RESULT).data() == "Negatif"
    assert model.index(0, LabTableModel.PANEL).data() == "Other results"


def test_default_order_is_newest_first_and_filters_narrow_it(qapp) -> None:
    model = make_model([
        LabRow(result("k-old", 4.0, when="2024-01-09T07:00:00"), "Ionogram"),
        LabRow(result("k-new", 6.9, when="2025-02-14T07:00:00", interpretation="HH"), "Ionogram"),
        LabRow(result("hb", 13.0, when="2024-06-01T07:00:00", low=12, high=16, code="718-7", display="Hb",
                      unit="g/dL"), "Hematology"),
    ])
    proxy = LabFilterProxy()
    proxy.setSourceModel(model)
    ids = [model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).result.id for r in range(proxy.rowCount())]
    assert ids == ["k-new", "hb", "k-old"]
    proxy.set_panel("Hematology")
    assert proxy.rowCount() == 1
    proxy.set_panel(None)
    proxy.set_abnormal_only(True)
    assert proxy.rowCount() == 1
    assert model.panels() == ["Ionogram", "Hematology"]


def test_trend_series_holds_one_analyte_across_dates_in_its_unit(qapp) -> None:
    model = make_model([
        LabRow(result("k2", 6.9, when="2025-02-14T07:00:00", interpretation="HH"), "Ionogram"),
        LabRow(result("hb", 13.0, code="718-7", display="Hb", unit="g/dL"), "Hematology"),
        LabRow(result("k1", 3.2, when="2024-01-09T07:00:00"), "Ionogram"),
        LabRow(result("k-odd-unit", 3.9, when="2023-01-09T07:00:00", unit="mEq/L"), "Ionogram"),
    ])
    series = model.series_for(2)  # k1
    assert [(p.when, p.value, p.flag) for p in sorted(series.points, key=lambda p: p.when)] == [
        (dt.datetime(2024, 1, 9, 7, 0), 3.2, LabFlag.LOW),
        (dt.datetime(2025, 2, 14, 7, 0), 6.9, LabFlag.CRITICAL_HIGH),
    ]
    assert (series.title, series.unit, series.ref_low, series.ref_high, series.omitted) == (
        "Potassium", "mmol/L", 3.5, 5.1, 1)


def test_tooltip_gives_range_flag_and_interpretation(qapp) -> None:
    model = make_model([LabRow(result("k", 6.9, interpretation="HH"), "Ionogram")])
    assert model.index(0, LabTableModel.TEST).data(Qt.ItemDataRole.ToolTipRole) == (
        "Potassium: 6.9 mmol/L\nReference range: 3.5 – 5.1\n▲▲ Critical high\nLaboratory interpretation code: HH")
