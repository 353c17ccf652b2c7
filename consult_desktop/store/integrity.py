"""Checking the encrypted database for damage: page authentication, SQLite consistency, the search index.

`check_integrity` runs SQLCipher's `cipher_integrity_check` (every page's HMAC: a page changed on disk,
even by 16 bytes, is reported), SQLite's `quick_check`, and the FTS5 `integrity-check` of the document
search index, and says in plain words what is damaged and what to do: hospital data can always be synced
again; the GP's own data (prescriptions, decisions, acknowledgements, access log) cannot, so it should be
exported with `consult-desktop backup` and restored into a fresh profile. `daily_check` runs it at most
once a day (the desktop application calls it after unlocking). Runs on the store's thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from consult_desktop.store.database import Connection, DatabaseError
from consult_desktop.store.store import Store

LAST_CHECK_KEY = "integrity.last_check"
_MAX_LINES = 10


@dataclass(frozen=True)
class IntegrityReport:
    """What each check found; empty lists mean no damage."""

    encryption: list[str] = field(default_factory=list)  # pages failing authentication
    consistency: list[str] = field(default_factory=list)  # quick_check findings
    search_index: list[str] = field(default_factory=list)  # FTS integrity findings

    @property
    def ok(self) -> bool:
        return not (self.encryption or self.consistency or self.search_index)

    def damaged_parts(self) -> list[str]:
        parts = []
        if self.encryption:
            parts.append(f"{len(self.encryption)} page(s) fail their encryption check (changed on disk)")
        if self.consistency:
            parts.append("the database structure is inconsistent")
        if self.search_index:
            parts.append("the document search index is damaged")
        return parts

    def message(self) -> str:
        if self.ok:
            return ("No damage found: every page passes its encryption check, the database is consistent and "
                    "the document search index is intact.")
        return (f"The local database is damaged: {'; '.join(self.damaged_parts())}. "
                "The hospital data can always be fetched again by a sync into a fresh profile. Your own data "
                "(prescriptions, medication decisions, acknowledgements, access log) cannot: export it now with "
                "`consult-desktop backup --out FILE`, create a fresh profile (`consult-desktop --data-dir NEW "
                "restore FILE`), then sync.")

    def to_dict(self) -> dict:
        return {"ok": self.ok, "encryption": self.encryption, "consistency": self.consistency,
                "search_index": self.search_index, "message": self.message()}


def check_integrity(conn: Connection) -> IntegrityReport:
    """Run the three checks; a check that cannot even run counts as damage of its part."""
    return IntegrityReport(
        encryption=_rows(conn, "PRAGMA cipher_integrity_check", ok=None),
        consistency=_rows(conn, "PRAGMA quick_check", ok="ok"),
        search_index=_search_index(conn),
    )


def daily_check(store: Store, now: datetime | None = None) -> IntegrityReport | None:
    """The check, when the last one is at least a day old (else None). The time is kept unless read-only."""
    now = now or datetime.now(UTC)
    last = store.settings.get(LAST_CHECK_KEY)
    try:
        if last is not None and now - datetime.fromisoformat(last) < timedelta(days=1):
            return None
    except ValueError:
        pass
    report = check_integrity(store.conn)
    if not store.read_only:
        try:
            store.settings.set(LAST_CHECK_KEY, now.isoformat(timespec="seconds"))
        except Exception:  # a damaged database may refuse the write; the report matters more
            pass
    return report


def _rows(conn: Connection, pragma: str, ok: str | None) -> list[str]:
    try:
        found = [str(row[0]) for row in conn.execute(pragma)]
    except DatabaseError as exc:
        return [_reason(exc)]
    return [line for line in found if line != ok][:_MAX_LINES]


def _search_index(conn: Connection) -> list[str]:
    try:
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
    except DatabaseError as exc:
        if "readonly" in str(exc).lower():
            return []  # cannot be run on a read-only profile; the other checks still cover its pages
        return [_reason(exc)]
    return []


def _reason(exc: BaseException) -> str:
    # SQLite's own messages name no data ("database disk image is malformed"); keep them short anyway.
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
