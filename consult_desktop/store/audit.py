"""`AuditLog`: who did what to which record and when (opening a patient, a prescription, a sync, a purge).

Entries carry ids and codes, never names or document text. Runs on the store's thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    action: str
    server_id: str | None
    patient_id: str | None
    object_type: str | None
    object_id: str | None
    detail: str | None


class AuditLog:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def write(
        self, action: str, *, server_id: str | None = None, patient_id: str | None = None,
        object_type: str | None = None, object_id: str | None = None, detail: str | None = None,
    ) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO audit_log(at, action, server_id, patient_id, object_type, object_id, detail) "
                "VALUES (?,?,?,?,?,?,?)",
                (utc_now(), action, server_id, patient_id, object_type, object_id, detail),
            )

    def entries(self, limit: int = 1000, patient_id: str | None = None, *, since: str | None = None,
                until: str | None = None) -> list[AuditEntry]:
        """The newest entries first, optionally of one patient and within [since, until) (UTC ISO instants)."""
        sql = "SELECT id, at, action, server_id, patient_id, object_type, object_id, detail FROM audit_log"
        where: list[str] = []
        params: list = []
        for clause, value in (("patient_id=?", patient_id), ("at>=?", since), ("at<?", until)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn.execute(sql + " ORDER BY at DESC, id DESC LIMIT ?", (*params, limit))
        return [AuditEntry(*r) for r in rows]
