"""Document visibility by role: the one rule (`domain.roles.may_see`) the sync applies to raw resources."""

from __future__ import annotations

from consult_desktop.domain.roles import may_see, profile_for

LOINC = "http://loinc.org"


def test_role_filter_on_raw_documents() -> None:
    op_note = {
        "resourceType": "DocumentReference",
        "id": "d",
        "type": {"coding": [{"system": LOINC, "code": "11504-8"}]},
    }
    assert may_see(profile_for("gp"), op_note)
    assert not may_see(profile_for("nurse"), op_note)
    assert may_see(profile_for("physio"), op_note)
    lab = {"resourceType": "DiagnosticReport", "id": "r", "category": [{"coding": [{"code": "LAB"}]}]}
    assert may_see(profile_for("nurse"), lab) and not may_see(profile_for("physio"), lab)
    assert not may_see(profile_for("physio"), {"resourceType": "MedicationRequest", "id": "m"})


def test_odd_shapes_are_not_visible_and_never_raise() -> None:
    nurse = profile_for("nurse")
    assert not may_see(nurse, "not a resource")
    assert not may_see(nurse, {"id": "x"})
    # A type given as a list of concepts (not valid R4) is still read; codes that are not text are skipped.
    listed = {"resourceType": "DocumentReference", "id": "d", "type": [{"coding": [{"code": "18842-5"}]}]}
    assert may_see(nurse, listed)
    odd = {"resourceType": "DocumentReference", "id": "d", "type": {"coding": [{"code": 7}, "x", None]}}
    assert not may_see(nurse, odd) and may_see(profile_for("gp"), odd)
