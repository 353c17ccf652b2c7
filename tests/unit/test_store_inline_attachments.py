"""Inline attachments (`attachment.data`) are stored once, as a BLOB, and obey the attachment size limit."""

from __future__ import annotations

import base64
from pathlib import Path

from consult_desktop.store import Profile

PASS = "correct horse battery staple"
PDF = b"%PDF-1.7 discharge letter " + bytes(range(256)) * 40


def document(rid: str, payload: bytes, version: str = "1") -> dict:
    return {"resourceType": "DocumentReference", "id": rid, "status": "current",
            "meta": {"versionId": version, "lastUpdated": f"2026-01-0{version}T00:00:00Z"},
            "subject": {"reference": "Patient/p1"}, "type": {"text": "Discharge letter"},
            "content": [{"attachment": {"contentType": "application/pdf", "title": "letter",
                                        "data": base64.b64encode(payload).decode()}},
                        {"attachment": {"contentType": "text/plain",
                                        "data": base64.b64encode(b"Follow-up in two weeks.").decode()}}]}


def test_an_inline_attachment_is_stored_once_as_a_blob(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        store.resources.put_many("h", [document("d1", PDF)])
        raw_json = store.conn.execute("SELECT json FROM resources WHERE id='d1'").fetchone()[0]
        assert base64.b64encode(PDF).decode()[:40] not in raw_json and '"data"' not in raw_json
        stored = store.resources.get("h", "DocumentReference", "d1")
        assert stored["content"][0]["attachment"]["size"] == len(PDF)  # what it holds is still described
        att = store.resources.get_attachment("h", "DocumentReference", "d1", 0)
        assert att is not None and att.data == PDF and att.error is None
        assert store.resources.get_attachment("h", "DocumentReference", "d1", 1).data == b"Follow-up in two weeks."
        assert store.resources.search_documents("h", "p1", "follow")  # its text is still searchable
        assert store.resources.documents_missing_attachments("h") == []


def test_an_inline_attachment_above_the_limit_is_not_stored(tmp_path: Path) -> None:
    big = PDF * 10  # about 100 KB, the limit is 50 KB here
    with Profile.resolve(tmp_path / "p").create(PASS) as store:
        store.resources.put_many("h", [document("d1", big)], max_inline_bytes=50_000)
        att = store.resources.get_attachment("h", "DocumentReference", "d1", 0)
        assert att is not None and att.data is None
        assert att.error.startswith("permanent:") and "larger than the allowed" in att.error
        size = store.conn.execute("SELECT length(json) FROM resources WHERE id='d1'").fetchone()[0]
        assert size < 2000  # neither in the JSON
        assert store.stats()["attachments"]["bytes"] < 100


def test_a_profile_stored_before_keeps_inline_data_once_after_its_upgrade(tmp_path: Path) -> None:
    import json
    import secrets

    from consult_desktop.store.database import open_database
    from consult_desktop.store.keyfile import KdfParams, KeyFile
    from consult_desktop.store.migrations import MIGRATIONS, SECURE_DELETE_TITLE, migrate

    number = next(n for n, title, _sql, _fill in MIGRATIONS if title == SECURE_DELETE_TITLE)
    directory = tmp_path / "p"
    directory.mkdir()
    data_key = secrets.token_bytes(32)
    conn = open_database(directory / "consult.db", data_key, create=True)
    migrate(conn, None, target=number - 1)
    conn.execute("INSERT INTO resources(server_id, type, id, patient_id, stored_at, json) "
                 "VALUES ('h', 'DocumentReference', 'd1', 'p1', '2026-01-01', ?)", (json.dumps(document("d1", PDF)),))
    conn.close()
    KeyFile.wrap(data_key, PASS, KdfParams()).write(directory / "key.json")
    with Profile.resolve(directory).unlock(PASS) as store:
        raw_json = store.conn.execute("SELECT json FROM resources WHERE id='d1'").fetchone()[0]
        assert '"data"' not in raw_json
        assert store.resources.get_attachment("h", "DocumentReference", "d1", 0).data == PDF
