"""Kidney function for the checks (Cockcroft-Gault creatinine clearance, else eGFR) and the renal flags.

Drug labels give their renal limits as creatinine clearance (Cockcroft-Gault); the eGFR overestimates it in very
old and light patients. `renal_function()` uses the clearance when age, sex, weight and serum creatinine are
known, else the eGFR, and says which. A renal rule reads the prescribed strength and daily dose, so a medicine
already at its renal dose is not flagged. Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consult_desktop.meds.kb_parts import RenalRule, RenalThreshold
from consult_desktop.meds.knowledge_base import KnowledgeBase
from consult_desktop.meds.language import colon, localise, number, phrase
from consult_desktop.meds.models import Flag
from consult_desktop.meds.units import Unit

# Renal flags that belong to an interaction problem; the others form one "kidney function" flag.
_RENAL_PROBLEMS = {"renal-nsaid": "kidney-nsaid", "renal-mra": "hyperkalaemia", "renal-potassium": "hyperkalaemia",
                  "renal-methotrexate": "methotrexate", "renal-lithium": "lithium", "renal-digoxin": "digoxin"}
UMOL_PER_MG_DL = 88.42  # serum creatinine: 1 mg/dL = 88.42 µmol/L
CRCL = "crcl"
EGFR = "egfr"


@dataclass(frozen=True, slots=True)
class PatientFacts:
    """What the dose and renal rules may use about the patient; any field may be unknown (None)."""

    age: float | None = None  # years
    sex: str | None = None  # "female" | "male"
    weight_kg: float | None = None
    creatinine_mg_dl: float | None = None  # serum creatinine

    @property
    def complete_for_clearance(self) -> bool:
        return None not in (self.age, self.weight_kg, self.creatinine_mg_dl) and self.sex in ("female", "male")


@dataclass(frozen=True, slots=True)
class RenalFunction:
    value: float
    basis: str  # CRCL (mL/min) or EGFR (mL/min/1.73 m2)

    def describe(self, limit: float, language: str) -> str:
        key = "crcl_below" if self.basis == CRCL else "egfr_below"
        shown = round(self.value) if round(self.value) < limit or self.value >= limit else round(self.value, 1)
        return phrase(key, language, value=number(shown, language), limit=number(limit, language))


def cockcroft_gault(age: float, sex: str, weight_kg: float, creatinine_mg_dl: float) -> float:
    """Creatinine clearance in mL/min: (140 - age) x weight / (72 x creatinine), x 0.85 for women."""
    clearance = (140.0 - age) * weight_kg / (72.0 * creatinine_mg_dl)
    return max(0.0, clearance * (0.85 if sex == "female" else 1.0))


def creatinine_mg_dl(value: float, unit: str) -> float:
    """Serum creatinine in mg/dL from mg/dL or µmol/L (the two units Belgian laboratories report)."""
    folded = unit.lower().replace("µ", "u").replace(" ", "")
    return value / UMOL_PER_MG_DL if folded.startswith(("umol", "micromol")) else value


def renal_function(egfr: float | None, patient: PatientFacts | None) -> RenalFunction | None:
    if patient is not None and patient.complete_for_clearance and (patient.creatinine_mg_dl or 0) > 0:
        assert patient.age is not None and patient.weight_kg is not None and patient.creatinine_mg_dl is not None
        return RenalFunction(round(cockcroft_gault(patient.age, str(patient.sex), patient.weight_kg,
                                                   patient.creatinine_mg_dl), 1), CRCL)
    return RenalFunction(egfr, EGFR) if egfr is not None else None


def _exceeds(threshold: RenalThreshold, unit: Unit, members: set[str]) -> bool:
    """Whether the prescribed amount is above the threshold's limits (unknown amounts count as above)."""
    for ingredient_id in members:
        if threshold.strength_above_mg is not None:
            strength = unit.strength_mg(ingredient_id)
            if strength is not None and strength <= threshold.strength_above_mg:
                return False
        if threshold.daily_above_mg is not None:
            daily, complete = unit.daily_mg(ingredient_id)
            if complete and daily <= threshold.daily_above_mg:
                return False
    return True


def _applicable(rule: RenalRule, value: float) -> RenalThreshold | None:
    return next((item for item in rule.thresholds if value < item.below), None)


def renal_flags(units: Sequence[Unit], kb: KnowledgeBase, renal: RenalFunction, language: str) -> list[Flag]:
    flags: list[Flag] = []
    for unit in units:
        if not unit.systemic:
            continue
        for rule in kb.renal_rules:
            members = set(unit.ingredients & rule.ingredients)
            threshold = _applicable(rule, renal.value) if members else None
            if threshold is None or not _exceeds(threshold, unit, members):
                continue
            names = ", ".join(sorted({kb.name(item, language) for item in members}))
            flags.append(Flag(
                kind="renal", severity=threshold.severity, resource_ids=tuple(dict.fromkeys(unit.resource_ids)),
                ingredients=tuple(sorted({kb.name(item, language) for item in members})),
                summary=f"{names}{colon(language)}{renal.describe(threshold.below, language)}",
                rule_id=rule.id, effect=localise(rule.effect, language),
                management=localise(threshold.advice, language), sources=rule.sources,
                ingredient_ids=tuple(sorted(members)), problem=_RENAL_PROBLEMS.get(rule.id, "renal"),
            ))
    return flags
