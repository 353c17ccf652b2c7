"""One current patient: the list's selected row, the header, the allergy banner and every tab always name the
same patient, whatever the GP types, clicks or presses — on the 40 patients of the demo hospital (`--demo`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import Qt

from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.fhir import mapping
from consult_desktop.store import Profile
from consult_desktop.sync.progress import SyncReport, SyncStatus
from consult_desktop.ui.shell.main_window import MainWindow
from consult_desktop.ui.sync.sync_controller import SyncController
from consult_desktop.ui_settings import UiSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from demo_records import SERVER  # noqa: E402
from patient_records import FAST_KDF  # noqa: E402

PASSPHRASE = "pass phrase for tests"


@pytest.fixture(scope="module")
def hospital() -> DemoHospital:
    return DemoHospital(patients=40, seed=1)  # the hospital of `consult-desktop --demo`


@pytest.fixture(scope="module")
def names(hospital: DemoHospital) -> dict[str, str]:
    return {pid: mapping.display_name(mapping.map_patient(hospital.resource("Patient", pid)))
            for pid in hospital.patient_ids()}


@pytest.fixture(scope="module")
def demo_profile(hospital: DemoHospital, tmp_path_factory: pytest.TempPathFactory) -> Profile:
    profile = Profile.resolve(tmp_path_factory.mktemp("demo") / "profile")
    with profile.create(PASSPHRASE, kdf=FAST_KDF) as store:
        for pid in hospital.patient_ids():
            shared = [r for ref in hospital.shared_references(pid) if (r := hospital.resource(*ref)) is not None]
            store.resources.put_many(SERVER, shared)
            store.resources.put_many(SERVER, hospital.resources_of_patient(pid))
    return profile


def no_sync(profile, data_key, on_progress=None, cancel=None, patient_id=None) -> SyncReport:
    return SyncReport(SyncStatus.OK)


@pytest.fixture
def window(qtbot, runner, demo_profile: Profile, known) -> MainWindow:
    known.unlock(runner, demo_profile, PASSPHRASE)
    win = MainWindow(runner, demo_profile, SyncController(runner, demo_profile, sync_fn=no_sync), UiSettings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: win.list_panel.model.rowCount() == 40, timeout=30000)
    return win


def pid_of(names: dict[str, str], family: str) -> str:
    return next(pid for pid, name in names.items() if family.casefold() in name.casefold())


def search_and_enter(qtbot, window: MainWindow, text: str) -> None:
    """Ctrl+F, type (one key at a time, the list filtering between keys as it does for a GP), Enter."""
    search = window.list_panel.search
    qtbot.keyClick(search, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.list_panel.focus_search()
    for char in text:
        qtbot.keyClick(search, char)
        qtbot.wait(1)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def assert_one_patient_shown(qtbot, window: MainWindow, names: dict[str, str]) -> None:
    """The selected row (if any) is the current patient, and the header, banner and tabs show that patient."""
    selected = window.list_panel.current_key()
    current = window.current_patient
    assert selected is None or selected == current, f"list selects {selected}, window shows {current}"
    view = window.patient_view
    if current is None:
        assert view.current_patient() is None
        return
    qtbot.waitUntil(lambda: view.snapshot() is not None and view.snapshot().patient_id == current[1]
                    and view.documents_tab().current_patient() == current, timeout=15000)
    assert view.current_patient() == current
    assert view.header().name_text().startswith(names[current[1]])
    assert view.header().allergy_text()  # the banner is filled from this patient's snapshot
    assert view.medication_widget().current_patient() == current


def test_second_search_with_enter_opens_the_selected_patient(qtbot, window: MainWindow, names) -> None:
    renard, dethier = pid_of(names, "Renard"), pid_of(names, "Dethier")
    search_and_enter(qtbot, window, "renard")
    assert window.current_patient == (SERVER, renard)
    assert_one_patient_shown(qtbot, window, names)

    search_and_enter(qtbot, window, "dethier")
    assert window.list_panel.current_key() == (SERVER, dethier)
    assert window.current_patient == (SERVER, dethier)
    assert_one_patient_shown(qtbot, window, names)

    table = window.list_panel.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(
        window.list_panel.proxy.index(0, 0)).center())
    assert window.current_patient == (SERVER, dethier)
    assert_one_patient_shown(qtbot, window, names)


def test_random_typing_keys_clicks_and_filters_never_show_another_patient(qtbot, window: MainWindow,
                                                                          names) -> None:
    panel = window.list_panel
    families = sorted({name.split()[0].strip(",").casefold() for name in names.values()})
    words = st.one_of(st.sampled_from(families), st.sampled_from(families).map(lambda w: w[:2]),
                      st.text(alphabet="abdeilmnorstu", min_size=1, max_size=3))

    class PatientListMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            panel.search.clear()
            panel.only_new.setChecked(False)
            panel.discharged.setChecked(False)
            qtbot.wait(1)

        @rule(text=words)
        def type_in_search(self, text: str) -> None:
            panel.focus_search()
            for char in text:
                qtbot.keyClick(panel.search, char)
            qtbot.wait(1)

        @rule(text=words)
        def search_then_enter(self, text: str) -> None:
            search_and_enter(qtbot, window, text)

        @rule(key=st.sampled_from([Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Home, Qt.Key.Key_End]))
        def arrow_key_in_list(self, key: Qt.Key) -> None:
            panel.table.setFocus()
            qtbot.keyClick(panel.table, key)

        @rule(where=st.integers(0, 999))
        def click_a_row(self, where: int) -> None:
            rows = panel.proxy.rowCount()
            if rows == 0:
                return
            index = panel.proxy.index(where % rows, 0)
            panel.table.scrollTo(index)
            qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                             pos=panel.table.visualRect(index).center())

        @rule(box=st.sampled_from(["only_new", "discharged"]))
        def toggle_filter(self, box: str) -> None:
            getattr(panel, box).click()

        @rule()
        def clear_search(self) -> None:
            panel.search.clear()
            qtbot.wait(1)

        @invariant()
        def one_patient_everywhere(self) -> None:
            assert_one_patient_shown(qtbot, window, names)

    run_state_machine_as_test(PatientListMachine, settings=settings(
        max_examples=25, stateful_step_count=15, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
