"""The lab tab on a real store: selecting a result draws that analyte's trend across both stays."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPalette

from consult_desktop.domain.lab_flags import LabFlag
from consult_desktop.ui.labs.lab_table_model import LabTableModel
from consult_desktop.ui.labs.trend_chart import TrendChart, TrendPoint, TrendSeries, nice_step
from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell.task_runner import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402
from patient_records import open_filled_store  # noqa: E402


def test_selecting_a_result_shows_its_trend_across_two_dates(qtbot, runner: TaskRunner, tmp_path: Path) -> None:
    open_filled_store(qtbot, runner, tmp_path / "profile")
    view = PatientView(runner)
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.patient_loaded, timeout=10000):
        view.show_patient(rec.SERVER, rec.PATIENT)
    view.select_tab("labs")
    labs = view.lab_tab()
    model = labs.model()
    creatinine = next(r for r in range(model.rowCount())
                      if model.index(r, LabTableModel.TEST).data() == "Creatinine"
                      and model.row_at(r).result.value == 1.9)
    assert model.index(creatinine, LabTableModel.FLAG).data() == "▲ High"
    labs.select_source_row(creatinine)
    chart = labs.chart()
    assert chart.series().title == "Creatinine" and chart.series().unit == "mg/dL"
    assert [p.value for p in chart.points()] == [1.0, 1.9]
    assert [p.when.date() for p in chart.points()] == [dt.date(2024, 1, 9), dt.date(2025, 2, 14)]
    assert [p.flag for p in chart.points()] == [LabFlag.NORMAL, LabFlag.HIGH]
    assert (chart.series().ref_low, chart.series().ref_high) == (0.6, 1.1)


def painted(chart: TrendChart) -> QImage:
    chart.resize(400, 240)
    return chart.grab().toImage()


def test_chart_paints_band_line_and_a_marked_abnormal_point(qtbot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    palette = chart.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    chart.setPalette(palette)
    empty = painted(chart)
    chart.set_series(TrendSeries("Potassium", "mmol/L", (
        TrendPoint(dt.datetime(2025, 2, 14), 6.9, LabFlag.CRITICAL_HIGH, "6.9"),
        TrendPoint(dt.datetime(2024, 1, 9), 4.1, LabFlag.NORMAL, "4.1"),
    ), 3.5, 5.1))
    assert [p.value for p in chart.points()] == [4.1, 6.9]  # kept in time order
    image = painted(chart)
    assert image != empty
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert "#f28b82" not in colours  # light palette: the dark-theme red is not used
    assert any(QColor(c).red() > 150 and QColor(c).green() < 90 for c in colours)  # the critical point, in red


def test_nice_steps() -> None:
    assert nice_step(10) == 2
    assert nice_step(0.9) == 0.2
    assert nice_step(4800) == 1000
    assert nice_step(0) == 1.0
