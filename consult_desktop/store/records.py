"""Small repositories of the profile: servers, sync cursors, settings, secrets, audit log, patient views,
the GP's own prescriptions and flag acknowledgements.

All of it lives inside the encrypted database (OAuth tokens included). Runs on the store's thread.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
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


class Records:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- servers ---------------------------------------------------------------------------------------
    def save_server(self, server_id: str, base_url: str, config: dict) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO servers(id, base_url, config, added_at) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE "
                "SET base_url=excluded.base_url, config=excluded.config",
                (server_id, base_url, json.dumps(config), utc_now()),
            )

    def servers(self) -> list[tuple[str, str, dict]]:
        rows = self._conn.execute("SELECT id, base_url, config FROM servers ORDER BY added_at")
        return [(r[0], r[1], json.loads(r[2])) for r in rows]

    def remove_server(self, server_id: str) -> None:
        with transaction(self._conn):
            for table in ("resources", "attachments", "sync_cursors", "quarantine", "patients", "patient_views",
                          "documents_fts"):
                self._conn.execute(f"DELETE FROM {table} WHERE server_id=?", (server_id,))
            self._conn.execute("DELETE FROM servers WHERE id=?", (server_id,))

    # -- sync cursors ----------------------------------------------------------------------------------
    def cursor(self, server_id: str, scope: str) -> str | None:
        row = self._conn.execute(
            "SELECT value FROM sync_cursors WHERE server_id=? AND scope=?", (server_id, scope)
        ).fetchone()
        return row[0] if row else None

    def set_cursor(self, server_id: str, scope: str, value: str) -> None:
        """Call inside the transaction that stores the page this cursor follows."""
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO sync_cursors(server_id, scope, value, updated_at) VALUES (?,?,?,?)",
                (server_id, scope, value, utc_now()),
            )

    def delete_cursor(self, server_id: str, scope: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM sync_cursors WHERE server_id=? AND scope=?", (server_id, scope))

    def delete_cursors(self, server_id: str, prefix: str = "") -> None:
        with transaction(self._conn):
            self._conn.execute(
                "DELETE FROM sync_cursors WHERE server_id=? AND scope LIKE ?", (server_id, prefix + "%")
            )

    def cursors(self, server_id: str) -> dict[str, str]:
        rows = self._conn.execute("SELECT scope, value FROM sync_cursors WHERE server_id=?", (server_id,))
        return {r[0]: r[1] for r in rows}

    # -- settings and secrets --------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with transaction(self._conn):
            self._conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?,?)", (key, value))

    def secret(self, key: str) -> bytes | None:
        row = self._conn.execute("SELECT value FROM secrets WHERE key=?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def set_secret(self, key: str, value: bytes) -> None:
        with transaction(self._conn):
            self._conn.execute("INSERT OR REPLACE INTO secrets(key, value) VALUES (?,?)", (key, value))

    def delete_secret(self, key: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM secrets WHERE key=?", (key,))

    # -- audit log -------------------------------------------------------------------------------------
    def audit(
        self, action: str, *, server_id: str | None = None, patient_id: str | None = None,
        object_type: str | None = None, object_id: str | None = None, detail: str | None = None,
    ) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO audit_log(at, action, server_id, patient_id, object_type, object_id, detail) "
                "VALUES (?,?,?,?,?,?,?)",
                (utc_now(), action, server_id, patient_id, object_type, object_id, detail),
            )

    def audit_entries(self, limit: int = 1000, patient_id: str | None = None) -> list[AuditEntry]:
        sql = "SELECT id, at, action, server_id, patient_id, object_type, object_id, detail FROM audit_log"
        params: tuple = ()
        if patient_id is not None:
            sql += " WHERE patient_id=?"
            params = (patient_id,)
        rows = self._conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit))
        return [AuditEntry(*r) for r in rows]

    # -- patient views (for "new since last view") -----------------------------------------------------
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

    # -- the GP's own prescriptions --------------------------------------------------------------------
    def save_prescription(self, server_id: str, patient_id: str, resource: dict, pid: str | None = None) -> str:
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

    def prescriptions(self, server_id: str, patient_id: str) -> list[dict]:
        rows = self._conn.execute(
            "SELECT json FROM gp_prescriptions WHERE server_id=? AND patient_id=? ORDER BY created_at",
            (server_id, patient_id),
        )
        return [json.loads(r[0]) for r in rows]

    def delete_prescription(self, pid: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM gp_prescriptions WHERE id=?", (pid,))

    # -- flag acknowledgements -------------------------------------------------------------------------
    def acknowledge(
        self, server_id: str, patient_id: str, flag_key: str, reason: str, decision: str | None = None
    ) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO flag_acks(server_id, patient_id, flag_key, reason, decision, acked_at) "
                "VALUES (?,?,?,?,?,?)",
                (server_id, patient_id, flag_key, reason, decision, utc_now()),
            )
            self.audit("flag-acknowledged", server_id=server_id, patient_id=patient_id, object_type="flag",
                       object_id=flag_key, detail=reason)

    def decide(self, server_id: str, patient_id: str, line_key: str, decision: str | None, note: str = "") -> None:
        """The GP's decision on one medication line (continue / stop / modify); None clears it."""
        with transaction(self._conn):
            if decision is None:
                self._conn.execute("DELETE FROM flag_acks WHERE server_id=? AND patient_id=? AND flag_key=?",
                                   (server_id, patient_id, line_key))
            else:
                self._conn.execute(
                    "INSERT OR REPLACE INTO flag_acks(server_id, patient_id, flag_key, reason, decision, acked_at) "
                    "VALUES (?,?,?,?,?,?)", (server_id, patient_id, line_key, note, decision, utc_now()))
            self.audit("medication-decision", server_id=server_id, patient_id=patient_id, object_type="line",
                       object_id=line_key, detail=decision or "cleared")

    def acknowledgements(self, server_id: str, patient_id: str) -> dict[str, tuple[str, str | None, str]]:
        rows = self._conn.execute(
            "SELECT flag_key, reason, decision, acked_at FROM flag_acks WHERE server_id=? AND patient_id=?",
            (server_id, patient_id),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def iter_settings(self) -> Iterator[tuple[str, str]]:
        yield from self._conn.execute("SELECT key, value FROM settings ORDER BY key")
