"""`CursorRepository`: where each sync scope stopped (next page, round start, `since`), per server.

A cursor is written in the same transaction as the page it follows (call inside `Store.transaction()`),
so a crash leaves either both or neither. Runs on the store's thread.
"""

from __future__ import annotations

from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.resources import utc_now


class CursorRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, server_id: str, scope: str) -> str | None:
        row = self._conn.execute(
            "SELECT value FROM sync_cursors WHERE server_id=? AND scope=?", (server_id, scope)
        ).fetchone()
        return row[0] if row else None

    def set(self, server_id: str, scope: str, value: str) -> None:
        """Call inside the transaction that stores the page this cursor follows."""
        with transaction(self._conn):
            self._conn.execute(
                "INSERT OR REPLACE INTO sync_cursors(server_id, scope, value, updated_at) VALUES (?,?,?,?)",
                (server_id, scope, value, utc_now()),
            )

    def delete(self, server_id: str, scope: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM sync_cursors WHERE server_id=? AND scope=?", (server_id, scope))

    def delete_prefix(self, server_id: str, prefix: str = "") -> None:
        """Every cursor whose scope starts with `prefix` (all of the server's with "")."""
        with transaction(self._conn):
            self._conn.execute(
                "DELETE FROM sync_cursors WHERE server_id=? AND scope LIKE ?", (server_id, prefix + "%")
            )
