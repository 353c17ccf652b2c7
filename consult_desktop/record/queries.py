"""The small reads of the screens that are not one patient's record: the patient list, the access log, the
search in a patient's documents, the sync problems, the last sync time, the database's cipher version.

Together with `patient_snapshot`, `document_content` and `medication` these are all the reads the desktop
makes; each takes an open `Store`. Plain Python, no Qt: call on the thread that opened the store.
"""

from __future__ import annotations

from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.store import LAST_SYNC_KEY, PatientSummary, Store
from consult_desktop.store.audit import AuditEntry
from consult_desktop.store.resources import utc_now


def patient_list(store: Store) -> list[PatientSummary]:
    """One row per person: a patient known to several hospitals (same SSIN) once, with the hospitals' names."""
    from consult_desktop.record.people import person_summaries

    return person_summaries(store)


def store_time() -> str:
    """Now, in the form the store stamps stored resources with (to ask later what was stored since)."""
    return utc_now()


def patients_changed_since(store: Store, since: str) -> frozenset[tuple[str, str]]:
    """(server_id, patient_id) of every patient with a resource stored or replaced at or after `since` (the
    store's UTC timestamp format): what a sync that started then changed, deletions aside."""
    return frozenset(store.resources.patients_stored_since(since))


def access_log(store: Store, limit: int, patient_id: str | None = None) -> list[AuditEntry]:
    return store.audit.entries(limit, patient_id=patient_id)


def search_documents(store: Store, server_id: str, patient_id: str, query: str) -> list[tuple]:
    """(server_id, resource type, id, snippet with the found words in [brackets]) of this person's documents,
    at every hospital that knows them."""
    from consult_desktop.record.people import person_keys

    found: list[tuple] = []
    for sid, pid in person_keys(store, server_id, patient_id):
        found.extend((sid, *hit) for hit in store.resources.search_documents(sid, pid, query))
    return found


def sync_problems(store: Store) -> list[dict]:
    """Resources kept in quarantine by the sync, with their error (ids, no patient data in the error)."""
    return store.resources.quarantined()


def last_sync(store: Store) -> str | None:
    return store.settings.get(LAST_SYNC_KEY)


def cipher_version(store: Store) -> str:
    return store.cipher_version()


def server_settings(store: Store) -> ServerConfig | None:
    """The hospital server this profile syncs with (the settings dialog, the sign-in explanation)."""
    from consult_desktop.sync.setup import configured_server

    return configured_server(store)


def gp_name(store: Store) -> str:
    """The GP's name printed on exports ("" when not set)."""
    from consult_desktop.record.medication import GP_NAME_KEY

    return store.settings.get(GP_NAME_KEY) or ""


def servers(store: Store) -> list:
    """Every configured server (`sync.server_settings.ServerEntry`: id, name, address, role, last sync)."""
    from consult_desktop.sync.setup import server_list

    return server_list(store)
