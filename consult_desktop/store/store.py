"""`Store`: the unlocked profile database and its repositories.

Owns one SQLCipher connection; use it only on the thread that opened it (the UI's database thread, or the
command line's main thread).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from consult_desktop.store.acknowledgements import AcknowledgementRepository
from consult_desktop.store.audit import AuditLog
from consult_desktop.store.cursors import CursorRepository
from consult_desktop.store.database import Connection, transaction
from consult_desktop.store.decisions import DecisionRepository
from consult_desktop.store.prescriptions import PrescriptionRepository
from consult_desktop.store.resources import ResourceRepository
from consult_desktop.store.secrets import SecretRepository
from consult_desktop.store.servers import ServerRepository
from consult_desktop.store.settings import SettingsRepository
from consult_desktop.store.views import PatientViewRepository

LAST_SYNC_KEY = "sync.last_success"


@dataclass(frozen=True)
class PatientSummary:
    """One row of the patient list."""

    server_id: str
    id: str
    family: str | None
    given: str | None
    birth_date: str | None
    sex: str | None
    ssin: str | None
    search_text: str
    new_items: int
    last_discharge: str | None


class Store:
    """The unlocked database: `resources` (FHIR cache), `servers`, `cursors`, `settings`, `secrets`, `audit`,
    `views` (last viewed), `prescriptions` (the GP's own), `acknowledgements` (flags), `decisions` (lines)."""

    def __init__(self, conn: Connection, db_path: Path, profile_id: str, data_key: bytes) -> None:
        self.conn = conn
        # Kept while unlocked so another thread (sync) can open its own connection; dropped on close.
        self.data_key: bytes | None = data_key
        self.db_path = db_path
        self.profile_id = profile_id
        self.resources = ResourceRepository(conn)
        self.servers = ServerRepository(conn)
        self.cursors = CursorRepository(conn)
        self.settings = SettingsRepository(conn)
        self.secrets = SecretRepository(conn)
        self.audit = AuditLog(conn)
        self.views = PatientViewRepository(conn)
        self.prescriptions = PrescriptionRepository(conn)
        self.acknowledgements = AcknowledgementRepository(conn, self.audit)
        self.decisions = DecisionRepository(conn, self.audit)

    def close(self) -> None:
        self.data_key = None
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Group writes (a page of resources and the cursor that follows it) into one atomic commit."""
        with transaction(self.conn) as conn:
            yield conn

    def cipher_version(self) -> str:
        return str(self.conn.execute("PRAGMA cipher_version").fetchone()[0])

    # -- screens -------------------------------------------------------------------------------------------
    def patient_summaries(self) -> list[PatientSummary]:
        """Every patient with a count of documents/results stored since the GP last opened them (a document that
        publishes a report, `context.related`, is that report: counted once, as the patient's record lists it)."""
        sql = """
        SELECT p.server_id, p.id, p.family, p.given, p.birth_date, p.sex, p.ssin, p.search_text,
          (SELECT count(*) FROM resources r WHERE r.server_id = p.server_id AND r.patient_id = p.id
             AND r.hidden = 0 AND r.type IN ('DocumentReference', 'DiagnosticReport', 'Observation')
             AND r.stored_at > coalesce(v.last_viewed_at, '')
             AND NOT (r.type = 'DocumentReference'
                      AND instr(coalesce(json_extract(r.json, '$.context.related'), ''), '"DiagnosticReport/') > 0)),
          (SELECT max(r.date) FROM resources r WHERE r.server_id = p.server_id AND r.patient_id = p.id
             AND r.type = 'Encounter')
        FROM patients p LEFT JOIN patient_views v ON v.server_id = p.server_id AND v.patient_id = p.id
        ORDER BY p.family, p.given
        """
        return [PatientSummary(*row) for row in self.conn.execute(sql)]

    # -- statistics ----------------------------------------------------------------------------------------
    def stats(self, patient_id: str | None = None) -> dict:
        """Counts for `consult-desktop stats`; quarantined resources are counted in their type."""
        where, params = ("", ()) if patient_id is None else (" WHERE patient_id = ?", (patient_id,))
        counts: dict[str, int] = {}
        for rtype, n in self.conn.execute(f"SELECT type, count(*) FROM resources{where} GROUP BY type", params):
            counts[rtype] = n
        for rtype, n in self.conn.execute(
            f"SELECT coalesce(type, 'unknown'), count(*) FROM quarantine{where} GROUP BY type", params
        ):
            counts[rtype] = counts.get(rtype, 0) + n
        quarantined = self.conn.execute(f"SELECT count(*) FROM quarantine{where}", params).fetchone()[0]
        if patient_id is None:
            att = self.conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM attachments").fetchone()
            patients = self.conn.execute("SELECT count(*) FROM patients").fetchone()[0]
        else:
            att = self.conn.execute(
                "SELECT count(*), coalesce(sum(a.size), 0) FROM attachments a JOIN resources r "
                "ON a.server_id = r.server_id AND a.resource_type = r.type AND a.resource_id = r.id "
                "WHERE r.patient_id = ?",
                (patient_id,),
            ).fetchone()
            patients = self.conn.execute("SELECT count(*) FROM patients WHERE id = ?", (patient_id,)).fetchone()[0]
        return {
            "patients": patients,
            "resources": dict(sorted(counts.items())),
            "quarantined": quarantined,
            "attachments": {"count": att[0], "bytes": att[1]},
            "last_sync": self.settings.get(LAST_SYNC_KEY),
        }

    def find_patient(self, key: str) -> list[tuple[str, str]]:
        """(server_id, patient_id) pairs for a patient id or SSIN given on the command line."""
        rows = self.conn.execute(
            "SELECT server_id, id FROM patients WHERE id = ? OR ssin = ?", (key, key)
        ).fetchall()
        return [(r[0], r[1]) for r in rows]

