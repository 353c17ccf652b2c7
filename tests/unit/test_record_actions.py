"""The record layer without Qt: the patient snapshot a screen paints first, the session actions with their
audit entries and the changes they return, and the small reads of the shell."""

from __future__ import annotations

import sys
from pathlib import Path

from consult_desktop.record import actions, queries
from consult_desktop.record.changes import VIEWED, FileWritten, PatientChanged, ProfileWiped
from consult_desktop.record.document_content import ContentKind
from consult_desktop.record.patient_snapshot import AllergyStatus, load_patient_snapshot
from consult_desktop.store import Profile

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
import patient_records as rec  # noqa: E402


def test_snapshot_actions_and_reads_on_a_real_encrypted_store(tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "profile")
    store = actions.create_profile(profile, "pass phrase for tests", rec.FAST_KDF)
    try:
        rec.fill_store(store)
        snapshot = load_patient_snapshot(store, rec.SERVER, rec.PATIENT)
        assert snapshot.patient is not None and snapshot.patient_id == rec.PATIENT
        assert snapshot.allergy_status is AllergyStatus.RECORDED and snapshot.active_allergies
        assert snapshot.documents and snapshot.labs

        actions.open_patient(store, rec.SERVER, rec.PATIENT)
        first = snapshot.documents[0]
        content = actions.open_document(store, rec.SERVER, rec.PATIENT, first.resource_type, first.resource_id)
        assert content.kind is not ContentKind.MISSING
        assert actions.mark_viewed(store, rec.SERVER, rec.PATIENT) == PatientChanged(
            (rec.SERVER, rec.PATIENT), frozenset({VIEWED}))
        assert store.views.last_viewed(rec.SERVER, rec.PATIENT) is not None
        written = actions.record_export(store, rec.SERVER, rec.PATIENT, tmp_path / "summary.pdf")
        assert written == FileWritten(str(tmp_path / "summary.pdf"))
        actions.audit_session(store, "lock")
        log = [(e.action, e.patient_id) for e in queries.access_log(store, 100)]
        assert ("open-patient", rec.PATIENT) in log and ("reconciliation-exported", rec.PATIENT) in log
        assert ("open-document", rec.PATIENT) in log
        assert ("profile-created", None) in log and ("lock", None) in log
        assert [s.id for s in queries.patient_list(store)] == [rec.PATIENT]
    finally:
        store.close()
    assert actions.wipe_profile(profile) == ProfileWiped()
    assert not profile.exists()


def test_a_read_only_profile_can_be_read_through_the_actions(tmp_path: Path, monkeypatch) -> None:
    """On a medium that cannot be written, opening a patient or a document and leaving them work; the
    bookkeeping they would write is skipped and nothing in the profile changes."""
    profile = Profile.resolve(tmp_path / "profile")
    with actions.create_profile(profile, "pass phrase for tests", rec.FAST_KDF) as store:
        rec.fill_store(store)
        entries_before = len(store.audit.entries())
    monkeypatch.setattr(Profile, "is_read_only", lambda self: True)
    with profile.unlock("pass phrase for tests") as store:
        assert store.read_only
        actions.open_patient(store, rec.SERVER, rec.PATIENT)
        document = load_patient_snapshot(store, rec.SERVER, rec.PATIENT).documents[0]
        content = actions.open_document(store, rec.SERVER, rec.PATIENT, document.resource_type,
                                        document.resource_id)
        assert content.kind is not ContentKind.MISSING
        actions.mark_viewed(store, rec.SERVER, rec.PATIENT)
    monkeypatch.undo()
    with profile.unlock("pass phrase for tests") as store:
        assert len(store.audit.entries()) == entries_before
        assert store.views.last_viewed(rec.SERVER, rec.PATIENT) is None
