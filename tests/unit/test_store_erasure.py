"""Erasure that erases: after a purge, no word of the purged patient is left in any page of the database."""

from __future__ import annotations

from pathlib import Path

from consult_desktop.store import Profile
from consult_desktop.store.migrations import MIGRATIONS, SECURE_DELETE_TITLE, migrate, schema_version
from tests.fixtures.raw_pages import decrypted_pages, tokens_found

PASS = "correct horse battery staple"
# Words only the purged patient has: a given name, a family name, words of a report and of its text attachment.
SECRET_WORDS = ["xylomena", "quoddyrath", "zymbrilase", "kwethorrax", "jubbelvink", "vashtiquor"]


def patient(pid: str, family: str, given: str) -> dict:
    return {"resourceType": "Patient", "id": pid, "name": [{"family": family, "given": [given]}],
            "meta": {"versionId": "1", "lastUpdated": "2026-01-01T00:00:00Z"}}


def report(rid: str, pid: str, conclusion: str, note: str) -> dict:
    import base64

    return {"resourceType": "DiagnosticReport", "id": rid, "status": "final",
            "meta": {"versionId": "1", "lastUpdated": "2026-01-01T00:00:00Z"},
            "subject": {"reference": f"Patient/{pid}"}, "code": {"text": "Consultation note"},
            "conclusion": conclusion,
            "presentedForm": [{"contentType": "text/plain", "data": base64.b64encode(note.encode()).decode()}]}


def fill(store, n: int = 40) -> None:  # type: ignore[no-untyped-def]
    store.resources.put_many("h", [patient("keep", "Peeters", "Anna"), patient("gone", "Quoddyrath", "Xylomena")])
    store.resources.put_many("h", [
        report(f"k{i}", "keep", f"Routine follow-up number {i}, blood pressure fine.", "Nothing to report.")
        for i in range(n)
    ])
    store.resources.put_many("h", [
        report("g1", "gone", "Zymbrilase deficiency suspected; Kwethorrax therapy started.",
               "Seen with her sister Jubbelvink at Vashtiquor clinic."),
    ])
    store.resources.put_many("h", [
        report(f"k{i}b", "keep", f"Second visit {i}.", "Stable.") for i in range(n)
    ])


def test_purged_patient_leaves_no_word_in_any_page(tmp_path: Path) -> None:
    profile = Profile.resolve(tmp_path / "p")
    store = profile.create(PASS)
    data_key = store.data_key
    assert data_key is not None
    fill(store)
    store.close()
    # The method sees the words while they are stored (so their absence later means something).
    assert tokens_found(profile.db_path, data_key, SECRET_WORDS) == set(SECRET_WORDS)
    first = next(decrypted_pages(profile.db_path, data_key))
    assert first[:2] == (8192).to_bytes(2, "big")  # page 1 decrypts to SQLite's header (page size field)

    with profile.unlock(PASS) as store:
        store.resources.purge_patient("h", "gone")
        assert store.resources.search_documents("h", "keep", "routine")
    for companion in profile.directory.glob("consult.db-*"):
        assert companion.stat().st_size == 0 or not companion.exists()
    assert tokens_found(profile.db_path, data_key, SECRET_WORDS) == set()


def test_existing_profiles_get_secure_delete_by_a_migration(tmp_path: Path) -> None:
    from consult_desktop.store.database import open_database

    number = next(n for n, title, _sql, _fill in MIGRATIONS if title == SECURE_DELETE_TITLE)
    import secrets

    conn = open_database(tmp_path / "old.db", secrets.token_bytes(32), create=True)
    migrate(conn, None, target=number - 1)
    assert _secure_delete(conn) is None
    migrate(conn, None)
    assert schema_version(conn) >= number
    assert _secure_delete(conn) == 1
    conn.close()


def _secure_delete(conn) -> int | None:  # type: ignore[no-untyped-def]
    row = conn.execute("SELECT v FROM documents_fts_config WHERE k = 'secure-delete'").fetchone()
    return None if row is None else int(row[0])
