"""Raw FHIR resources, their attachments, quarantine and the full-text index: the synced clinical data.

Every resource is stored as received (JSON text), keyed by (server, type, id), with the index columns the
screens need; only a document's inline attachment data is moved out of the JSON into the attachment's BLOB,
so it is stored once. A stored version is never replaced by an older one. Runs on the store's thread.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from consult_desktop.domain.attachments import without_inline_data
from consult_desktop.store import derived
from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.migrations import (
    MAX_INLINE_BYTES,
    store_inline_attachments,
    write_document_text,
    write_patient_row,
)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class PutResult:
    written: int = 0
    unchanged: int = 0  # same or newer version already stored


@dataclass(frozen=True)
class Attachment:
    content_type: str | None
    url: str | None
    size: int
    data: bytes | None
    error: str | None


class ResourceRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- writing -------------------------------------------------------------------------------------------
    def put_many(
        self, server_id: str, resources: Iterable[dict], *, patient_id: str | None = None,
        max_inline_bytes: int = MAX_INLINE_BYTES,
    ) -> PutResult:
        """Store resources in one transaction. `patient_id` overrides the id found in each resource.

        A document's inline attachments (`data`) are stored once, as BLOBs in the same transaction, and
        removed from the stored JSON; one above `max_inline_bytes` is recorded as too large, not stored.

        A resource replaces the stored one only when it is newer (lastUpdated, then versionId); the check
        is part of the upsert itself, so a page costs one statement per resource and no extra lookups.
        """
        now = utc_now()
        rows = [_row(server_id, r, patient_id, now) for r in resources]
        conn = self._conn
        written = 0
        with transaction(conn):
            # Resources with side tables (patient index, search index, quarantine) go one by one, so
            # their side rows change only when the resource itself did.
            has_quarantine = conn.execute(
                "SELECT 1 FROM quarantine WHERE server_id=? LIMIT 1", (server_id,)
            ).fetchone() is not None
            bulk = [] if has_quarantine else [row for row, _ in rows if row[1] not in _SIDE_TYPES]
            before = conn.total_changes
            conn.executemany(_UPSERT_IF_NEWER, bulk)
            written += conn.total_changes - before
            for row, resource in rows:
                if not has_quarantine and row[1] not in _SIDE_TYPES:
                    continue
                rtype, rid, owner = row[1], row[2], row[5]
                # Only a document stored before can have a search index row to replace (see write_document_text).
                existed = rtype in derived.DOCUMENT_TYPES and conn.execute(
                    "SELECT 1 FROM resources WHERE server_id=? AND type=? AND id=?", (server_id, rtype, rid)
                ).fetchone() is not None
                before = conn.total_changes
                conn.execute(_UPSERT_IF_NEWER, row)
                if conn.total_changes == before:
                    continue
                written += 1
                if rtype == "Patient":
                    write_patient_row(conn, server_id, resource)
                elif rtype in derived.DOCUMENT_TYPES:
                    write_document_text(conn, server_id, rtype, rid, owner, resource, replace=existed)
                    # A new version may carry other content: its attachments are fetched again.
                    conn.execute("DELETE FROM attachments WHERE server_id=? AND resource_type=? AND resource_id=?",
                                 (server_id, rtype, rid))
                    store_inline_attachments(conn, server_id, rtype, rid, resource, max_inline_bytes)
                # A newer, valid version supersedes a quarantined one.
                conn.execute("DELETE FROM quarantine WHERE server_id=? AND type=? AND id=?", (server_id, rtype, rid))
        return PutResult(written, len(rows) - written)

    def patients_stored_since(self, since: str) -> list[tuple[str, str]]:
        """Patients with a resource stored (new or replaced) at or after `since` (a `utc_now()` value)."""
        return [(row[0], row[1]) for row in self._conn.execute(
            "SELECT DISTINCT server_id, patient_id FROM resources WHERE stored_at >= ? AND patient_id IS NOT NULL",
            (since,))]

    def delete(self, server_id: str, rtype: str, rid: str) -> bool:
        conn = self._conn
        with transaction(conn):
            cur = conn.execute("DELETE FROM resources WHERE server_id=? AND type=? AND id=?", (server_id, rtype, rid))
            conn.execute(
                "DELETE FROM attachments WHERE server_id=? AND resource_type=? AND resource_id=?",
                (server_id, rtype, rid),
            )
            conn.execute(
                "DELETE FROM documents_fts WHERE server_id=? AND resource_type=? AND resource_id=?",
                (server_id, rtype, rid),
            )
            if rtype == "Patient":
                conn.execute("DELETE FROM patients WHERE server_id=? AND id=?", (server_id, rid))
            conn.execute("DELETE FROM quarantine WHERE server_id=? AND type=? AND id=?", (server_id, rtype, rid))
            return cur.rowcount > 0

    def purge_patient(self, server_id: str, patient_id: str) -> int:
        """Remove everything held for one patient (they left the authorised set). Returns resources removed."""
        conn = self._conn
        with transaction(conn):
            conn.execute(
                "DELETE FROM attachments WHERE rowid IN (SELECT a.rowid FROM attachments a JOIN resources r "
                "ON a.server_id=r.server_id AND a.resource_type=r.type AND a.resource_id=r.id "
                "WHERE r.server_id=? AND r.patient_id=?)",
                (server_id, patient_id),
            )
            cur = conn.execute("DELETE FROM resources WHERE server_id=? AND patient_id=?", (server_id, patient_id))
            for table, column in (("documents_fts", "patient_id"), ("quarantine", "patient_id"),
                                  ("patients", "id"), ("patient_views", "patient_id"),
                                  ("gp_prescriptions", "patient_id"), ("flag_acks", "patient_id"),
                                  ("line_decisions", "patient_id")):
                conn.execute(f"DELETE FROM {table} WHERE server_id=? AND {column}=?", (server_id, patient_id))
            return cur.rowcount

    def quarantine(
        self, server_id: str, raw: dict | str, error: str, *, patient_id: str | None = None
    ) -> None:
        """Keep a resource that failed validation, with its error. A good stored version is left alone."""
        if isinstance(raw, dict):
            rtype = raw.get("resourceType") if isinstance(raw.get("resourceType"), str) else None
            rid = raw.get("id") if isinstance(raw.get("id"), str) else None
            text = json.dumps(raw, ensure_ascii=False)
            owner = patient_id or derived.patient_id_of(raw)
        else:
            rtype = rid = None
            text = raw
            owner = patient_id
        with transaction(self._conn):
            self._conn.execute(
                "INSERT INTO quarantine(server_id, type, id, patient_id, json, error, received_at) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(server_id, type, id) DO UPDATE SET json=excluded.json, "
                "error=excluded.error, received_at=excluded.received_at, patient_id=excluded.patient_id",
                (server_id, rtype, rid, owner, text, error[:2000], utc_now()),
            )

    def put_attachment(
        self, server_id: str, rtype: str, rid: str, index: int, *, content_type: str | None, url: str | None,
        data: bytes | None, error: str | None = None, size: int | None = None,
    ) -> bool:
        """Store an attachment of a stored resource; False (nothing written) when the resource is gone,
        e.g. its patient was purged while the download was under way."""
        with transaction(self._conn):
            cur = self._conn.execute(
                "INSERT OR REPLACE INTO attachments(server_id, resource_type, resource_id, idx, content_type, "
                "url, size, sha256, data, error) SELECT ?,?,?,?,?,?,?,?,?,? WHERE EXISTS ("
                "SELECT 1 FROM resources WHERE server_id=? AND type=? AND id=?)",
                (server_id, rtype, rid, index, content_type, url,
                 size if size is not None else len(data or b""),
                 hashlib.sha256(data).hexdigest() if data is not None else None, data, error,
                 server_id, rtype, rid),
            )
            return cur.rowcount > 0

    def copy_attachment(self, server_id: str, source: tuple[str, str, int], target: tuple[str, str, int], *,
                        content_type: str | None) -> bool:
        """Store for `target` (type, id, index) the data stored for `source`: one address that two documents
        point to, downloaded once. False (nothing written) when `source` holds no data or `target`'s
        resource is gone."""
        with transaction(self._conn):
            cur = self._conn.execute(
                "INSERT OR REPLACE INTO attachments(server_id, resource_type, resource_id, idx, content_type, url, "
                "size, sha256, data, error) SELECT a.server_id, ?, ?, ?, ?, a.url, a.size, a.sha256, a.data, NULL "
                "FROM attachments a WHERE a.server_id=? AND a.resource_type=? AND a.resource_id=? AND a.idx=? "
                "AND a.data IS NOT NULL AND EXISTS (SELECT 1 FROM resources WHERE server_id=? AND type=? AND id=?)",
                (*target, content_type, server_id, *source, server_id, target[0], target[1]),
            )
            return cur.rowcount > 0

    def add_document_text(self, server_id: str, rtype: str, rid: str, text: str) -> None:
        """Add text extracted from an attachment (a PDF's text layer) to the document's search entry."""
        row = self._conn.execute(
            "SELECT patient_id, json FROM resources WHERE server_id=? AND type=? AND id=?", (server_id, rtype, rid)
        ).fetchone()
        if row is None:
            return
        with transaction(self._conn):
            write_document_text(self._conn, server_id, rtype, rid, row[0], json.loads(row[1]), text)

    # -- reading -------------------------------------------------------------------------------------------
    def get(self, server_id: str, rtype: str, rid: str) -> dict | None:
        row = self._conn.execute(
            "SELECT json FROM resources WHERE server_id=? AND type=? AND id=?", (server_id, rtype, rid)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def for_patient(
        self, server_id: str, patient_id: str, types: Sequence[str] | None = None, *, include_hidden: bool = False
    ) -> list[dict]:
        sql = "SELECT json FROM resources WHERE server_id=? AND patient_id=?"
        params: list = [server_id, patient_id]
        if types:
            sql += f" AND type IN ({','.join('?' * len(types))})"
            params += list(types)
        if not include_hidden:
            sql += " AND hidden = 0"
        sql += " ORDER BY date DESC, id"
        return [json.loads(r[0]) for r in self._conn.execute(sql, params)]

    def ids(self, server_id: str, rtype: str, patient_id: str | None = None) -> set[str]:
        if patient_id is None:
            rows = self._conn.execute("SELECT id FROM resources WHERE server_id=? AND type=?", (server_id, rtype))
        else:
            rows = self._conn.execute(
                "SELECT id FROM resources WHERE server_id=? AND type=? AND patient_id=?", (server_id, rtype, patient_id)
            )
        return {r[0] for r in rows}

    def patient_ids(self, server_id: str) -> set[str]:
        rows = self._conn.execute(
            "SELECT DISTINCT patient_id FROM resources WHERE server_id=? AND patient_id IS NOT NULL", (server_id,)
        )
        return {r[0] for r in rows}

    def listed_patient_ids(self, server_id: str) -> set[str]:
        """Ids in the patient index (a Patient may be listed before any of their resources is stored)."""
        return {r[0] for r in self._conn.execute("SELECT id FROM patients WHERE server_id=?", (server_id,))}

    def medication_references(self, server_id: str) -> set[str]:
        """Every `medicationReference.reference` of the stored prescriptions, as written by the server."""
        rows = self._conn.execute(
            "SELECT DISTINCT json_extract(json, '$.medicationReference.reference') FROM resources "
            "WHERE server_id=? AND type IN ('MedicationRequest', 'MedicationStatement')", (server_id,))
        return {r[0] for r in rows if isinstance(r[0], str)}

    def documents_missing_attachments(self, server_id: str) -> list[dict]:
        """Shown documents with an attachment not stored yet (never fetched, or a transient failure)."""
        rows = self._conn.execute(
            "SELECT r.json FROM resources r WHERE r.server_id=? AND r.hidden=0 "
            "AND r.type IN ('DocumentReference', 'DiagnosticReport') "
            "AND (json_extract(r.json, '$.content') IS NOT NULL "
            "OR json_extract(r.json, '$.presentedForm') IS NOT NULL) "
            "AND NOT EXISTS ("
            "SELECT 1 FROM attachments a WHERE a.server_id=r.server_id AND a.resource_type=r.type "
            "AND a.resource_id=r.id AND (a.data IS NOT NULL OR a.error LIKE 'permanent:%'))",
            (server_id,),
        )
        return [json.loads(r[0]) for r in rows]

    def has_attachment(self, server_id: str, rtype: str, rid: str, index: int) -> bool:
        """True when the attachment is stored, or was refused for good (too large): nothing to fetch."""
        row = self._conn.execute(
            "SELECT 1 FROM attachments WHERE server_id=? AND resource_type=? AND resource_id=? AND idx=? "
            "AND (data IS NOT NULL OR error LIKE 'permanent:%')", (server_id, rtype, rid, index)).fetchone()
        return row is not None

    def get_attachment(self, server_id: str, rtype: str, rid: str, index: int = 0) -> Attachment | None:
        row = self._conn.execute(
            "SELECT content_type, url, size, data, error FROM attachments "
            "WHERE server_id=? AND resource_type=? AND resource_id=? AND idx=?",
            (server_id, rtype, rid, index),
        ).fetchone()
        return Attachment(row[0], row[1], row[2], row[3], row[4]) if row else None

    def indexed_document_body(self, server_id: str, rtype: str, rid: str) -> str | None:
        """The text the search index holds for one document (None when it is not indexed)."""
        row = self._conn.execute(
            "SELECT body FROM documents_fts WHERE server_id=? AND resource_type=? AND resource_id=?",
            (server_id, rtype, rid),
        ).fetchone()
        return None if row is None else (row[0] or "")

    def search_documents(self, server_id: str, patient_id: str, query: str, limit: int = 200) -> list[tuple]:
        """Full-text search over one patient's documents: [(resource_type, resource_id, snippet)]."""
        terms = [t for t in "".join(c if c.isalnum() else " " for c in query).split() if t]
        if not terms:
            return []
        match = " ".join(f'"{t}"*' for t in terms)
        rows = self._conn.execute(
            "SELECT resource_type, resource_id, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts "
            "WHERE documents_fts MATCH ? AND server_id=? AND patient_id=? ORDER BY rank LIMIT ?",
            (match, server_id, patient_id, limit),
        )
        return [tuple(r) for r in rows]

    def quarantined(self, server_id: str | None = None) -> list[dict]:
        sql = "SELECT server_id, type, id, patient_id, error, received_at FROM quarantine"
        rows = self._conn.execute(sql + (" WHERE server_id=?" if server_id else "") + " ORDER BY received_at DESC",
                                  (server_id,) if server_id else ())
        keys = ("server_id", "type", "id", "patient_id", "error", "received_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]


_SIDE_TYPES = frozenset({"Patient"}) | derived.DOCUMENT_TYPES

# Newer = later lastUpdated; same lastUpdated and a higher versionId; or no metadata to compare at all.
_UPSERT_IF_NEWER = """
INSERT INTO resources(server_id, type, id, version_id, last_updated, patient_id, date, hidden, stored_at, json)
VALUES (?,?,?,?,?,?,?,?,?,?)
ON CONFLICT(server_id, type, id) DO UPDATE SET version_id=excluded.version_id,
    last_updated=excluded.last_updated, patient_id=excluded.patient_id, date=excluded.date,
    hidden=excluded.hidden, stored_at=excluded.stored_at, json=excluded.json
WHERE excluded.last_updated > resources.last_updated
   OR (excluded.last_updated IS resources.last_updated
       AND (CAST(excluded.version_id AS INTEGER) > CAST(resources.version_id AS INTEGER)
            OR (excluded.version_id IS NULL AND excluded.last_updated IS NULL)))
   OR (excluded.last_updated IS NOT NULL AND resources.last_updated IS NULL)
"""


_UTC_INSTANT = re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?:Z|\+00:00)")


def normalise_instant(value: object) -> str | None:
    """lastUpdated as UTC with microseconds, so that text order is time order."""
    if not isinstance(value, str):
        return None
    utc = _UTC_INSTANT.fullmatch(value)
    if utc is not None:  # the usual case, without a datetime round trip (this runs for every resource)
        return f"{utc.group(1)}.{(utc.group(2) or '').ljust(6, '0')}+00:00"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _row(server_id: str, resource: dict, patient_id: str | None, now: str) -> tuple[tuple, dict]:
    meta = resource.get("meta") if isinstance(resource.get("meta"), dict) else {}
    version = meta.get("versionId")
    row = (
        server_id, resource["resourceType"], resource["id"],
        str(version) if version is not None else None,
        normalise_instant(meta.get("lastUpdated")),
        patient_id or derived.patient_id_of(resource),
        derived.clinical_date(resource),
        int(derived.is_hidden(resource)),
        now,
        json.dumps(without_inline_data(resource), separators=(",", ":"), ensure_ascii=False),
    )
    return row, resource

