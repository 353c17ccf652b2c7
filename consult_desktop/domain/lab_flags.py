"""Abnormal flags of a lab result: the laboratory's interpretation first, else the reference range.

The laboratory knows things the range alone does not (age- and sex-specific ranges, delta checks), so an
interpretation code, when sent, decides. Without one, a numeric value is compared with the first reference
range; a value with a comparator (``<5``) is flagged only when it is unambiguous. Critical is never guessed
from a range: only the laboratory's HH / LL / AA codes say critical. This is the one owner of the rule:
`fhir.mapping` fills `LabResult.abnormal` with `is_abnormal`, the lab screens show `flag_for`. Pure
functions; any thread.

Codes: HL7 v3 ObservationInterpretation (terminology.hl7.org CodeSystem v3-ObservationInterpretation).
"""

from __future__ import annotations

from enum import Enum

from consult_desktop.domain.lab_result import LabResult


class LabFlag(Enum):
    NORMAL = "N"
    LOW = "L"
    HIGH = "H"
    CRITICAL_LOW = "LL"
    CRITICAL_HIGH = "HH"
    CRITICAL = "AA"
    ABNORMAL = "A"
    UNKNOWN = ""

    @property
    def is_abnormal(self) -> bool:
        return self not in (LabFlag.NORMAL, LabFlag.UNKNOWN)

    @property
    def is_critical(self) -> bool:
        return self in (LabFlag.CRITICAL_LOW, LabFlag.CRITICAL_HIGH, LabFlag.CRITICAL)


_INTERPRETATION = {
    "N": LabFlag.NORMAL,
    "L": LabFlag.LOW, "LU": LabFlag.LOW, "<": LabFlag.LOW,
    "H": LabFlag.HIGH, "HU": LabFlag.HIGH, ">": LabFlag.HIGH,
    "LL": LabFlag.CRITICAL_LOW,
    "HH": LabFlag.CRITICAL_HIGH,
    "AA": LabFlag.CRITICAL,
    "A": LabFlag.ABNORMAL,
    # Qualitative results: positive, detected, resistant, and the laboratory's warning are abnormal.
    "POS": LabFlag.ABNORMAL, "DET": LabFlag.ABNORMAL, "R": LabFlag.ABNORMAL, "W": LabFlag.ABNORMAL,
    "NEG": LabFlag.NORMAL, "ND": LabFlag.NORMAL, "S": LabFlag.NORMAL,
}


def flag_for(result: LabResult) -> LabFlag:
    return result_flag(result.interpretation, result.value, result.comparator, result.ref_low, result.ref_high)


def result_flag(interpretation: str | None, value: float | None, comparator: str | None, low: float | None,
                high: float | None) -> LabFlag:
    """The laboratory's interpretation code when it is one we know, else the reference range."""
    code = (interpretation or "").strip().upper()
    if code in _INTERPRETATION:
        return _INTERPRETATION[code]
    return range_flag(value, comparator, low, high)


def is_abnormal(interpretation: str | None, value: float | None, comparator: str | None, low: float | None,
                high: float | None) -> bool | None:
    """True / False when it can be decided, None when it cannot (no known code, nothing to compare)."""
    flag = result_flag(interpretation, value, comparator, low, high)
    return None if flag is LabFlag.UNKNOWN else flag.is_abnormal


def range_flag(value: float | None, comparator: str | None, low: float | None, high: float | None) -> LabFlag:
    """Compare a value with a reference range; UNKNOWN when there is nothing to compare."""
    if value is None or (low is None and high is None):
        return LabFlag.UNKNOWN
    if comparator in ("<", "<="):  # the true value is at most `value`
        if low is not None and value <= low:
            return LabFlag.LOW
        if high is not None and value <= high and low is None:
            return LabFlag.NORMAL
        return LabFlag.UNKNOWN
    if comparator in (">", ">="):  # the true value is at least `value`
        if high is not None and value >= high:
            return LabFlag.HIGH
        if low is not None and value >= low and high is None:
            return LabFlag.NORMAL
        return LabFlag.UNKNOWN
    if low is not None and value < low:
        return LabFlag.LOW
    if high is not None and value > high:
        return LabFlag.HIGH
    return LabFlag.NORMAL


def analyte_key(result: LabResult) -> tuple[str, str]:
    """What makes two results the same analyte for a trend: the code, else the folded name."""
    if result.code:
        return result.code_system or "", result.code
    return "text", (result.display or "").casefold()
