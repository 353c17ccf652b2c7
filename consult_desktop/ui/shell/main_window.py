"""`MainWindow`: the patient list on the left, the open patient on the right, sync in the toolbar and status bar.

It owns the session's flow: the one `CurrentPatient` that the list, the header and every tab follow (opening
a patient writes its audit record; leaving them marks them viewed), the `ChangeBus` the views listen to
(the list reloads on `RecordsSynced`, after a sync), explaining sync outcomes (offline, expired sign-in, partial),
and locking — by hand (Ctrl+L) or after inactivity — which clears every widget holding patient data, closes
the database and asks for the passphrase; after unlocking the GP is back on the same patient and tab. All store
and network work goes through the TaskRunner. GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from consult_desktop.record import actions, queries
from consult_desktop.record.changes import PatientKey, RecordsSynced
from consult_desktop.store import PatientSummary, Profile, Store
from consult_desktop.store.integrity import IntegrityReport, daily_check
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.dialogs.access_log_dialog import AccessLogDialog
from consult_desktop.ui.dialogs.unlock_dialog import UnlockDialog
from consult_desktop.ui.patients.patient_list_panel import PatientListPanel
from consult_desktop.ui.patients.patient_view import PatientView
from consult_desktop.ui.shell import main_menus, window_layout
from consult_desktop.ui.shell.change_bus import ChangeBus
from consult_desktop.ui.shell.current_patient import CurrentPatient
from consult_desktop.ui.shell.idle_lock import IdleLock
from consult_desktop.ui.shell.message_bar import MessageBar
from consult_desktop.ui.shell.task_runner import TaskRunner
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui.sync.sync_problems_dialog import SyncProblemsDialog
from consult_desktop.ui.sync.sync_status_bar import SyncStatusBar
from consult_desktop.ui.widgets.accessibility import name_qt_parts
from consult_desktop.ui.widgets.icons import app_icon
from consult_desktop.ui_settings import UiSettings

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    data_changed = Signal()
    locked = Signal()
    unlocked = Signal()
    closed = Signal()

    def __init__(self, runner: TaskRunner, profile: Profile, sync: SyncController, settings: UiSettings, *,
                 demo_hint: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.profile = profile
        self.sync = sync
        self.settings = settings
        self.demo_hint = demo_hint
        self.current = CurrentPatient(self)
        self.changes = ChangeBus(self)
        self._opened_new = 0  # the open patient's "new" count when opened: more means a sync brought records
        self._synced: RecordsSynced | None = None  # what the last sync changed, until the list has reloaded
        self._resume: tuple[tuple[str, str], str | None] | None = None
        self._locked = True  # until start()
        self._dialogs: list[QDialog] = []
        self.unlock_dialog: UnlockDialog | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())

        self.message_bar = MessageBar(self)
        self.list_panel = PatientListPanel(self, discharge_days=settings.discharge_days, current=self.current)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("patientPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.patient_view = PatientView(runner, self, changes=self.changes)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.patient_view)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        self.splitter = splitter
        splitter.addWidget(self.list_panel)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([540, 740])
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 0)
        column.addWidget(self.message_bar)
        column.addWidget(splitter, 1)
        self.locked_page = QLabel(self)
        self.locked_page.setObjectName("lockedPage")
        self.locked_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(content)
        self.pages.addWidget(self.locked_page)
        self.pages.setCurrentWidget(self.locked_page)
        self.setCentralWidget(self.pages)
        self.status = SyncStatusBar(sync, self)
        self.setStatusBar(self.status)

        self._texts: list[tuple[Callable[[str], object], Callable[[], str]]] = []
        main_menus.build(self)
        self.retranslate()
        self.idle = IdleLock(settings.idle_lock_minutes * 60_000, self)
        self.idle.timed_out.connect(self.lock)
        self.current.changed.connect(self._current_changed)
        self.list_panel.record_requested.connect(
            lambda: self.patient_view.tab_widget().tabBar().setFocus(Qt.FocusReason.OtherFocusReason))
        sync.finished.connect(self._sync_finished)
        sync.started.connect(lambda: self.sync_action.setEnabled(False))
        sync.data_changed.connect(self._records_synced)
        self.changes.records_synced.connect(self._on_records_synced)
        sync.sign_in_finished.connect(self._signed_in)
        self.data_changed.connect(self.reload)
        runner.error_unhandled.connect(self._unhandled_error)
        window_layout.restore(self)  # the user's last size and layout, within the screen
        name_qt_parts(self)

    def retranslate(self) -> None:
        """Every text of the window again, in the language now installed (after a change in Settings)."""
        for setter, text in self._texts:
            setter(text())
        self.setWindowTitle(self.tr("Consult Desktop") + (self.tr(" — demo") if self.demo_hint else ""))
        self.locked_page.setText(self.tr("Consult Desktop is locked."))
        if self.right.currentWidget() is self.placeholder:
            self.placeholder.setText(self.tr("Choose a patient in the list."))
        self.problems.retranslate()
        self.keyboard.retranslate()
        name_qt_parts(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "problems"):
            self.retranslate()
        super().changeEvent(event)

    def print_current(self) -> None:
        """Ctrl+P: print what the open patient's current tab shows."""
        if self.current.key is not None and not self._locked:
            self.patient_view.print_current()

    def _import_medication(self) -> None:
        """File > Import: the medication tab of the patient on screen reads the file and shows a preview."""
        found = self.patient_view.findChild(QObject, "medicationFileActions") if self.patient_view else None
        if found is not None and self.patient_view is not None:
            self.patient_view.select_tab("medication")  # type: ignore[attr-defined]
            found.import_file()  # type: ignore[attr-defined]

    # -- session -----------------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self._locked

    @property
    def current_patient(self) -> PatientKey | None:
        return self.current.key

    def start(self, *, sync_now: bool = False) -> None:
        """The profile is unlocked in the runner: show the data and start the timers."""
        self._locked = False
        self.pages.setCurrentIndex(0)
        self.sync.set_enabled(True)
        self.sync.set_auto_interval(self.settings.auto_sync_minutes)
        self.sync.refresh_last_sync()
        self.idle.set_timeout_ms(self.settings.idle_lock_minutes * 60_000)
        self.idle.start()
        self.reload()
        self._check_profile()
        if sync_now:
            self.start_sync()

    def _check_profile(self) -> None:
        """After unlocking: say when the profile is read-only; look for damage at most once a day."""
        self.runner.db(lambda store: (store.read_only, daily_check(store)), self._profile_checked,
                       self._unhandled_error)

    def _profile_checked(self, result: tuple[bool, IntegrityReport | None]) -> None:
        read_only, report = result
        if report is not None and not report.ok:
            self.message_bar.show_message("error", self.tr(
                "The local database is damaged. The hospital data can be synced again, your own data cannot "
                "(prescriptions, decisions, acknowledgements, access log): save it now with "
                "consult-desktop backup --out FILE, and restore it into a fresh profile."))
        elif read_only:
            self.sync.set_enabled(False)  # a sync could store nothing
            self.message_bar.show_message("info", self.tr(
                "This profile is read-only: its folder or drive cannot be written. You can read everything; "
                "nothing can be saved (no sync, prescriptions, decisions or access log entries)."))

    def reload(self) -> None:
        if self._locked:
            return
        self.runner.query(self, queries.patient_list, self._rows_loaded, self._unhandled_error, slot="patients")
        self.problems.refresh()

    def _rows_loaded(self, rows: list[PatientSummary]) -> None:
        if self._locked:
            return
        current = self.current.key
        keys = {(r.server_id, r.id): r.new_items for r in rows}
        self.list_panel.set_summaries(rows)
        if current is not None and current not in keys:
            # The hospital no longer shares this patient with the GP: the local copy was removed.
            self.current.set(None)
            self.placeholder.setText(self.tr("This patient's record is no longer available to you."))
        synced, self._synced = self._synced, None
        if current is not None and current in keys and (
                keys[current] > self._opened_new or (synced is not None and synced.touches(current))):
            self._refresh_patient(current, keys[current])
        if self._resume is not None:
            (key, tab), self._resume = self._resume, None
            if key in keys:
                self.open_patient(*key)  # may be hidden by a list filter: opened anyway
                if tab:
                    self.patient_view.select_tab(tab)

    def _refresh_patient(self, key: PatientKey, new_items: int) -> None:
        """A sync changed the open patient's records (new documents or results, or their medication, stays,
        problems...): show them again in place, on the same tab, the open document staying open. Not done for a
        sync that changed only other patients."""
        arrived = new_items > self._opened_new
        self._opened_new = new_items
        tab = self.patient_view.current_tab()
        self.patient_view.show_patient(*key)
        self.patient_view.select_tab(tab)
        self.status.showMessage(self.tr("New documents or results arrived for this patient.") if arrived
                                else self.tr("This patient's record was updated by the sync."), 8000)

    def _records_synced(self) -> None:
        """After a sync that changed data: find which patients it changed, then announce it on the change bus
        (any patient when resources were deleted or patients purged: those leave no trace to look for)."""
        report, since = self.sync.last_report, self.sync.changed_since
        if since is None or report is None or report.resources_deleted or report.patients_purged:
            self.changes.announce(RecordsSynced())
            return
        self.runner.query(self, lambda store: queries.patients_changed_since(store, since),
                          lambda keys: self.changes.announce(RecordsSynced(frozenset(keys))),
                          lambda _exc: self.changes.announce(RecordsSynced()), slot="synced")

    def _on_records_synced(self, change: RecordsSynced) -> None:
        self._synced = change
        self.data_changed.emit()

    def open_patient(self, server_id: str, patient_id: str) -> None:
        """Make this patient the current one (the list selects their row, the record opens)."""
        if not self._locked:
            self.current.set((server_id, patient_id))

    def _current_changed(self, previous: PatientKey | None, key: PatientKey | None) -> None:
        if previous is not None:
            self._leave(previous)
        if key is None:
            self.patient_view.clear()
            self.right.setCurrentWidget(self.placeholder)
            return
        server_id, patient_id = key
        row = self.list_panel.model.row_of(server_id, patient_id)
        self._opened_new = self.list_panel.model.summary(row).new_items if row >= 0 else 0
        self.runner.db(lambda store: actions.open_patient(store, server_id, patient_id), None,
                       self._unhandled_error)
        self.patient_view.show_patient(server_id, patient_id)
        self.right.setCurrentWidget(self.patient_view)

    def _leave(self, key: PatientKey) -> None:
        server_id, patient_id = key
        if self.list_panel.model.row_of(server_id, patient_id) < 0:
            return  # their local copy was removed by a sync
        self.runner.db(lambda store: actions.mark_viewed(store, server_id, patient_id), self.changes.announce,
                       self._unhandled_error)
        self.list_panel.clear_badge(server_id, patient_id)

    # -- locking -----------------------------------------------------------------------------------------
    def lock(self) -> None:
        if self._locked:
            return
        current = self.current.key
        self._resume = (current, self.patient_view.current_tab()) if current is not None else None
        self.current.set(None)  # marks the patient viewed and clears every widget holding their data
        self._locked = True
        self.runner.db(lambda store: actions.audit_session(store, "lock"), None, lambda exc: None)
        self.sync.set_enabled(False)
        self.idle.stop()
        for dialog in self._dialogs:
            dialog.close()
        self._dialogs.clear()
        self.right.setCurrentWidget(self.placeholder)
        self.placeholder.setText(self.tr("Choose a patient in the list."))
        self.list_panel.search.clear()
        self.list_panel.set_summaries([])
        self.message_bar.hide()
        self.pages.setCurrentWidget(self.locked_page)
        self.runner.close_store()
        self.locked.emit()
        self.unlock_dialog = UnlockDialog(self.runner, self.profile, self, hint=self.demo_hint, relock=True)
        self.unlock_dialog.accepted.connect(self._after_unlock)
        self.unlock_dialog.rejected.connect(self.close)
        self.unlock_dialog.open()

    def _after_unlock(self) -> None:
        self.unlock_dialog = None
        self.runner.db(lambda store: actions.audit_session(store, "unlock"), None, self._unhandled_error)
        self.start()
        self.unlocked.emit()

    # -- sync --------------------------------------------------------------------------------------------
    def start_sync(self) -> None:
        if not self._locked:
            self.sync.start()

    def _sync_finished(self, report: SyncReport) -> None:
        self.sync_action.setEnabled(True)
        status = report.status
        if status == SyncStatus.OK:
            if self.message_bar.kind != "error":
                self.message_bar.hide()
            self.status.showMessage(self.tr("Sync complete: %n record(s) updated.", "", report.resources_written),
                                    8000)
        elif status == SyncStatus.PARTIAL:
            self.message_bar.show_message("problems", self.tr(
                "The sync finished, but some records could not be fetched. Everything received is shown; the "
                "rest will be tried again next time."), [(self.tr("Show problems"), self.open_sync_problems)])
        elif status == SyncStatus.UNREACHABLE:
            self.message_bar.show_message("offline", self.tr("Offline — showing the local copy. The hospital "
                                                             "server could not be reached.")
                                          + (f" ({report.message})" if report.message else ""),
                                          [(self.tr("Try again"), self.start_sync)])
        elif status == SyncStatus.AUTH_FAILED:
            self._explain_auth_failure(report)
        elif status == SyncStatus.CANCELLED:
            self.status.showMessage(self.tr("Sync cancelled; what was received so far is kept."), 8000)
        else:
            self.message_bar.show_message("error", self.tr("The sync failed: %1").replace("%1", report.message or "?"),
                                          [(self.tr("Settings…"), lambda: self.open_settings(server_tab=True)),
                                           (self.tr("Try again"), self.start_sync)])

    def _explain_auth_failure(self, report: SyncReport) -> None:
        def show(kind: str | None) -> None:
            if kind == "smart":
                self.message_bar.show_message("error", self.tr(
                    "Your hospital sign-in has expired. Sign in again to sync; the local copy is still available."),
                    [(self.tr("Sign in again"), self.sync.sign_in)])
            else:
                self.message_bar.show_message("error", self.tr(
                    "The hospital refused the credentials of this program. Check the server settings; the local "
                    "copy is still available."), [(self.tr("Settings…"), lambda: self.open_settings(server_tab=True))])

        def auth_kind(store: Store) -> str | None:  # database thread
            config = queries.server_settings(store)
            return config.auth_kind if config is not None else None

        self.runner.db(auth_kind, show, lambda exc: show(None))

    def _signed_in(self, error: str | None) -> None:
        if error:
            self.message_bar.show_message("error", self.tr("Sign-in failed: %1").replace("%1", error),
                                          [(self.tr("Sign in again"), self.sync.sign_in)])
        else:
            self.status.showMessage(self.tr("Signed in."), 5000)

    # -- dialogs -----------------------------------------------------------------------------------------
    def track_dialog(self, dialog: QDialog) -> QDialog:
        """Show a dialog that closes with the window and when it locks."""
        return self._track(dialog)

    def _track(self, dialog: QDialog) -> QDialog:
        self._dialogs.append(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._dialogs.remove(dialog) if dialog in self._dialogs else None)
        dialog.show()
        return dialog

    def open_access_log(self) -> AccessLogDialog | None:
        if self._locked:
            return None
        dialog = AccessLogDialog(self.runner, self, patient=self.current.key)
        self._track(dialog)
        return dialog

    def open_sync_problems(self) -> SyncProblemsDialog | None:
        if self._locked:
            return None
        report = self.sync.last_report
        dialog = SyncProblemsDialog(self.runner, self, problems=list(report.problems) if report else [])
        self.data_changed.connect(dialog.reload)
        self._track(dialog)
        return dialog

    def open_settings(self, server_tab: bool = False) -> None:
        if self._locked:
            return
        from consult_desktop.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.runner, self.settings, self)
        if server_tab:
            dialog.show_server_tab()
        dialog.settings_changed.connect(self.apply_settings)
        dialog.server_saved.connect(lambda: self._server_saved(dialog.sign_in_wanted))
        dialog.servers_changed.connect(self.changes.announce)  # a hospital added or removed: the list
        self._track(dialog)

    def _server_saved(self, sign_in: bool) -> None:
        if sign_in:
            self.sync.sign_in()
        else:
            self.start_sync()

    def apply_settings(self, settings: UiSettings) -> None:
        previous, self.settings = self.settings, settings
        if settings.language != previous.language:
            self.switch_language(settings.language)
        self.idle.set_timeout_ms(settings.idle_lock_minutes * 60_000)
        self.sync.set_auto_interval(settings.auto_sync_minutes)
        self.list_panel.set_discharge_days(settings.discharge_days)

    def switch_language(self, preference: str) -> None:
        """Apply a language at once: new translators (every widget then gets a LanguageChange and retranslates),
        medication texts in it, and the open patient shown again from their data in the new words."""
        from PySide6.QtWidgets import QApplication

        from consult_desktop.ui.shell import i18n

        i18n.apply(QApplication.instance(), preference)
        key = self.current.key
        if key is not None and not self._locked:
            tab = self.patient_view.current_tab()
            self.patient_view.show_patient(*key)
            self.patient_view.select_tab(tab)

    def _about(self) -> None:
        from consult_desktop.ui.dialogs.about_dialog import show_about

        show_about(self, None if self._locked else self.runner)

    def wipe_workstation(self) -> None:
        """Locum leaving: remove the profile and its keychain entry from this computer, then quit."""
        from consult_desktop.ui.dialogs.wipe_workstation import confirm_and_wipe

        if confirm_and_wipe(self, self.runner, self.profile, sync=self.sync):
            self._locked = True
            self.current.blockSignals(True)  # the profile is gone: nothing to mark as viewed
            self.current.set(None)
            self.current.blockSignals(False)
            self.idle.stop()
            self.patient_view.clear()
            self.close()

    def _unhandled_error(self, exc: BaseException) -> None:
        if self._locked and "locked" in str(exc):
            return  # work that was queued before the lock
        self.message_bar.show_message("error", self.tr("Something went wrong: %1").replace(
            "%1", str(exc) or type(exc).__name__))

    # -- closing -----------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        window_layout.save(self)
        if not self._locked:
            self.current.set(None)
        self.sync.set_enabled(False)
        self.idle.shutdown()
        for dialog in list(self._dialogs):
            dialog.close()
        event.accept()
        self.closed.emit()
