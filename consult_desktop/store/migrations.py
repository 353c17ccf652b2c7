"""Numbered schema migrations of the encrypted database, with a backup before each upgrade.

`PRAGMA user_version` holds the schema number. Opening a database from a newer program is refused before
anything is written. Before migrating an existing database, an encrypted copy of it is written next to it
(`consult.db.v<N>.bak`); it is removed once the upgraded database has been opened and checked, and kept
(named in the error) only when the upgrade failed, so a failed upgrade can be undone by hand. Runs on the
store's thread.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from consult_desktop.domain.attachments import raw_attachments, without_inline_data
from consult_desktop.store import derived
from consult_desktop.store.database import Connection, map_error, transaction
from consult_desktop.store.errors import DatabaseCorrupt, MigrationFailed, SchemaTooNew, StoreError

V1 = """
CREATE TABLE servers(
    id TEXT PRIMARY KEY,
    base_url TEXT NOT NULL,
    config TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE resources(
    rid INTEGER PRIMARY KEY,
    server_id TEXT NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version_id TEXT,
    last_updated TEXT,
    patient_id TEXT,
    date TEXT,
    hidden INTEGER NOT NULL DEFAULT 0,
    stored_at TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE UNIQUE INDEX resources_key ON resources(server_id, type, id);
CREATE INDEX resources_patient ON resources(server_id, patient_id, type);
CREATE TABLE attachments(
    server_id TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    content_type TEXT,
    url TEXT,
    size INTEGER NOT NULL,
    sha256 TEXT,
    data BLOB,
    error TEXT,
    PRIMARY KEY(server_id, resource_type, resource_id, idx)
);
CREATE TABLE sync_cursors(
    server_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY(server_id, scope)
);
CREATE TABLE quarantine(
    qid INTEGER PRIMARY KEY,
    server_id TEXT NOT NULL,
    type TEXT,
    id TEXT,
    patient_id TEXT,
    json TEXT NOT NULL,
    error TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE UNIQUE INDEX quarantine_key ON quarantine(server_id, type, id);
CREATE TABLE gp_prescriptions(
    id TEXT PRIMARY KEY,
    server_id TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX gp_prescriptions_patient ON gp_prescriptions(server_id, patient_id);
CREATE TABLE flag_acks(
    server_id TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    flag_key TEXT NOT NULL,
    reason TEXT NOT NULL,
    decision TEXT,
    acked_at TEXT NOT NULL,
    PRIMARY KEY(server_id, patient_id, flag_key)
);
CREATE TABLE audit_log(
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    server_id TEXT,
    patient_id TEXT,
    object_type TEXT,
    object_id TEXT,
    detail TEXT
);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE secrets(key TEXT PRIMARY KEY, value BLOB NOT NULL);
"""

V2 = """
CREATE TABLE patients(
    server_id TEXT NOT NULL,
    id TEXT NOT NULL,
    family TEXT,
    given TEXT,
    birth_date TEXT,
    sex TEXT,
    ssin TEXT,
    search_text TEXT NOT NULL,
    PRIMARY KEY(server_id, id)
);
CREATE INDEX patients_ssin ON patients(ssin);
CREATE TABLE patient_views(
    server_id TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    last_viewed_at TEXT NOT NULL,
    PRIMARY KEY(server_id, patient_id)
);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    server_id UNINDEXED, resource_type UNINDEXED, resource_id UNINDEXED, patient_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _v2_backfill(conn: Connection) -> None:
    """Fill the patient index and the document search index from resources stored under schema 1."""
    rows = conn.execute(
        "SELECT server_id, type, id, patient_id, json FROM resources "
        "WHERE type IN ('Patient', 'DocumentReference', 'DiagnosticReport')"
    ).fetchall()
    for server_id, rtype, rid, patient_id, raw in rows:
        resource = json.loads(raw)
        if rtype == "Patient":
            write_patient_row(conn, server_id, resource)
        else:
            write_document_text(conn, server_id, rtype, rid, patient_id, resource)


def write_patient_row(conn: Connection, server_id: str, resource: dict) -> None:
    row = derived.patient_row(resource)
    conn.execute(
        "INSERT OR REPLACE INTO patients(server_id, id, family, given, birth_date, sex, ssin, search_text) "
        "VALUES (?,?,?,?,?,?,?,?)",
        (server_id, resource["id"], row["family"], row["given"], row["birth_date"], row["sex"], row["ssin"],
         row["search_text"]),
    )


def write_document_text(
    conn: Connection, server_id: str, rtype: str, rid: str, patient_id: str | None, resource: dict,
    extra_text: str = "",
    *,
    replace: bool = True,
) -> None:
    """The document's row of the search index. Without `replace` (the resource has just been stored for the
    first time, so it cannot have a row yet) the old row is not looked for: the index's key columns are
    UNINDEXED, so that look-up reads the whole index."""
    if replace:
        conn.execute(
            "DELETE FROM documents_fts WHERE server_id = ? AND resource_type = ? AND resource_id = ?",
            (server_id, rtype, rid),
        )
    text = derived.document_text(resource)
    if text is None or derived.is_hidden(resource):
        return
    title, body = text
    if extra_text:
        body = f"{body}\n{extra_text}" if body else extra_text
    conn.execute(
        "INSERT INTO documents_fts(title, body, server_id, resource_type, resource_id, patient_id) "
        "VALUES (?,?,?,?,?,?)",
        (title, body, server_id, rtype, rid, patient_id),
    )


# Line decisions had been kept as flag acknowledgements with a decision; they get their own table.
V3 = """
CREATE TABLE line_decisions(
    server_id TEXT NOT NULL,
    patient_id TEXT NOT NULL,
    line_key TEXT NOT NULL,
    decision TEXT NOT NULL,
    note TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY(server_id, patient_id, line_key)
);
INSERT INTO line_decisions(server_id, patient_id, line_key, decision, note, decided_at)
    SELECT server_id, patient_id, flag_key, decision, reason, acked_at FROM flag_acks WHERE decision IS NOT NULL;
DELETE FROM flag_acks WHERE decision IS NOT NULL;
ALTER TABLE flag_acks DROP COLUMN decision;
"""

# FTS5 keeps deleted rows' words in its segments (as delete markers beside the old data) until a merge;
# 'secure-delete' removes them at once, and 'optimize' merges away what earlier deletions left behind.
# Persistent in the index's config table, so every later connection deletes securely too.
FTS_SECURE_DELETE = """
INSERT INTO documents_fts(documents_fts, rank) VALUES('secure-delete', 1);
INSERT INTO documents_fts(documents_fts) VALUES('optimize');
"""
SECURE_DELETE_TITLE = "document search index deletes securely; inline attachment data stored once"
# Inline attachments obey the same limit as downloaded ones (SyncOptions.max_attachment_bytes).
MAX_INLINE_BYTES = 25 * 1024 * 1024

def _move_inline_data(conn: Connection) -> None:
    """Documents stored with inline attachment data in their JSON: the data becomes the attachment BLOB."""
    rows = conn.execute(
        "SELECT server_id, type, id, json FROM resources WHERE type IN ('DocumentReference', 'DiagnosticReport') "
        "AND instr(json, '\"data\"') > 0"
    ).fetchall()
    for server_id, rtype, rid, raw in rows:
        resource = json.loads(raw)
        stripped = without_inline_data(resource)
        if stripped is resource:
            continue
        stored = {row[0] for row in conn.execute(
            "SELECT idx FROM attachments WHERE server_id=? AND resource_type=? AND resource_id=? AND data IS NOT NULL",
            (server_id, rtype, rid))}
        if not stored:
            store_inline_attachments(conn, server_id, rtype, rid, resource, MAX_INLINE_BYTES)
        conn.execute("UPDATE resources SET json=? WHERE server_id=? AND type=? AND id=?",
                     (json.dumps(stripped, separators=(",", ":"), ensure_ascii=False), server_id, rtype, rid))


# Several servers per profile: each has a name for the screens; reads of cached records wait in an outbox
# as FHIR AuditEvents until their server has received them (`delivered_at`).
V_SERVERS_AUDIT = """
ALTER TABLE servers ADD COLUMN name TEXT;
CREATE TABLE audit_outbox(
    event_id TEXT PRIMARY KEY,
    audit_id INTEGER NOT NULL UNIQUE,
    server_id TEXT NOT NULL,
    json TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at TEXT
);
CREATE INDEX audit_outbox_pending ON audit_outbox(server_id, delivered_at);
"""

# The patient list counts each patient's new documents and results and finds their last stay: one index holds
# everything those counts read (a document that publishes a report is counted as that report, so whether it
# does is part of the index), so the list never reads the resources themselves. It replaces the plain
# (server_id, patient_id, type) index, which is its prefix.
PUBLISHES_REPORT = ("(CASE WHEN type = 'DocumentReference' THEN instr(coalesce(json_extract(json, "
                    "'$.context.related'), ''), '\"DiagnosticReport/') > 0 ELSE 0 END)")
V_PATIENT_LIST_INDEX = f"""
DROP INDEX resources_patient;
CREATE INDEX resources_patient ON resources(server_id, patient_id, type, hidden, stored_at, {PUBLISHES_REPORT}, date);
"""

Step = tuple[int, str, str, Callable[[Connection], None] | None]
MIGRATIONS: list[Step] = [
    (1, "initial schema", V1, None),
    (2, "patient index, views and document search", V2, _v2_backfill),
    (3, "line decisions in their own table", V3, None),
    (4, SECURE_DELETE_TITLE, FTS_SECURE_DELETE, _move_inline_data),
    (5, "server names and the access report outbox", V_SERVERS_AUDIT, None),
    (6, "patient list counts from one index", V_PATIENT_LIST_INDEX, None),
]
LATEST = MIGRATIONS[-1][0]


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: Connection) -> int:
    version = schema_version(conn)
    if version > LATEST:
        raise SchemaTooNew(version, LATEST)
    return version


def migrate(conn: Connection, db_path: Path | None, target: int = LATEST) -> int:
    """Bring the schema to `target`; returns the version found before.

    An existing database is copied first; the copy is removed once the migrated database passes a check,
    and kept (and named in the MigrationFailed message) when the upgrade fails.
    """
    found = check_not_newer(conn)
    if found >= target:
        return found
    backup = _backup(conn, db_path, found) if found > 0 and db_path is not None else None
    try:
        _apply(conn, found, target)
        _check_migrated(conn)
    except Exception as exc:
        if backup is None:
            raise
        raise MigrationFailed(str(backup), _reason(exc)) from exc
    if backup is not None:
        # Until here the copy was the way back; now it is only an extra, unpurged copy of patient data.
        backup.unlink(missing_ok=True)
    return found


def _backup(conn: Connection, db_path: Path, found: int) -> Path:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = db_path.with_name(f"{db_path.name}.v{found}.bak")
    try:
        shutil.copy2(db_path, backup)
    except OSError as exc:
        raise map_error(exc) from exc
    return backup


def _apply(conn: Connection, found: int, target: int) -> None:
    for version, _title, sql, backfill in MIGRATIONS:
        if found < version <= target:
            with transaction(conn):
                for statement in sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if backfill is not None:
                    backfill(conn)
                conn.execute(f"PRAGMA user_version = {version}")


def _check_migrated(conn: Connection) -> None:
    result = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if result != ["ok"]:
        raise DatabaseCorrupt("the upgraded database fails its consistency check")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").fetchone():
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")


def _reason(exc: Exception) -> str:
    if isinstance(exc, StoreError):
        return str(exc)
    return type(exc).__name__


def store_inline_attachments(
    conn: Connection, server_id: str, rtype: str, rid: str, resource: dict, max_bytes: int
) -> None:
    """A document's inline attachments as BLOBs (or a permanent "too large"/"not base64" error)."""
    for index, att in enumerate(raw_attachments(resource)):
        data = att.get("data") if isinstance(att, dict) else None
        if not isinstance(data, str):
            continue
        content: bytes | None = None
        if len(data) * 3 // 4 > max_bytes + 2:
            error = (f"permanent: The inline attachment is larger than the allowed {max_bytes / 1048576:.1f} MB "
                     "and was not stored.")
        else:
            try:
                content, error = base64.b64decode(data, validate=True), None
            except (binascii.Error, ValueError):
                error = "permanent: the inline data is not valid base64"
            if content is not None and len(content) > max_bytes:
                content, error = None, (f"permanent: The inline attachment is larger than the allowed "
                                        f"{max_bytes / 1048576:.1f} MB and was not stored.")
        ctype = att.get("contentType") if isinstance(att.get("contentType"), str) else None
        conn.execute(
            "INSERT OR REPLACE INTO attachments(server_id, resource_type, resource_id, idx, content_type, url, size, "
            "sha256, data, error) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (server_id, rtype, rid, index, ctype, None, len(content or b""),
             hashlib.sha256(content).hexdigest() if content is not None else None, content, error),
        )
