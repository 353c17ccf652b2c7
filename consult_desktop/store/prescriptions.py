"""`PrescriptionRepository`: the GP's own prescriptions, one MedicationStatement-shaped JSON per line.

Runs on the store's thread.
"""

from __future__ import annotations

import json
import uuid

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


class PrescriptionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, server_id: str, patient_id: str, resource: dict, pid: str | None = None) -> str:
        """Insert or update one prescription (a MedicationStatement-shaped dict); returns its id.

        An id that already belongs to another patient is refused: one patient's list can never overwrite
        another's, whatever ids an import file carries.
        """
        pid = pid or resource.get("id") or str(uuid.uuid4())
        resource = {**resource, "id": pid}
        now = utc_now()
        with transaction(self._conn):
            cur = self._conn.execute(
                "INSERT INTO gp_prescriptions(id, server_id, patient_id, json, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET json=excluded.json, updated_at=excluded.updated_at "
                "WHERE gp_prescriptions.server_id = excluded.server_id "
                "AND gp_prescriptions.patient_id = excluded.patient_id",
                (pid, server_id, patient_id, json.dumps(resource, ensure_ascii=False), now, now),
            )
            if cur.rowcount == 0:
                raise ValueError("this prescription id belongs to another patient")
        return pid

    def for_patient(self, server_id: str, patient_id: str) -> list[dict]:
        rows = self._conn.execute(
            "SELECT json FROM gp_prescriptions WHERE server_id=? AND patient_id=? ORDER BY created_at",
            (server_id, patient_id),
        )
        return [json.loads(r[0]) for r in rows]

    def delete(self, pid: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM gp_prescriptions WHERE id=?", (pid,))
