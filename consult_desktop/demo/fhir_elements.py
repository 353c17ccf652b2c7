"""Small builders for FHIR R4 data types (Coding, Reference, Quantity, instants) used by the demo hospital.

Pure functions and constants; callable from any thread. Times inside the demo are integers of
milliseconds since the Unix epoch (UTC) so that ordering and `_lastUpdated` comparisons stay exact.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

JSON = dict[str, Any]

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
ATC = "http://www.whocc.no/atc"
CNK = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cnk-codes"
UCUM = "http://unitsofmeasure.org"
NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi"
BCP47 = "urn:ietf:bcp:47"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DIAG_SERVICE = "http://terminology.hl7.org/CodeSystem/v2-0074"
DEMO_CS = "https://demo-hospital.invalid/fhir/CodeSystem"
# Attachment URLs written as absolute use this base; the server swaps in its own base URL when it answers.
# Its host is unlike every code system URL here, so the swap touches nothing else.
ABSOLUTE_BASE_PLACEHOLDER = "https://binary-base.demo-hospital.invalid/fhir"

# Every demo resource is tagged as test data (HL7 ActReason HTEST), so no one mistakes it for a real record.
HTEST_TAG: JSON = {
    "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
    "code": "HTEST",
    "display": "test health data",
}

UTC = dt.UTC
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)
DAY_MS = 86_400_000
HOUR_MS = 3_600_000


def coding(system: str, code: str, display: str | None = None) -> JSON:
    out: JSON = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def concept(system: str, code: str, display: str | None = None, text: str | None = None) -> JSON:
    out: JSON = {"coding": [coding(system, code, display)]}
    if text or display:
        out["text"] = text or display
    return out


def ref(rtype: str, rid: str, display: str | None = None) -> JSON:
    out: JSON = {"reference": f"{rtype}/{rid}"}
    if display:
        out["display"] = display
    return out


def quantity(value: float | int, unit: str, code: str | None = None) -> JSON:
    return {"value": value, "unit": unit, "system": UCUM, "code": code or unit}


def ms_from_datetime(moment: dt.datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - _EPOCH) // dt.timedelta(milliseconds=1)


def ms_from_date(day: dt.date, hour: int = 0, minute: int = 0) -> int:
    return ms_from_datetime(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC))


def datetime_from_ms(ms: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(milliseconds=ms)


def instant(ms: int) -> str:
    """FHIR instant with millisecond precision and an explicit UTC offset: 2026-01-02T10:00:00.123+00:00."""
    seconds, millis = divmod(ms, 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}+00:00"


def fhir_datetime(ms: int) -> str:
    """FHIR dateTime to the second, UTC offset included (clinical times such as effectiveDateTime)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(ms // 1000))


def fhir_date(day: dt.date) -> str:
    return day.isoformat()


def period(start_ms: int, end_ms: int | None) -> JSON:
    out: JSON = {"start": fhir_datetime(start_ms)}
    if end_ms is not None:
        out["end"] = fhir_datetime(end_ms)
    return out


def meta(version: int, last_updated_ms: int) -> JSON:
    return {"versionId": str(version), "lastUpdated": instant(last_updated_ms), "tag": [HTEST_TAG]}


def operation_outcome(code: str, diagnostics: str, severity: str = "error") -> JSON:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "diagnostics": diagnostics}],
    }
