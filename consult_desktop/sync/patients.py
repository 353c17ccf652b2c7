"""The authorised patient set (the server decides whom this user may see) and the purge of everything held
for patients outside it.

The set is read from `Group/[id]` members, from `Patient?general-practitioner=`, or from a plain
`Patient` search that the server scopes to the caller. Runs on the sync engine's thread.
"""

from __future__ import annotations

import logging

from consult_desktop.domain.references import reference_id
from consult_desktop.store import Store
from consult_desktop.sync.options import SyncOptions
from consult_desktop.sync.progress import CancelToken
from consult_desktop.sync.source import FhirSource

log = logging.getLogger(__name__)
ID_BATCH = 100  # ids per `Patient?_id=a,b,c` search


def authorised_patients(client: FhirSource, options: SyncOptions, cancel: CancelToken | None) -> dict[str, dict]:
    """id -> Patient resource, as the server returns them for this user."""
    if options.group_id:
        return _group_members(client, options.group_id)
    params: dict[str, str] = {"_count": "500"}
    if options.general_practitioner:
        params["general-practitioner"] = options.general_practitioner
    found: dict[str, dict] = {}
    for page in client.search("Patient", params):
        if cancel is not None:
            cancel.raise_if_cancelled()
        found.update({r["id"]: r for r in page.matches
                      if r.get("resourceType") == "Patient" and isinstance(r.get("id"), str)})
    return found


def _group_members(client: FhirSource, group_id: str) -> dict[str, dict]:
    group = client.read("Group", group_id)
    members = [m.get("entity") for m in group.get("member") or [] if isinstance(m, dict) and not m.get("inactive")]
    ids = [pid for entity in members if (pid := reference_id(entity, "Patient")) is not None]
    found: dict[str, dict] = {}
    for i in range(0, len(ids), ID_BATCH):
        for page in client.search("Patient", {"_id": ",".join(ids[i:i + ID_BATCH]), "_count": "500"}):
            found.update({r["id"]: r for r in page.matches if r.get("resourceType") == "Patient"})
    return found


class Purger:
    """Removes a patient's local data, sync cursors included, with an audit entry."""

    def __init__(self, store: Store, server_id: str) -> None:
        self.store = store
        self.server_id = server_id

    def purge_outside(self, authorised: set[str]) -> int:
        """Everyone stored who is not in `authorised`; returns how many."""
        stored = self.store.resources.patient_ids(self.server_id) | self.store.resources.listed_patient_ids(
            self.server_id)
        gone = stored - authorised
        for pid in sorted(gone):
            self.purge(pid)
        if gone:
            log.info("purged %d patients who left the authorised set", len(gone))
        return len(gone)

    def purge(self, pid: str) -> None:
        """This server's rows of the patient; the GP's own data goes to the person's row at another server
        (same SSIN) when there is one."""
        with self.store.transaction():
            others = [k for k in self.store.person_keys(self.server_id, pid) if k != (self.server_id, pid)]
            if others:
                self.store.hand_over_own_data((self.server_id, pid), others[0])
            self.store.resources.purge_patient(self.server_id, pid)
            self.store.cursors.delete(self.server_id, f"patient:{pid}")
            self.store.cursors.delete_prefix(self.server_id, f"everything:{pid}.")
            self.store.audit.write("patient-purged", server_id=self.server_id, patient_id=pid,
                                   detail="no longer authorised")
