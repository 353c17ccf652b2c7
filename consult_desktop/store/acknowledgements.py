"""`AcknowledgementRepository`: safety flags the GP acknowledged, with their reason (audited).

Runs on the store's thread.
"""

from __future__ import annotations

from consult_desktop.store.audit import AuditLog
from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


class AcknowledgementRepository:
    def __init__(self, conn: Connection, audit: AuditLog) -> None:
        self._conn = conn
        self._audit = audit

    def acknowledge(self, server_id: str, patient_id: str, flag_key: str, reason: str) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO flag_acks(server_id, patient_id, flag_key, reason, acked_at) "
                "VALUES (?,?,?,?,?)",
                (server_id, patient_id, flag_key, reason, utc_now()),
            )
            self._audit.write("flag-acknowledged", server_id=server_id, patient_id=patient_id, object_type="flag",
                              object_id=flag_key, detail=reason)

    def for_patient(self, server_id: str, patient_id: str) -> dict[str, tuple[str, str]]:
        """flag key -> (reason, acknowledged at)."""
        rows = self._conn.execute(
            "SELECT flag_key, reason, acked_at FROM flag_acks WHERE server_id=? AND patient_id=?",
            (server_id, patient_id),
        )
        return {r[0]: (r[1], r[2]) for r in rows}
