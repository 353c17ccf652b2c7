"""The one abnormal-lab rule (`domain.lab_flags`): the screens' flag and the mapping's `LabResult.abnormal`
agree, interpretation codes first, then the range, with "<" / ">" values flagged only when unambiguous."""

from __future__ import annotations

import pytest

from consult_desktop.domain.lab_flags import LabFlag, flag_for
from consult_desktop.domain.lab_result import LabResult
from consult_desktop.fhir.mapping import map_observation


def result(rid: str, value: float | None = None, *, low: float | None = 3.5, high: float | None = 5.1,
           interpretation: str | None = None, comparator: str | None = None, when: str = "2025-02-14T07:00:00",
           code: str = "2823-3", display: str = "Potassium", unit: str = "mmol/L",
           value_text: str | None = None) -> LabResult:
    return LabResult(id=rid, code=code, code_system="http://loinc.org", display=display, value=value,
                     comparator=comparator, unit=unit, value_text=value_text, ref_low=low, ref_high=high,
                     interpretation=interpretation, effective=when)


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"value": 4.2}, LabFlag.NORMAL),
    ({"value": 5.1}, LabFlag.NORMAL),  # the limits belong to the range
    ({"value": 5.6}, LabFlag.HIGH),
    ({"value": 3.1}, LabFlag.LOW),
    ({"value": 7.0, "high": None}, LabFlag.NORMAL),  # only a lower limit
    ({"value": 4.2, "low": None, "high": None}, LabFlag.UNKNOWN),
    ({"value": 5.6, "interpretation": "N"}, LabFlag.NORMAL),  # the laboratory knows better than the range
    ({"value": 4.2, "interpretation": "H"}, LabFlag.HIGH),
    ({"value": 6.9, "interpretation": "HH"}, LabFlag.CRITICAL_HIGH),
    ({"value": 2.1, "interpretation": "LL"}, LabFlag.CRITICAL_LOW),
    ({"value_text": "positive", "interpretation": "A", "low": None, "high": None}, LabFlag.ABNORMAL),
    ({"value": 3.0, "comparator": "<"}, LabFlag.LOW),  # "<3.0" is below 3.5 for sure
    ({"value": 5.0, "comparator": "<"}, LabFlag.UNKNOWN),  # "<5.0" could be normal or low
    ({"value": 6.0, "comparator": ">"}, LabFlag.HIGH),
])
def test_flags_from_ranges_and_interpretation(kwargs: dict, expected: LabFlag) -> None:
    assert flag_for(result("x", **kwargs)) is expected


@pytest.mark.parametrize(("quantity", "interpretation", "expected"), [
    ({"value": 3.0, "comparator": "<"}, None, True),  # "<3.0" is below 3.5 for sure
    ({"value": 5.0, "comparator": "<"}, None, None),  # "<5.0" could be normal or low
    ({"value": 6.0, "comparator": ">"}, None, True),
    ({"value": 4.2}, None, False),
    ({"value": 5.6}, "N", False),  # the laboratory knows better than the range
    ({"value": 4.2}, "HH", True),
    ({"value": 4.2}, "POS", True),
    ({"value": 5.6}, "NEG", False),
    ({"value": 4.2}, "<", True),  # off scale low
    ({"value": 4.2}, ">", True),
])
def test_the_mapping_and_the_screens_use_the_same_rule(quantity: dict, interpretation: str | None,
                                                       expected: bool | None) -> None:
    resource = {"resourceType": "Observation", "id": "o", "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]},
                "valueQuantity": quantity,
                "referenceRange": [{"low": {"value": 3.5}, "high": {"value": 5.1}}]}
    if interpretation:
        resource["interpretation"] = [{"coding": [{"code": interpretation}]}]
    mapped = map_observation(resource)
    assert mapped is not None and mapped.abnormal is expected
    flag = flag_for(mapped)
    assert (None if flag is LabFlag.UNKNOWN else flag.is_abnormal) is expected
