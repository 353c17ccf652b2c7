"""What a user does with a record, each action writing its own audit entry and returning what it changed.

Opening and leaving a patient, locking and unlocking, creating the profile and changing its passphrase,
saving the hospital server's settings, exporting a reconciliation summary and wiping the profile; the
medication actions (prescribe, edit, stop, delete, import, acknowledge a flag, decide a line) are in
`medication_actions`. The command line uses the same functions where it does the same thing. The store is
reached only through the store's repositories, in the few functions of this module and of
`medication_actions`. Plain Python, no Qt: call on the thread that opened the store (the desktop's database
lane, or the command line's main thread).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.record.access_report import record_access
from consult_desktop.record.changes import VIEWED, FileWritten, PatientChanged, ProfileWiped, RecordsSynced
from consult_desktop.record.document_content import AUDIT_OPEN_DOCUMENT, DocumentContent, load_document_content
from consult_desktop.record.people import owner_of, person_keys
from consult_desktop.store import KdfParams, Profile, Store


def open_patient(store: Store, server_id: str, patient_id: str) -> None:
    """The GP opened this patient's record: one entry per hospital whose record of the person is shown (the
    access log shows them; each hospital is told at its next sync)."""
    with store.transaction():
        for sid, pid in person_keys(store, server_id, patient_id):
            record_access(store, "open-patient", sid, pid)


def open_document(store: Store, server_id: str, patient_id: str, resource_type: str, resource_id: str,
                  held_by: str | None = None) -> DocumentContent:
    """The GP opened a document (of any hospital of this person): logged for the hospital that holds it (the
    access log, the hospital's audit trail), then read to show. `held_by`: the server of the document (the list
    row's `server_id`); without it, the first of the person's hospitals that has a document with this id."""
    sid, pid = owner_of(store, server_id, patient_id, resource_type, resource_id, held_by)
    record_access(store, AUDIT_OPEN_DOCUMENT, sid, pid, resource_type, resource_id)
    return load_document_content(store, sid, pid, resource_type, resource_id)


def mark_viewed(store: Store, server_id: str, patient_id: str) -> PatientChanged:
    """The GP left the patient: what was new is now seen at every hospital of this person (the badge goes)."""
    with store.transaction():
        for sid, pid in person_keys(store, server_id, patient_id):
            store.views.mark_viewed(sid, pid)
    return PatientChanged((server_id, patient_id), frozenset({VIEWED}))


def audit_session(store: Store, action: str) -> None:
    """A session event without a patient ("lock", "unlock")."""
    store.audit.write(action)


def add_document_text(store: Store, server_id: str, resource_type: str, resource_id: str, text: str) -> None:
    """The text layer of a PDF read while it was shown joins the full-text index (searches then find it);
    `server_id` is the server that holds the document."""
    store.resources.add_document_text(server_id, resource_type, resource_id, text)


def create_profile(profile: Profile, passphrase: str, kdf: KdfParams | None = None) -> Store:
    """Create the encrypted profile and log its creation; returns the open store (the caller closes it)."""
    store = profile.create(passphrase, kdf=kdf) if kdf is not None else profile.create(passphrase)
    store.audit.write("profile-created")
    return store


def passphrase_changed(store: Store) -> None:
    """Logged after `Profile.change_passphrase` (the key file was rewritten, not the database)."""
    store.audit.write("passphrase-changed")


def record_export(store: Store, server_id: str, patient_id: str, path: Path) -> FileWritten:
    """The reconciliation summary of this patient was written to a file (the access log shows it)."""
    from consult_desktop.record.exports import record_reconciliation_export

    return record_reconciliation_export(store, server_id, patient_id, path)


def set_gp_name(store: Store, name: str) -> None:
    """The GP's name printed on exports (the settings dialog); an empty name removes it from the exports."""
    from consult_desktop.record.medication import GP_NAME_KEY

    store.settings.set(GP_NAME_KEY, name.strip())
    store.audit.write("settings-changed", object_type="setting", object_id=GP_NAME_KEY)


def wipe_profile(profile: Profile) -> ProfileWiped:
    """Remove the profile and its keychain entry from this computer (its store must be closed)."""
    profile.wipe()
    return ProfileWiped()


def save_server_settings(store: Store, config: ServerConfig, **secrets: Any) -> str:
    """Store the hospital server's settings and secrets (logged as "server-configured"); returns its id.
    `secrets`: client_secret, token, private_key_pem, options (see `sync.setup.save_server`)."""
    from consult_desktop.sync.setup import save_server

    return save_server(store, config, **secrets)


def add_server(store: Store, config: ServerConfig, name: str | None = None, **secrets: Any) -> str:
    """Add a hospital server to the profile's list (the others are kept); returns its id."""
    from consult_desktop.sync.setup import add_server as add

    return add(store, config, name=name, **secrets)


def remove_server(store: Store, server_id: str) -> RecordsSynced | None:
    """Remove a server and, in one transaction, everything cached from it; None when it is not configured."""
    from consult_desktop.sync.setup import remove_server as remove

    return RecordsSynced() if remove(store, server_id) else None
