"""`AuditLog`: who did what to which record and when (opening a patient, a prescription, a sync, a purge).

Entries carry ids and codes, never names or document text; an entry about a hospital's record may have an
access report waiting in `audit_outbox` (see `AccessReportQueue`), whose state `entries()` returns. Runs on
the store's thread.
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
    report: str | None = None  # the access report to the hospital: "delivered", "pending" or None (none due)


class AuditLog:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def write(
        self, action: str, *, server_id: str | None = None, patient_id: str | None = None,
        object_type: str | None = None, object_id: str | None = None, detail: str | None = None,
    ) -> int:
        """Append an entry; returns its id."""
        with transaction(self._conn):
            cursor = self._conn.execute(
                "INSERT INTO audit_log(at, action, server_id, patient_id, object_type, object_id, detail) "
                "VALUES (?,?,?,?,?,?,?)",
                (utc_now(), action, server_id, patient_id, object_type, object_id, detail),
            )
            return int(cursor.lastrowid or 0)

    def entries(self, limit: int = 1000, patient_id: str | None = None, *, since: str | None = None,
                until: str | None = None) -> list[AuditEntry]:
        """The newest entries first, optionally of one patient and within [since, until) (UTC ISO instants),
        each with the delivery state of its access report to the hospital (None when none is due)."""
        sql = ("SELECT a.id, a.at, a.action, a.server_id, a.patient_id, a.object_type, a.object_id, a.detail, "
               "CASE WHEN o.event_id IS NULL THEN NULL WHEN o.delivered_at IS NULL THEN 'pending' "
               "ELSE 'delivered' END FROM audit_log a LEFT JOIN audit_outbox o ON o.audit_id = a.id")
        where: list[str] = []
        params: list = []
        for clause, value in (("a.patient_id=?", patient_id), ("a.at>=?", since), ("a.at<?", until)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._conn.execute(sql + " ORDER BY a.at DESC, a.id DESC LIMIT ?", (*params, limit))
        return [AuditEntry(*r) for r in rows]
