"""`SettingsRepository`: small named values kept in the encrypted profile (last sync, sync options).

Desktop preferences that are not patient-related live in the preferences file, not here. Runs on the
store's thread.
"""

from __future__ import annotations

from consult_desktop.store.database import Connection, transaction


class SettingsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        with transaction(self._conn):
            self._conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?,?)", (key, value))

    def delete(self, key: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM settings WHERE key=?", (key,))
