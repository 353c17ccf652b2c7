"""What leaves the encrypted store, without Qt: default file names, the hospital's file saved as sent and
logged, prints logged with the patient and the document, and what is new since the GP last opened a patient."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from consult_desktop.record import actions, exports
from consult_desktop.record.changes import FileWritten
from consult_desktop.record.patient_snapshot import load_patient_snapshot
from consult_desktop.store import Profile

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402


@pytest.fixture
def store(tmp_path: Path):
    opened = actions.create_profile(Profile.resolve(tmp_path / "profile"), "pass phrase for tests", rec.FAST_KDF)
    rec.fill_store(opened)
    yield opened
    opened.close()


def test_file_names_carry_the_patient_the_document_and_the_day_and_are_safe_everywhere() -> None:
    day = dt.date(2026, 11, 5)
    assert exports.file_name("DUBOIS-LEFÈVRE, Élodie", "Lettre de sortie: cardio/USI", ".pdf", day) == \
        "DUBOIS-LEFEVRE Elodie - Lettre de sortie cardio USI - 2026-11-05.pdf"
    assert exports.file_name("", "Compte rendu", ".txt", day) == "Compte rendu - 2026-11-05.txt"
    assert exports.extension_for("application/pdf") == ".pdf"
    assert exports.extension_for("text/plain; charset=utf-8") == ".txt"
    assert exports.extension_for(None) == ".bin"


def test_saving_writes_the_original_bytes_and_logs_patient_and_document(store, tmp_path: Path) -> None:
    original = exports.original_file(store, rec.SERVER, "DocumentReference", "d-pdf")
    assert original is not None and original.extension == ".pdf" and original.data[:5] == b"%PDF-"
    target = tmp_path / "copy.pdf"
    written = exports.save_document(store, rec.SERVER, rec.PATIENT, "DocumentReference", "d-pdf", target)
    assert written == FileWritten(str(target)) and target.read_bytes() == original.data
    exports.record_print(store, rec.SERVER, rec.PATIENT, "document", "DocumentReference", "d-text")
    exports.record_print(store, rec.SERVER, rec.PATIENT, "labs")
    log = [(e.action, e.patient_id, e.object_type, e.object_id) for e in store.audit.entries(patient_id=rec.PATIENT)]
    assert ("document-saved", rec.PATIENT, "DocumentReference", "d-pdf") in log
    assert ("document-printed", rec.PATIENT, "DocumentReference", "d-text") in log
    assert ("labs-printed", rec.PATIENT, None, None) in log


def test_a_document_of_another_patient_or_without_a_file_is_not_saved(store, tmp_path: Path) -> None:
    with pytest.raises(LookupError):
        exports.save_document(store, rec.SERVER, "someone-else", "DocumentReference", "d-pdf", tmp_path / "x.pdf")
    with pytest.raises(LookupError):
        exports.save_document(store, rec.SERVER, rec.PATIENT, "DocumentReference", "d-pending", tmp_path / "y.pdf")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
    assert not [e for e in store.audit.entries(patient_id=rec.PATIENT) if e.action == "document-saved"]


def test_what_arrived_since_the_gp_left_the_patient_is_marked_new(store) -> None:
    first = load_patient_snapshot(store, rec.SERVER, rec.PATIENT)
    assert all(row.new for row in first.documents) and all(row.new for row in first.labs)  # never opened
    actions.mark_viewed(store, rec.SERVER, rec.PATIENT)  # the GP leaves the patient: all of it is seen
    seen = load_patient_snapshot(store, rec.SERVER, rec.PATIENT)
    assert not any(row.new for row in seen.documents) and not any(row.new for row in seen.labs)
    store.resources.put_many(rec.SERVER, [rec.observation("o-new", "2160-0", "Creatinine", 2.4, "mg/dL", 0.6, 1.1,
                                                          "2025-03-01T07:00:00+01:00")])
    later = load_patient_snapshot(store, rec.SERVER, rec.PATIENT)
    assert [row.result.id for row in later.labs if row.new] == ["o-new"]
    assert not any(row.new for row in later.documents)
