"""Fetching the Medication resources that stored prescriptions point to (`medicationReference`), and
dropping those nobody points to any more. Runs on the sync engine's thread, after the changes are stored.
"""

from __future__ import annotations

import logging

from consult_desktop.domain.references import reference_id
from consult_desktop.fhir.errors import FhirError
from consult_desktop.store import Store
from consult_desktop.sync.ingest import PageIngester
from consult_desktop.sync.source import FhirSource

log = logging.getLogger(__name__)
ID_BATCH = 100


def resolve_medication_references(store: Store, server_id: str, client: FhirSource, ingester: PageIngester) -> int:
    """Fetch `Medication/x` resources that stored prescriptions reference and the cache lacks."""
    # Only relative references name a Medication on this server.
    refs = {ref for ref in store.resources.medication_references(server_id) if ref.startswith("Medication/")}
    wanted = {rid for ref in refs if (rid := reference_id(ref, "Medication")) is not None}
    have = store.resources.ids(server_id, "Medication")
    # A Medication nobody points to any more (its patient left, the prescription was deleted) goes too.
    for orphan in have - wanted:
        store.resources.delete(server_id, "Medication", orphan)
    missing = sorted(wanted - have)
    fetched = 0
    for i in range(0, len(missing), ID_BATCH):
        try:
            for page in client.search("Medication", {"_id": ",".join(missing[i:i + ID_BATCH]), "_count": "100"}):
                fetched += ingester.ingest(page.matches)
        except FhirError as exc:
            log.info("referenced medications not fetched: %s", type(exc).__name__)
            break
    return fetched
