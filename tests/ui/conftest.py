"""Fixtures for the desktop shell tests: isolated preferences and caches, a small known profile, helpers.

The profile holds three patients whose names, SSINs, birth dates, stays and documents the tests assert on,
plus one quarantined resource; it is written straight into the Store the way a sync would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from consult_desktop.store import KdfParams, Profile, Store
from consult_desktop.ui.shell.qt_compat import protect_singletons
from consult_desktop.ui.shell.task_runner import TaskRunner

# Without this, PySide6 6.12.0 on CPython 3.11 aborts the test run after a few thousand signal emits.
protect_singletons()

FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8)
PASSPHRASE = "correct horse battery staple"
SERVER = "hosp"
SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"
TODAY = dt.date.today()
DUBOIS, JANSSENS, PEETERS = "p-dubois", "p-janssens", "p-peeters"


@pytest.fixture(scope="session", autouse=True)
def _english_texts(qapp, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The English translation holds the plural forms ("1 patient", "7 minutes"), as in the program."""
    from consult_desktop.ui.shell import i18n

    mp = pytest.MonkeyPatch()
    mp.setenv("CONSULT_CACHE_DIR", str(tmp_path_factory.mktemp("i18n-cache")))
    try:
        i18n.install(qapp, "en")
    finally:
        mp.undo()


@pytest.fixture(autouse=True)
def _isolated_desktop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONSULT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CONSULT_CACHE_DIR", str(tmp_path / "cache"))


def _days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def _patient(pid: str, family: str, given: str, birth: str, ssin: str, gender: str) -> dict:
    return {"resourceType": "Patient", "id": pid, "meta": {"versionId": "1", "lastUpdated": "2024-01-01T00:00:00Z"},
            "name": [{"use": "official", "family": family, "given": [given]}], "birthDate": birth,
            "gender": gender, "identifier": [{"system": SSIN_SYSTEM, "value": ssin}]}


def _encounter(eid: str, pid: str, start: str, end: str) -> dict:
    return {"resourceType": "Encounter", "id": eid, "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
            "subject": {"reference": f"Patient/{pid}"}, "period": {"start": start, "end": end}}


def _document(did: str, pid: str, date: str, title: str) -> dict:
    import base64

    text = base64.b64encode(f"{title}: suivi chez le médecin traitant.".encode()).decode()
    return {"resourceType": "DocumentReference", "id": did, "status": "current", "date": date,
            "type": {"text": title}, "subject": {"reference": f"Patient/{pid}"},
            "content": [{"attachment": {"contentType": "text/plain", "data": text, "title": title}}]}


def _observation(oid: str, pid: str, date: str) -> dict:
    return {"resourceType": "Observation", "id": oid, "status": "final",
            "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                      "code": "laboratory"}]}],
            "code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}], "text": "Creatinine"},
            "subject": {"reference": f"Patient/{pid}"}, "effectiveDateTime": date,
            "valueQuantity": {"value": 1.1, "unit": "mg/dL"}}


def shell_resources() -> list[dict]:
    return [
        _patient(DUBOIS, "Dubois-Lefèvre", "Élodie", "1985-07-30", "85073003328", "female"),
        _patient(JANSSENS, "Janssens", "Jan", "1950-12-31", "50123100154", "male"),
        _patient(PEETERS, "Peeters", "Anne", "1972-03-05", "72030500246", "female"),
        _encounter("enc-1", DUBOIS, _days_ago(8) + "T09:00:00+01:00", _days_ago(3) + "T11:00:00+01:00"),
        _document("doc-1", DUBOIS, _days_ago(3) + "T11:00:00+01:00", "Lettre de sortie"),
        _document("doc-2", DUBOIS, _days_ago(4) + "T11:00:00+01:00", "Protocole opératoire"),
        _encounter("enc-2", JANSSENS, _days_ago(70) + "T09:00:00+01:00", _days_ago(60) + "T11:00:00+01:00"),
        _observation("obs-1", PEETERS, _days_ago(20) + "T08:00:00+01:00"),
    ]


def fill_store(store: Store) -> None:
    store.servers.save(SERVER, "http://127.0.0.1:9/fhir", {"base_url": "http://127.0.0.1:9/fhir"})
    store.resources.put_many(SERVER, shell_resources())
    store.resources.quarantine(SERVER, {"resourceType": "Observation", "id": "obs-bad-7",
                                        "subject": {"reference": f"Patient/{PEETERS}"}},
                               "valueQuantity.value: not a number", patient_id=PEETERS)


def create_filled_profile(directory: Path) -> Profile:
    profile = Profile.resolve(directory)
    with profile.create(PASSPHRASE, kdf=FAST_KDF) as store:
        fill_store(store)
    return profile


@pytest.fixture
def runner(qtbot) -> Any:
    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def filled_profile(tmp_path: Path) -> Profile:
    return create_filled_profile(tmp_path / "profile")


def wait_result(qtbot, start: Callable[[Callable[[Any], None], Callable[[BaseException], None]], Any],
                timeout: int = 15000) -> Any:
    """Run `start(on_success, on_error)` and wait for either; re-raise an error."""
    out: list = []
    start(out.append, out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=timeout)
    if isinstance(out[0], BaseException):
        raise out[0]
    return out[0]


def db_call(qtbot, runner: TaskRunner, fn: Callable[[Store], Any]) -> Any:
    return wait_result(qtbot, lambda ok, err: runner.db(fn, ok, err))


def unlock(qtbot, runner: TaskRunner, profile: Profile, passphrase: str = PASSPHRASE) -> None:
    wait_result(qtbot, lambda ok, err: runner.open_store(lambda: profile.unlock(passphrase), ok, err))


@pytest.fixture
def known(qtbot) -> SimpleNamespace:
    """The known profile's constants and helpers bound to this test's qtbot."""
    return SimpleNamespace(
        PASSPHRASE=PASSPHRASE, SERVER=SERVER, DUBOIS=DUBOIS, JANSSENS=JANSSENS, PEETERS=PEETERS, FAST_KDF=FAST_KDF,
        db=lambda runner, fn: db_call(qtbot, runner, fn),
        unlock=lambda runner, profile, passphrase=PASSPHRASE: unlock(qtbot, runner, profile, passphrase),
        wait=lambda start, timeout=15000: wait_result(qtbot, start, timeout),
        create_filled_profile=create_filled_profile,
    )
