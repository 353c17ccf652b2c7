"""`ServerRepository`: the hospital servers configured in the profile (address and settings, no secrets).

Removing a server removes everything cached from it. Runs on the store's thread.
"""

from __future__ import annotations

import json

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now

# Tables whose rows belong to one server and go with it.
_SERVER_TABLES = ("resources", "attachments", "sync_cursors", "quarantine", "patients", "patient_views",
                  "documents_fts")


class ServerRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, server_id: str, base_url: str, config: dict) -> None:
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO servers(id, base_url, config, added_at) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE "
                "SET base_url=excluded.base_url, config=excluded.config",
                (server_id, base_url, json.dumps(config), utc_now()),
            )

    def all(self) -> list[tuple[str, str, dict]]:
        """(server_id, base_url, settings) of every server, oldest first."""
        rows = self._conn.execute("SELECT id, base_url, config FROM servers ORDER BY added_at")
        return [(r[0], r[1], json.loads(r[2])) for r in rows]

    def remove(self, server_id: str) -> None:
        with transaction(self._conn):
            for table in _SERVER_TABLES:
                self._conn.execute(f"DELETE FROM {table} WHERE server_id=?", (server_id,))
            self._conn.execute("DELETE FROM servers WHERE id=?", (server_id,))
