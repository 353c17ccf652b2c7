"""`PatientViewRepository`: when the GP last opened each patient (for the "new since last view" count).

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
