"""Real-world FHIR from another producer (Synthea) goes through the same ingest path: validated, stored,
documents indexed, nothing quarantined. Skipped when the sample is absent."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from consult_desktop.domain.roles import GP_PROFILE
from consult_desktop.fhir.validation import validate_resource
from consult_desktop.store import Profile
from consult_desktop.sync.ingest import PageIngester


def test_synthea_sample_loads_through_the_sync_ingest_path(synthea_dir: Path, tmp_path: Path) -> None:
    resources = []
    for path in sorted(synthea_dir.glob("*.ndjson")):
        resources += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    patients = {r["id"] for r in resources if r["resourceType"] == "Patient"}
    wanted = Counter(r["resourceType"] for r in resources if r["resourceType"] in GP_PROFILE.resource_types)
    with Profile.resolve(tmp_path / "p").create("synthea passphrase") as store:
        ingester = PageIngester(store, "synthea", patients, frozenset(GP_PROFILE.resource_types), validate_resource)
        for i in range(0, len(resources), 500):
            ingester.ingest(resources[i:i + 500])
        stats = store.stats()
        assert stats["quarantined"] == 0, store.resources.quarantined()[:3]
        assert stats["patients"] == len(patients) == 13
        assert {k: v for k, v in stats["resources"].items()} == dict(wanted)
        # Clinical notes (inline text/plain) are searchable.
        some_patient = next(iter(sorted(patients)))
        notes = store.resources.for_patient("synthea", some_patient, ["DocumentReference"])
        assert notes
        assert store.resources.search_documents("synthea", some_patient, "encounter") or \
            store.resources.search_documents("synthea", some_patient, "patient")
