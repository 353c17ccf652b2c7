"""What was read from a medication file, line by line, resolved to ingredients: the read report.

`build_report(file_read)` identifies each line's drug (see `drug_codes`), resolves it with the knowledge
base (a CNK through the CNK table, else — without the SAM database — through the product's text: brand
and strength), reads its posology into the checker's `Dosage`, and says why a line is not resolved or not
readable. `MedicationReport.as_json()` is the `--json` output of `prescriptions read`. Pure once the
knowledge base is loaded; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consult_desktop.domain.file_messages import said
from consult_desktop.domain.medication_file import FilePatient, FileRead, SumehrItem, line_status
from consult_desktop.kmehr.codes import AMP, AMPP, CNK, COMPOUND, INN_CLUSTER, VMP, VMP_GROUP, compound_text
from consult_desktop.medlist.be_fhir import MALFORMED, malformed
from consult_desktop.medlist.drug_codes import Identification, identify
from consult_desktop.medlist.posology_words import posology_words
from consult_desktop.meds.knowledge_base import KnowledgeBase, load_knowledge_base
from consult_desktop.meds.models import MedicationEntry
from consult_desktop.meds.normalise import normalise

_SAM = frozenset({AMP, AMPP, VMP, VMP_GROUP, INN_CLUSTER})


@dataclass(frozen=True)
class ReportLine:
    source: str
    statement: dict[str, Any] | None  # as it will be stored (codes cleaned); None when unreadable
    identification: Identification | None
    entry: MedicationEntry | None
    reason: str = ""  # why unreadable, or why not resolved
    notes: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        return self.statement is not None

    @property
    def resolved(self) -> bool:
        return self.entry is not None and self.entry.resolved

    @property
    def status(self) -> str | None:
        return line_status(self.statement) if self.statement is not None else None

    @property
    def product(self) -> str:
        if self.statement is None:
            return ""
        concept = self.statement.get("medicationCodeableConcept") or {}
        name = str(concept.get("text") or compound_text(self.statement) or (self.entry.label if self.entry else ""))
        return " ".join(name.split())  # names spread over lines and tabs in real files

    @property
    def words(self) -> dict[str, str]:
        return posology_words((self.statement or {}).get("dosage"))

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        if self.statement is None:
            out.update({"status": None, "unreadable": True, "reason": self.reason, "notes": list(self.notes)})
            return out
        entry = self.entry
        dosage = entry.dosage if entry else None
        out.update({
            "product": self.product,
            "identified_by": self.identification.kind if self.identification else "text",
            "codes": [code.as_json() for code in self.identification.codes] if self.identification else [],
            "ingredients": [{"id": item.ingredient_id, "strength": str(item.strength) if item.strength else None}
                            for item in entry.ingredients] if entry else [],
            "resolved_by": entry.resolved_by if entry else "",
            "resolved": self.resolved,
            "dose": {"per_intake": dosage.dose_value, "unit": dosage.dose_unit, "per_day": dosage.per_day,
                     "as_needed": dosage.as_needed} if dosage else None,
            "posology": {"text": dosage.text if dosage else "", "words": self.words},
            "status": self.status,
            "start": (self.statement.get("effectivePeriod") or {}).get("start"),
            "end": (self.statement.get("effectivePeriod") or {}).get("end"),
            "notes": list(self.notes),
        })
        if not self.resolved:
            out["not_resolved_reason"] = self.reason
        return out


@dataclass(frozen=True)
class MedicationReport:
    format: str
    patient: FilePatient | None
    lines: tuple[ReportLine, ...]
    sumehr: tuple[SumehrItem, ...] = ()
    warnings: tuple[str, ...] = ()
    other_patients: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        readable = [line for line in self.lines if line.readable]
        resolved = sum(1 for line in readable if line.resolved)
        return {"lines": len(self.lines), "resolved": resolved, "not_resolved": len(readable) - resolved,
                "unreadable": len(self.lines) - len(readable)}

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": self.format,
            "patient": self.patient.as_json() if self.patient else None,
            "lines": [line.as_json() for line in self.lines],
            "summary": self.summary,
        }
        if self.sumehr:
            out["sumehr"] = [item.as_json() for item in self.sumehr]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.other_patients:
            out["other_patients"] = self.other_patients
        return out


def build_report(read: FileRead, kb: KnowledgeBase | None = None) -> MedicationReport:
    kb = kb or load_knowledge_base()
    lines = [_line(number, found.source, found.statement, found.reason, found.notes, kb)
             for number, found in enumerate(read.lines, start=1)]
    return MedicationReport(read.format, read.patient, tuple(lines), read.sumehr, read.warnings,
                            read.other_patients, dict(read.extra))


def _line(number: int, source: str, statement: dict[str, Any] | None, reason: str, notes: tuple[str, ...],
          kb: KnowledgeBase) -> ReportLine:
    if statement is None:
        return ReportLine(source, None, None, None, reason, notes)
    try:
        return _resolved_line(number, source, statement, notes, kb)
    except MALFORMED as exc:
        return ReportLine(source, None, None, None, malformed(exc), notes)


def _resolved_line(number: int, source: str, statement: dict[str, Any], notes: tuple[str, ...],
                   kb: KnowledgeBase) -> ReportLine:
    statement = _well_shaped(statement)
    identification = identify(statement.get("medicationCodeableConcept") or {})
    cleaned = {**statement, "id": str(statement.get("id") or f"line-{number}")}
    if identification.concept:
        cleaned["medicationCodeableConcept"] = identification.concept
    if identification.kind == "text" and _contained_ingredients(cleaned):
        identification = Identification(COMPOUND, identification.codes, identification.concept)
    entry = normalise(cleaned, None, kb)
    why = "" if entry.resolved else _why_not(identification, cleaned)
    if entry.resolved and not entry.complete:
        why = "partly resolved: part of the product names no ingredient the knowledge base knows"
    return ReportLine(source, cleaned, identification, entry, why, notes)


_SHAPES = {"effectivePeriod": dict, "dosage": list, "identifier": list, "contained": list, "note": list,
           "medicationCodeableConcept": dict, "medicationReference": dict, "statusReason": list, "subject": dict}


def _well_shaped(statement: dict[str, Any]) -> dict[str, Any]:
    """Fields of the wrong JSON type are dropped, so nothing downstream trips over them."""
    out = {key: value for key, value in statement.items()
           if key not in _SHAPES or isinstance(value, _SHAPES[key])}
    if not isinstance(out.get("status"), str):
        out["status"] = "active" if "status" not in statement else "unknown"
    for key in ("identifier", "contained", "note", "dosage", "statusReason"):
        if key in out:
            out[key] = [item for item in out[key] if isinstance(item, dict)]
    if "dosage" in out:
        out["dosage"] = [_well_shaped_dosage(entry) for entry in out["dosage"]]
    concept = out.get("medicationCodeableConcept")
    if concept is not None:
        codings = concept.get("coding")
        out["medicationCodeableConcept"] = {
            **{key: value for key, value in concept.items() if key not in ("coding", "text")},
            **({"coding": [_with_display(c) for c in codings if isinstance(c, dict)]} if isinstance(codings, list)
               else {}),
            **({"text": concept["text"]} if isinstance(concept.get("text"), str) else {})}
    return out


def _with_display(coding: dict[str, Any]) -> dict[str, Any]:
    """A display given only as translations (`_display`) still names the product."""
    if isinstance(coding.get("display"), str) or not isinstance(coding.get("_display"), dict):
        return coding
    for extension in coding["_display"].get("extension") or ():
        parts = extension.get("extension") if isinstance(extension, dict) else None
        for part in parts if isinstance(parts, list) else ():
            if isinstance(part, dict) and part.get("url") == "content" and isinstance(part.get("valueString"), str):
                return {**coding, "display": part["valueString"]}
    return coding


_DOSAGE_SHAPES = {"timing": dict, "doseAndRate": list, "text": str, "route": dict, "additionalInstruction": list,
                  "asNeededCodeableConcept": dict, "patientInstruction": str}


def _well_shaped_dosage(entry: dict[str, Any]) -> dict[str, Any]:
    out = {key: value for key, value in entry.items()
           if key not in _DOSAGE_SHAPES or isinstance(value, _DOSAGE_SHAPES[key])}
    timing = out.get("timing")
    if timing is not None and not isinstance(timing.get("repeat", {}), dict):
        out["timing"] = {key: value for key, value in timing.items() if key != "repeat"}
    if "doseAndRate" in out:
        out["doseAndRate"] = [item for item in out["doseAndRate"] if isinstance(item, dict)]
        negative = [item for item in out["doseAndRate"] if isinstance(item.get("doseQuantity"), dict)
                    and isinstance(item["doseQuantity"].get("value"), (int, float))
                    and item["doseQuantity"]["value"] < 0]
        if negative:  # a negative dose means nothing: the intake stays, without a dose
            out["doseAndRate"] = [item for item in out["doseAndRate"] if item not in negative]
            out.setdefault("text", "?")
    return out


def _contained_ingredients(statement: dict[str, Any]) -> bool:
    return any(isinstance(item, dict) and item.get("resourceType") == "Medication" and item.get("ingredient")
               for item in statement.get("contained") or ())


def _why_not(identification: Identification, statement: dict[str, Any]) -> str:
    kind = identification.kind
    has_text = bool((statement.get("medicationCodeableConcept") or {}).get("text"))
    if kind == CNK:
        return said("why_cnk")
    if kind in _SAM:
        return said("why_sam", kind=kind)
    if kind == COMPOUND:
        return said("why_compound")
    if has_text:
        return said("why_free_text")
    return said("why_nothing")


def checkable_statements(report: MedicationReport) -> list[dict[str, Any]]:
    """Every line as a statement the checks take; an unreadable line stays in as an unrecognised medicine, so
    it is reported as not checked instead of silently left out."""
    out: list[dict[str, Any]] = []
    for number, line in enumerate(report.lines, start=1):
        if line.statement is not None:
            out.append(line.statement)
        else:
            out.append({"resourceType": "MedicationStatement", "id": f"unreadable-{number}", "status": "active",
                        "medicationCodeableConcept": {"text": "(unreadable line)"}})
    return out
