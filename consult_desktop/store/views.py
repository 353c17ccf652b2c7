"""`PatientViewRepository`: when the GP last opened each patient (for the "new since last view" count and the
marks on what is new inside the patient).

Runs on the store's thread.
"""

from __future__ import annotations

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


class PatientViewRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def mark_viewed(self, server_id: str, patient_id: str, at: str | None = None) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO patient_views(server_id, patient_id, last_viewed_at) VALUES (?,?,?)",
                (server_id, patient_id, at or utc_now()),
            )

    def last_viewed(self, server_id: str, patient_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT last_viewed_at FROM patient_views WHERE server_id=? AND patient_id=?", (server_id, patient_id)
        ).fetchone()
        return row[0] if row else None

    def new_since_viewed(self, server_id: str, patient_id: str) -> set[tuple[str, str]]:
        """(type, id) of the documents, reports and results stored since the GP last left this patient (all of
        them for a patient never opened), as the patient list's badge counts them."""
        rows = self._conn.execute(
            "SELECT r.type, r.id FROM resources r LEFT JOIN patient_views v ON v.server_id = r.server_id "
            "AND v.patient_id = r.patient_id WHERE r.server_id=? AND r.patient_id=? AND r.hidden = 0 "
            "AND r.type IN ('DocumentReference', 'DiagnosticReport', 'Observation') "
            "AND r.stored_at > coalesce(v.last_viewed_at, '')", (server_id, patient_id))
        return {(row[0], row[1]) for row in rows}
