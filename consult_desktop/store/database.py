"""Opening the SQLCipher database with the data key, and mapping SQLite failures to store errors.

A connection belongs to the thread that opened it (SQLite's rule): the UI opens the store on its dedicated
database thread, the command line on the main thread.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from consult_desktop.store.errors import DatabaseCorrupt, StorageFull, StorageNotWritable, StoreError

CIPHER_PAGE_SIZE = 8192
Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError


def open_database(path: Path, data_key: bytes, *, create: bool = False, read_only: bool = False) -> Connection:
    """Open (or create) the encrypted database and check that the key really opens it.

    `read_only` opens a profile on a medium that cannot be written (a locked drive, a read-only folder):
    immutable, so SQLite needs neither a lock nor the `-wal`/`-shm` files it could not create there.
    """
    if not create and not path.exists():
        raise DatabaseCorrupt("the database file is missing")
    if create and not path.exists():
        # Created empty with owner-only permissions: SQLite then gives its -wal/-shm files the same mode.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise map_error(exc) from exc
    target = f"{path.resolve().as_uri()}?mode=ro&immutable=1" if read_only else str(path)
    try:
        conn = sqlcipher3.connect(target, isolation_level=None, check_same_thread=True, uri=read_only)
    except sqlcipher3.OperationalError as exc:
        raise StorageNotWritable(str(path.parent), str(exc)) from exc
    try:
        # SQLCipher's own log would print a line per failing page read to stderr; damage is reported in our
        # words instead (store.integrity, `consult-desktop check`).
        conn.execute("PRAGMA cipher_log_level = NONE")
        # The key must be the first statement on the connection (after the process-wide log setting).
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        # 8 KiB pages: half the per-page HMAC and AES work of SQLCipher's 4 KiB default for ~1 KB FHIR rows.
        # Not stored in the file, so every connection must set it before the first read.
        conn.execute(f"PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}")
        # Temporary tables and sort spills stay in memory: SQLCipher would encrypt them, but memory keeps
        # plaintext off the disk by construction.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA busy_timeout = 5000")
        # 32 MiB of page cache (decrypted pages, in memory only): index pages stay hot during a sync.
        conn.execute("PRAGMA cache_size = -32768")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise map_error(exc) from exc
    return conn


def map_error(exc: BaseException) -> StoreError:
    """Translate an sqlite/OS error into the store error a GP can act on."""
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return StorageFull()
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return StorageNotWritable("the profile directory", str(exc))
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return DatabaseCorrupt("it is damaged, or does not belong to this key file")
    if isinstance(exc, StoreError):
        return exc
    return DatabaseCorrupt(str(exc))


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error; nested calls become savepoints."""
    if conn.in_transaction:
        name = f"sp{id(conn) % 100000}_{_next_savepoint()}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield conn
        except BaseException:
            conn.execute(f"ROLLBACK TO {name}")
            conn.execute(f"RELEASE {name}")
            raise
        conn.execute(f"RELEASE {name}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.DatabaseError as exc:
        raise map_error(exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlcipher3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise map_error(exc) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


_counter = 0


def _next_savepoint() -> int:
    global _counter
    _counter += 1
    return _counter
