"""Mapping robustness: odd or partial JSON never crashes the mapping (property-based), and the real
Synthea sample (when available) maps and validates completely."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consult_desktop.domain.roles import may_see, profile_for
from consult_desktop.fhir.mapping import (
    MAPPERS,
    display_name,
    map_document_reference,
    map_patient,
    map_resource,
    patient_id_of,
)
from consult_desktop.fhir.validation import validate_resource


def samples_dir() -> Path:
    env = os.environ.get("CONSULT_FHIR_SAMPLES")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / ".." / "shared" / "fhir-samples"
    return root / "synthea-bulk-10-patients"


_KEYS = st.sampled_from(
    [
        "subject",
        "patient",
        "code",
        "valueQuantity",
        "valueString",
        "valueCodeableConcept",
        "referenceRange",
        "interpretation",
        "effectiveDateTime",
        "effectivePeriod",
        "category",
        "type",
        "content",
        "context",
        "name",
        "identifier",
        "address",
        "communication",
        "class",
        "period",
        "hospitalization",
        "reaction",
        "clinicalStatus",
        "verificationStatus",
        "onsetPeriod",
        "onsetDateTime",
        "performedPeriod",
        "presentedForm",
        "encounter",
        "author",
        "deceasedBoolean",
        "vaccineCode",
        "occurrenceDateTime",
        "bodySite",
        "status",
        "date",
        "issued",
        "birthDate",
        "gender",
        "serviceProvider",
        "resultsInterpreter",
    ]
)
_INNER_KEYS = st.sampled_from(
    [
        "coding",
        "code",
        "system",
        "display",
        "text",
        "reference",
        "value",
        "low",
        "high",
        "start",
        "end",
        "attachment",
        "url",
        "data",
        "size",
        "contentType",
        "use",
        "family",
        "given",
        "line",
        "city",
        "postalCode",
        "language",
        "preferred",
        "manifestation",
        "dischargeDisposition",
        "encounter",
        "substance",
        "comparator",
    ]
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_INNER_KEYS, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    rtype=st.sampled_from(sorted(MAPPERS)),
    body=st.dictionaries(_KEYS, _JSON, max_size=6),
    rid=st.one_of(st.none(), st.text(max_size=5), st.integers()),
)
def test_mapping_never_crashes_on_odd_data(rtype: str, body: dict[str, Any], rid: Any) -> None:
    resource = {"resourceType": rtype, "id": rid, **body}
    mapped = map_resource(resource)
    assert mapped is None or mapped.id == rid
    patient_id_of(resource)
    may_see(profile_for("nurse"), resource)


SYNTHEA_TYPES = (
    "Patient",
    "Encounter",
    "Condition",
    "DocumentReference",
    "AllergyIntolerance",
    "Procedure",
    "Immunization",
)


def load_samples() -> list[dict[str, Any]]:
    folder = samples_dir()
    if not folder.is_dir():
        pytest.skip(f"Synthea sample not available at {folder} (set CONSULT_FHIR_SAMPLES to use it)")
    resources = []
    for path in sorted(folder.glob("*.ndjson")):
        with path.open(encoding="utf-8") as handle:
            resources.extend(json.loads(line) for line in handle if line.strip())
    return resources


def test_synthea_sample_maps_completely() -> None:
    resources = load_samples()
    patients = {r["id"] for r in resources if r["resourceType"] == "Patient"}
    counted = 0
    for resource in resources:
        if resource["resourceType"] not in SYNTHEA_TYPES:
            continue
        mapped = map_resource(resource)
        assert mapped is not None, resource["id"]
        assert mapped.id == resource["id"]
        if resource["resourceType"] != "Patient":
            assert mapped.patient_id in patients
        counted += 1
    assert counted > 5000
    letters = [map_document_reference(r) for r in resources if r["resourceType"] == "DocumentReference"]
    assert all(
        d is not None and d.type_code and d.attachments and d.attachments[0].inline_bytes() for d in letters
    )
    names = [display_name(map_patient(r)) for r in resources if r["resourceType"] == "Patient"]  # type: ignore[arg-type]
    assert all(name and name != "(name unknown)" for name in names)


def test_synthea_sample_validates() -> None:
    failures = [(r["resourceType"], r.get("id"), e) for r in load_samples() if (e := validate_resource(r))]
    assert failures == []
