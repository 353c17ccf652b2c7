"""`AccessReportQueue`: access reports (FHIR AuditEvent JSON) waiting for, or received by, the hospital server
that owns the record that was read.

Each report has a client-assigned id (a UUID chosen when it is queued) and the audit entry it reports; the
sync sends it with `PUT AuditEvent/{id}` and marks it delivered only after the server answered, so a crash
in between resends the same id, which the server stores once. Runs on the store's thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


@dataclass(frozen=True)
class QueuedReport:
    event_id: str
    server_id: str
    event: dict
    attempts: int


class AccessReportQueue:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def queue(self, event_id: str, audit_id: int, server_id: str, event: dict) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO audit_outbox(event_id, audit_id, server_id, json, queued_at) VALUES (?,?,?,?,?)",
                (event_id, audit_id, server_id, json.dumps(event, separators=(",", ":")), utc_now()),
            )

    def pending(self, server_id: str, limit: int = 500) -> list[QueuedReport]:
        """Reports not yet delivered to this server, oldest first."""
        rows = self._conn.execute(
            "SELECT event_id, server_id, json, attempts FROM audit_outbox WHERE server_id=? AND delivered_at IS NULL "
            "ORDER BY audit_id LIMIT ?", (server_id, limit))
        return [QueuedReport(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]

    def mark_delivered(self, event_id: str) -> None:
        with transaction(self._conn):
            self._conn.execute("UPDATE audit_outbox SET delivered_at=?, attempts=attempts+1, last_error=NULL "
                               "WHERE event_id=?", (utc_now(), event_id))

    def mark_failed(self, event_id: str, error: str) -> None:
        with transaction(self._conn):
            self._conn.execute("UPDATE audit_outbox SET attempts=attempts+1, last_error=? WHERE event_id=?",
                               (error[:300], event_id))

    def counts(self, server_id: str | None = None) -> dict[str, int]:
        """{"pending": n, "delivered": m}, of one server or of all."""
        where, params = ("", ()) if server_id is None else (" WHERE server_id=?", (server_id,))
        row = self._conn.execute(
            f"SELECT count(*) - count(delivered_at), count(delivered_at) FROM audit_outbox{where}", params).fetchone()
        return {"pending": int(row[0] or 0), "delivered": int(row[1] or 0)}
