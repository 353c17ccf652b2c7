"""`ServerRepository`: the hospital servers configured in the profile (address, name and settings, no secrets).

A profile holds a list of servers; every cached row carries the id of the server it came from. Removing a
server removes everything cached from it in one transaction. Runs on the store's thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now

# Tables whose rows belong to one server and go with it.
_SERVER_TABLES = ("resources", "attachments", "sync_cursors", "quarantine", "patients", "patient_views",
                  "documents_fts", "audit_outbox")


@dataclass(frozen=True)
class ServerRow:
    id: str
    name: str
    base_url: str
    config: dict
    added_at: str


class ServerRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, server_id: str, base_url: str, config: dict, name: str | None = None) -> None:
        """Add the server, or update its address and settings (and its name when one is given)."""
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO servers(id, base_url, config, added_at, name) VALUES (?,?,?,?,?) ON CONFLICT(id) "
                "DO UPDATE SET base_url=excluded.base_url, config=excluded.config, "
                "name=coalesce(excluded.name, servers.name)",
                (server_id, base_url, json.dumps(config), utc_now(), name),
            )

    def all(self) -> list[tuple[str, str, dict]]:
        """(server_id, base_url, settings) of every server, oldest first."""
        return [(r.id, r.base_url, r.config) for r in self.rows()]

    def rows(self) -> list[ServerRow]:
        """Every server with its name (the address's host when none was given), oldest first."""
        rows = self._conn.execute("SELECT id, name, base_url, config, added_at FROM servers ORDER BY added_at, id")
        return [ServerRow(r[0], r[1] or _host(r[2]), r[2], json.loads(r[3]), r[4]) for r in rows]

    def names(self) -> dict[str, str]:
        """server id -> name shown beside each item."""
        return {r.id: r.name for r in self.rows()}

    def remove(self, server_id: str) -> None:
        with transaction(self._conn):
            for table in _SERVER_TABLES:
                self._conn.execute(f"DELETE FROM {table} WHERE server_id=?", (server_id,))
            self._conn.execute("DELETE FROM servers WHERE id=?", (server_id,))


def _host(base_url: str) -> str:
    rest = base_url.split("://", 1)[-1]
    return rest.split("/", 1)[0] or base_url
