"""`ReconciliationReport`: the medication reconciliation summary as a PDF the GP saves where they choose.

Patient, date, which hospital list was compared, what the check used (allergies, eGFR), every line with its
status, change and decision, the medicines that could not be checked, every flag with its text and its
acknowledgement. Each page has a footer with the knowledge base's version and licence and the page number.
The PDF is laid out from an in-memory QTextDocument and written only to the file the GP chose (no temporary
file). GUI thread only (QTextDocument, QPdfWriter and the translated words of the comparison model).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from consult_desktop.domain import date_text
from consult_desktop.record import exports
from consult_desktop.record.medication import MedicationData
from consult_desktop.ui.medication.medication_comparison_model import MedicationComparisonModel
from consult_desktop.ui.widgets import printing

RESOLUTION = 300
FONT_POINTS = 9
FOOTER_LINES = 3


class ReconciliationReport(QObject):
    def __init__(self, model: MedicationComparisonModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def html(self, data: MedicationData, when: dt.datetime | None = None) -> str:
        esc = html.escape
        model = self._model
        when = when or dt.datetime.now()
        # tr() outside f-strings, so that lupdate finds the texts.
        title, patient_label, date_label = self.tr("Medication reconciliation"), self.tr("Patient"), self.tr("Date")
        list_label, checked_label = self.tr("Hospital list"), self.tr("Checked with")
        empty_text, flags_title = self.tr("No medication on either list."), self.tr("Safety flags")
        no_flag_text = self.tr("No flag for the medicines that could be checked.")
        out = [f"<h2>{esc(title)}</h2>"]
        patient = data.patient_name or self.tr("Unknown patient")
        born = date_text.display(data.birth_date)
        if born:
            patient += " — " + self.tr("born %1").replace("%1", born)
        if data.patient_ssin:
            patient += " — " + self.tr("SSIN %1").replace("%1", data.patient_ssin)
        prepared, prepared_label = "", self.tr("Prepared by")
        if data.gp_name:
            prepared = f"<b>{esc(prepared_label)}:</b> {esc(data.gp_name)}<br>"
        out.append(f"<p><b>{esc(patient_label)}:</b> {esc(patient)}<br>{prepared}"
                   f"<b>{esc(date_label)}:</b> {esc(when.strftime('%d/%m/%Y %H:%M'))}<br>"
                   f"<b>{esc(list_label)}:</b> {esc(self.hospital_text(data))}<br>"
                   f"<b>{esc(checked_label)}:</b> {esc(self.checked_with_text(data))}</p>")
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        out.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"
                   + "".join(f"<th align='left'>{esc(str(h))}</th>" for h in headers) + "</tr>")
        for row in range(model.rowCount()):
            texts = model.row_texts(row, marks=False)
            ack = data.decision(row)
            if ack is not None and ack.reason:
                texts[model.DECISION] += f" ({ack.reason})"
            out.append("<tr>" + "".join(f"<td>{esc(t)}</td>" for t in texts) + "</tr>")
        out.append("</table>")
        if not model.rowCount():
            out.append(f"<p>{esc(empty_text)}</p>")
        if data.not_checked:
            out.append(f"<p><b>{esc(self.not_checked_text(data))}</b></p>")
        out.append(f"<h3>{esc(flags_title)}</h3>")
        if not data.comparison.flags:
            out.append(f"<p>{esc(no_flag_text)}</p>")
        for number, flag in enumerate(data.comparison.flags):
            out.append(f"<p><b>{esc(model.severity_word(flag.severity))}</b> · {esc(model.kind_word(flag.kind))}"
                       f" — <b>{esc(flag.summary)}</b>")
            for label, value in ((self.tr("Effect"), flag.effect), (self.tr("Management"), flag.management),
                                 (self.tr("Source"), "; ".join(flag.sources))):
                if value:
                    out.append(f"<br>{esc(label)}: {esc(value)}")
            ack = data.acknowledgements.get(data.flag_keys[number])
            if ack is not None:
                out.append("<br><i>" + esc(self.tr("Acknowledged on %1: %2").replace(
                    "%1", date_text.display(ack.at[:10])).replace("%2", ack.reason)) + "</i>")
            else:
                out.append("<br><i>" + esc(self.tr("Not acknowledged")) + "</i>")
            out.append("</p>")
        return "".join(out)

    def info_text(self, data: MedicationData) -> str:
        """What was compared and what the check used, in two lines."""
        text = self.tr("Hospital list: %1.").replace("%1", self.hospital_text(data))
        if data.hospital.later_active:
            text += " " + self.tr("Active hospital prescriptions written after this list (a newer stay), not part "
                                  "of the comparison: %1.").replace("%1", str(data.hospital.later_active))
        return text + "\n" + self.tr("Checked with %1.").replace("%1", self.checked_with_text(data))

    def not_checked_text(self, data: MedicationData) -> str:
        hospital, gp = self.tr("hospital"), self.tr("GP")
        names = ", ".join(f"{item.label} ({hospital if item.side == 'hospital' else gp})" for item in data.not_checked)
        return self.tr("Not checked — could not be matched to known ingredients: %1").replace("%1", names)

    def hospital_text(self, data: MedicationData) -> str:
        hospital = data.hospital
        if hospital.kind == "discharge":
            text = self.tr("discharge medication of %1").replace("%1", date_text.display(hospital.date))
            if hospital.stay:
                text += f" ({hospital.stay})"
            return text + (f", {hospital.hospital}" if hospital.hospital else "")  # whose list, among several
        if hospital.kind == "current":
            return self.tr("current medication (the hospital sent no discharge list)") + (
                f", {hospital.hospital}" if hospital.hospital else "")
        return self.tr("no hospital medication stored")

    def checked_with_text(self, data: MedicationData) -> str:
        allergies = ", ".join(data.allergies) if data.allergies else self.tr("no medication allergy recorded")
        if data.egfr is not None:
            egfr = self.tr("eGFR %1 %2 on %3").replace("%1", f"{data.egfr.comparator}{data.egfr.value:g}").replace(
                "%2", data.egfr.unit).replace("%3", date_text.display(data.egfr.date))
        else:
            egfr = self.tr("no eGFR stored")
        return self.tr("allergies: %1; %2").replace("%1", allergies).replace("%2", egfr)

    def footer_text(self, data: MedicationData) -> str:
        return self.tr("Consult Desktop medication knowledge base %1, CC BY 4.0. It supports, and does not "
                       "replace, the judgement of the prescriber.").replace("%1", data.knowledge_base)

    def ask_path(self, parent: QWidget, data: MedicationData | None = None) -> Path | None:
        """The file the GP chooses, in Documents, named after the patient and today (".pdf" added when
        missing); None when cancelled."""
        what = self.tr("Medication reconciliation")
        name = exports.file_name(data.patient_name if data is not None else "", what, ".pdf")
        return printing.ask_save_path(parent, self.tr("Export the reconciliation summary"), name,
                                      self.tr("PDF documents (*.pdf)"))

    def write_pdf(self, path: Path, data: MedicationData) -> None:
        """Lay the summary out on A4 pages and write it to `path` (raises OSError when it cannot be written)."""
        writer = QPdfWriter(str(path))
        writer.setResolution(RESOLUTION)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
        writer.setTitle(self.tr("Medication reconciliation"))
        writer.setCreator("Consult Desktop")
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError("the PDF file could not be opened for writing")
        try:
            self._paint(painter, writer, data)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, writer: QPdfWriter, data: MedicationData) -> None:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        font = QFont()
        font.setPointSizeF(FONT_POINTS)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        # Paper is white whatever the screen's theme: without this the text would take a dark palette's light colour.
        document.setDefaultStyleSheet("body, p, td, th, h2, h3, li { color: #000000; }")
        document.setHtml(f"<html><body>{self.html(data)}</body></html>")
        small = QFont(font)
        small.setPointSizeF(FONT_POINTS - 1.5)
        painter.setFont(small)
        footer_height = painter.fontMetrics().lineSpacing() * FOOTER_LINES
        page_height = area.height() - footer_height
        document.setPageSize(QSizeF(area.width(), page_height))
        pages = document.pageCount()
        footer = self.footer_text(data)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, area.width(), page_height))
            painter.restore()
            painter.setFont(small)
            painter.setPen(Qt.GlobalColor.black)
            number = self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(pages))
            painter.drawText(QRectF(0, page_height, area.width(), footer_height),
                             int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                             f"{footer}\n{number}")
