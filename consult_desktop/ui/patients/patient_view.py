"""`PatientView`: one patient's hospital record — header with allergies, then documents, lab results,
problems and allergies, stays, and medication tabs.

`show_patient(server_id, patient_id)` asks the database lane for one `PatientSnapshot` (everything the
first paint needs, no attachment bytes) and fills every tab from it when it arrives; the operation runner
drops answers that arrive after another patient was chosen, or after `clear()` (the profile was locked).
Attachments load only when a document is opened. GUI thread only; all store work goes through the TaskRunner.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from consult_desktop.record.patient_snapshot import PatientSnapshot, encounter_label, load_patient_snapshot
from consult_desktop.store import Store
from consult_desktop.ui.documents.documents_tab import DocumentsTab
from consult_desktop.ui.labs.lab_tab import LabTab
from consult_desktop.ui.medication.medication_view import MedicationView
from consult_desktop.ui.patients.encounters_tab import EncountersTab
from consult_desktop.ui.patients.patient_header import PatientHeader
from consult_desktop.ui.patients.problems_tab import ProblemsTab
from consult_desktop.ui.shell.change_bus import ChangeBus
from consult_desktop.ui.shell.task_runner import TaskRunner, drop, later

log = logging.getLogger(__name__)
TAB_NAMES = ("documents", "labs", "problems", "encounters", "medication")
LATER_TABS_DELAY_MS = 30  # long enough for the first paint of header and documents to go first


class PatientView(QWidget):
    document_opened = Signal(str, str)  # resource_type, resource_id
    patient_loaded = Signal(str, str)  # server_id, patient_id — every tab now holds this patient's data
    load_failed = Signal(str, str)  # server_id, patient_id

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, changes: ChangeBus | None = None
                 ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient: tuple[str, str] | None = None
        self._snapshot: PatientSnapshot | None = None
        self._pending: set[str] = set()  # tabs not yet filled from the current snapshot

        self._header = PatientHeader(self)
        self._documents = DocumentsTab(runner, self)
        self._labs = LabTab(self, runner=runner)
        self._problems = ProblemsTab(self)
        self._encounters = EncountersTab(self)
        self._medication = MedicationView(runner, self, changes=changes)
        self._medication.show_requested.connect(lambda: self.select_tab("medication"))
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("patientTabs")
        for page in (self._documents, self._labs, self._problems, self._encounters, self._medication):
            self._tabs.addTab(page, "")
        self.retranslate()
        self._message = QLabel(self)
        self._message.setWordWrap(True)
        self._message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._header)
        layout.addWidget(self._message)
        layout.addWidget(self._tabs, 1)

        self._documents.document_opened.connect(self.document_opened)
        self._encounters.documents_requested.connect(self._show_encounter_documents)
        self._tabs.currentChanged.connect(self._tab_changed)
        self.clear()

    # -- patient ------------------------------------------------------------------------------------------
    def show_patient(self, server_id: str, patient_id: str) -> None:
        """Load and show a patient; returns at once (the data arrives from the database lane).

        Called again for the patient already shown (after a sync), it refreshes in place: what is on screen
        stays until the new data arrives, and the open document stays open if it still exists.
        """
        if self._patient != (server_id, patient_id) or self._snapshot is None:
            self._clear_widgets()
            self._patient = (server_id, patient_id)
            self._header.show_loading()
            self._tabs.setEnabled(False)

        def load(store: Store) -> PatientSnapshot:
            return load_patient_snapshot(store, server_id, patient_id)

        def failed(exc: BaseException) -> None:
            log.warning("loading patient %s failed: %s", patient_id, type(exc).__name__)
            self._header.clear()
            self._message.setText(self.tr("This patient's record could not be read from the local database."))
            self._message.show()
            self.load_failed.emit(server_id, patient_id)

        self._runner.query(self, load, self._apply, failed, slot="snapshot")
        self._medication.show_patient(server_id, patient_id)  # its own load, queued after the snapshot's

    def _apply(self, snapshot: PatientSnapshot) -> None:
        """Header and documents first (what the GP sees at once); the other tabs right after the first paint,
        or as soon as one of them is chosen."""
        self._snapshot = snapshot
        self._tabs.setEnabled(True)
        self._header.set_snapshot(snapshot)
        self._documents.set_rows(snapshot.server_id, snapshot.patient_id, snapshot.documents)
        self._pending = {"labs", "problems", "encounters"}
        self._fill_tab(self.current_tab())
        later(self, "later-tabs", self._fill_later_tabs, LATER_TABS_DELAY_MS)

    def _fill_later_tabs(self) -> None:
        if self._snapshot is None:
            return
        for name in list(self._pending):
            self._fill_tab(name)
        self.patient_loaded.emit(self._snapshot.server_id, self._snapshot.patient_id)

    def _fill_tab(self, name: str) -> None:
        snapshot = self._snapshot
        if snapshot is None or name not in self._pending:
            return
        self._pending.discard(name)
        if name == "labs":
            self._labs.set_rows(snapshot.labs, (snapshot.server_id, snapshot.patient_id))
        elif name == "problems":
            self._problems.set_snapshot(snapshot)
        elif name == "encounters":
            self._encounters.set_rows(snapshot.encounters)

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES):
            self._fill_tab(TAB_NAMES[index])

    def clear(self) -> None:
        """Drop every piece of patient data from the widgets (the profile is being locked)."""
        drop(self)
        self._patient = None
        self._clear_widgets()

    def _clear_widgets(self) -> None:
        self._snapshot = None
        self._pending = set()
        self._message.clear()
        self._message.hide()
        self._header.clear()
        self._documents.clear()
        self._labs.clear()
        self._problems.clear()
        self._encounters.clear()
        self._medication.clear()
        self._tabs.setEnabled(False)

    def current_patient(self) -> tuple[str, str] | None:
        return self._patient

    def snapshot(self) -> PatientSnapshot | None:
        """The data currently shown (None while loading or when no patient is open)."""
        return self._snapshot

    # -- tabs -----------------------------------------------------------------------------------------------
    def tab_titles(self) -> list[str]:
        """The tab titles with their Alt+letter mnemonics (&), in the tabs' order."""
        return [self.tr("&Documents"), self.tr("&Lab results"), self.tr("P&roblems and allergies"),
                self.tr("&Stays"), self.tr("&Medication")]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for index, title in enumerate(self.tab_titles()):
            self._tabs.setTabText(index, title)
            self._tabs.setTabToolTip(index, self.tr("%1 (Ctrl+%2)").replace("%1", title.replace("&", ""))
                                     .replace("%2", str(index + 1)))
        self._tabs.setAccessibleName(self.tr("Patient record"))
        self._tabs.setAccessibleDescription(self.tr("Tabs of the open patient: Ctrl+1 to Ctrl+5, Ctrl+PgDown and "
                                                    "Ctrl+PgUp"))

    def select_tab(self, name: str) -> None:
        if name not in TAB_NAMES:
            raise ValueError(f"unknown tab {name!r}; expected one of {', '.join(TAB_NAMES)}")
        self._tabs.setCurrentIndex(TAB_NAMES.index(name))

    def current_tab(self) -> str:
        return TAB_NAMES[self._tabs.currentIndex()]

    def medication_widget(self) -> MedicationView:
        return self._medication

    # -- printing -------------------------------------------------------------------------------------------
    def print_current(self) -> object:
        """Print what the current tab shows (the open document, the lab results, the medication comparison);
        None on a tab with nothing to print."""
        tab = self.current_tab()
        if tab == "documents":
            return self._documents.print_current()
        if tab == "labs":
            return self.lab_tab().print_current()
        if tab == "medication":
            return self._medication.print_current()
        return None

    def print_actions(self) -> list[QAction]:
        """The tabs' own Print actions (their buttons and menus)."""
        return [self._documents.actions.print_action, self._labs.print_action, self._medication.print_action]

    # -- documents ------------------------------------------------------------------------------------------
    def open_document(self, resource_type: str, resource_id: str) -> None:
        self.select_tab("documents")
        self._documents.open_document(resource_type, resource_id)

    def open_first_pdf(self) -> bool:
        """Open the newest PDF document of the patient (for screenshots and end-to-end tests)."""
        self.select_tab("documents")
        return self._documents.open_first_pdf()

    def _show_encounter_documents(self, encounter_id: str) -> None:
        label = ""
        if self._snapshot is not None:
            for row in self._snapshot.encounters:
                if row.encounter.id == encounter_id:
                    label = encounter_label(row.encounter, row.service)
        self._documents.set_encounter_filter(encounter_id, label)
        self.select_tab("documents")

    # -- parts, for the shell's screenshots and tests -----------------------------------------------------
    def header(self) -> PatientHeader:
        return self._header

    def documents_tab(self) -> DocumentsTab:
        return self._documents

    def lab_tab(self) -> LabTab:
        self._fill_tab("labs")  # filled from the current snapshot if it was still waiting
        return self._labs

    def problems_tab(self) -> ProblemsTab:
        self._fill_tab("problems")
        return self._problems

    def encounters_tab(self) -> EncountersTab:
        self._fill_tab("encounters")
        return self._encounters

    def tab_widget(self) -> QTabWidget:
        return self._tabs
