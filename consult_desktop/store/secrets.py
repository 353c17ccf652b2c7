"""`SecretRepository`: client secrets, bearer tokens and OAuth tokens, only ever inside the encrypted
database (never in a settings file, never in the OS keychain in plaintext). Runs on the store's thread.
"""

from __future__ import annotations

from consult_desktop.store.database import Connection, transaction


class SecretRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> bytes | None:
        row = self._conn.execute("SELECT value FROM secrets WHERE key=?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def set(self, key: str, value: bytes) -> None:
        with transaction(self._conn):
            self._conn.execute("INSERT OR REPLACE INTO secrets(key, value) VALUES (?,?)", (key, value))

    def delete(self, key: str) -> None:
        with transaction(self._conn):
            self._conn.execute("DELETE FROM secrets WHERE key=?", (key,))
