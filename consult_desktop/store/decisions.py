"""`DecisionRepository`: the GP's decision on each medication line (continue / stop / modify), audited.

Runs on the store's thread.
"""

from __future__ import annotations

from consult_desktop.store.audit import AuditLog
from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


class DecisionRepository:
    def __init__(self, conn: Connection, audit: AuditLog) -> None:
        self._conn = conn
        self._audit = audit

    def decide(self, server_id: str, patient_id: str, line_key: str, decision: str | None, note: str = "") -> None:
        """Record the decision on one line; None clears it."""
        with transaction(self._conn):
            if decision is None:
                self._conn.execute(
                    "DELETE FROM line_decisions WHERE server_id=? AND patient_id=? AND line_key=?",
                    (server_id, patient_id, line_key))
            else:
                self._conn.execute(
                    "INSERT OR REPLACE INTO line_decisions(server_id, patient_id, line_key, decision, note, "
                    "decided_at) VALUES (?,?,?,?,?,?)", (server_id, patient_id, line_key, decision, note, utc_now()))
            self._audit.write("medication-decision", server_id=server_id, patient_id=patient_id, object_type="line",
                              object_id=line_key, detail=decision or "cleared")

    def for_patient(self, server_id: str, patient_id: str) -> dict[str, tuple[str, str, str]]:
        """line key -> (note, decision, decided at)."""
        rows = self._conn.execute(
            "SELECT line_key, note, decision, decided_at FROM line_decisions WHERE server_id=? AND patient_id=?",
            (server_id, patient_id),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}
