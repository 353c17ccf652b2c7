"""The list's "new" count counts a report once, although the hospital also publishes it as a DocumentReference
that names it (`context.related`), as the patient's document list shows it once."""

from __future__ import annotations

from pathlib import Path

from consult_desktop.store import KdfParams, Profile

FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8)


def test_a_published_report_is_new_once(tmp_path: Path) -> None:
    subject = {"reference": "Patient/p1"}
    pdf = {"contentType": "application/pdf", "url": "Binary/b1"}
    with Profile.resolve(tmp_path / "p").create("new items pass phrase", kdf=FAST_KDF) as store:
        store.resources.put_many("h", [
            {"resourceType": "Patient", "id": "p1", "name": [{"family": "Claes"}]},
            {"resourceType": "DiagnosticReport", "id": "r1", "status": "final", "code": {"text": "RX thorax"},
             "subject": subject, "presentedForm": [pdf]},
            {"resourceType": "DocumentReference", "id": "d1", "status": "current", "subject": subject,
             "content": [{"attachment": pdf}], "context": {"related": [{"reference": "DiagnosticReport/r1"}]}},
            {"resourceType": "DocumentReference", "id": "d2", "status": "current", "subject": subject,
             "content": [{"attachment": {"contentType": "text/plain", "data": "aGk="}}]},
        ])
        [summary] = store.patient_summaries()
        assert summary.new_items == 2  # the report and the other letter
