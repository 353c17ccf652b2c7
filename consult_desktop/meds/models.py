"""Plain frozen data types of the medication-safety engine: entries, allergies, flags and results.

No I/O and no Qt; safe to create and read on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("minor", "moderate", "major", "contraindicated")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES, start=1)}

# FHIR statuses after which a medication no longer counts as being taken.
INACTIVE_STATUSES = frozenset({"stopped", "completed", "entered-in-error", "cancelled", "not-taken"})

LOCAL = "local"
SYSTEMIC = "systemic"


@dataclass(frozen=True, slots=True)
class Strength:
    """Amount of one ingredient per unit of product, mg-based where the unit allows it."""

    value: float
    unit: str  # "mg", "mg/ml", "iu", "iu/ml", "%", "mmol", ...

    def __str__(self) -> str:
        number = f"{self.value:g}"
        return f"{number} {self.unit}"


@dataclass(frozen=True, slots=True)
class IngredientAmount:
    ingredient_id: str
    strength: Strength | None = None


@dataclass(frozen=True, slots=True)
class Dosage:
    """What the patient takes: dose per intake and intakes per day (None when not stated)."""

    dose_value: float | None = None
    dose_unit: str | None = None
    per_day: float | None = None
    as_needed: bool = False
    text: str = ""

    @property
    def known(self) -> bool:
        return self.dose_value is not None or self.per_day is not None


@dataclass(frozen=True, slots=True)
class MedicationEntry:
    """One MedicationRequest / MedicationStatement reduced to what the checks need."""

    resource_id: str
    resource_type: str
    label: str
    status: str
    ingredients: tuple[IngredientAmount, ...]
    route: str = SYSTEMIC
    dosage: Dosage = field(default_factory=Dosage)
    resolved_by: str = ""  # "atc", "rxnorm", "cnk", "text", combined with "+"
    complete: bool = True  # False when part of the product could not be resolved

    @property
    def active(self) -> bool:
        return self.status not in INACTIVE_STATUSES

    @property
    def ingredient_ids(self) -> frozenset[str]:
        return frozenset(item.ingredient_id for item in self.ingredients)

    @property
    def resolved(self) -> bool:
        return bool(self.ingredients)

    def strength_of(self, ingredient_id: str) -> Strength | None:
        for item in self.ingredients:
            if item.ingredient_id == ingredient_id:
                return item.strength
        return None


@dataclass(frozen=True, slots=True)
class AllergyEntry:
    """An active, not refuted AllergyIntolerance resolved to ingredients and/or allergy classes."""

    resource_id: str
    label: str
    ingredient_ids: frozenset[str]
    class_ids: frozenset[str]
    criticality: str = ""

    @property
    def resolved(self) -> bool:
        """False when the record names nothing we know: it is then reported as not checked, never dropped."""
        return bool(self.ingredient_ids or self.class_ids)


@dataclass(frozen=True, slots=True)
class Flag:
    """One finding: an interaction, a duplicate, an allergy conflict or a renal caution."""

    kind: str  # "interaction" | "duplicate" | "allergy" | "renal" | "dose"
    severity: str  # one of SEVERITIES
    resource_ids: tuple[str, ...]
    ingredients: tuple[str, ...]
    summary: str
    rule_id: str
    effect: str = ""
    mechanism: str = ""
    management: str = ""
    sources: tuple[str, ...] = ()
    ingredient_ids: tuple[str, ...] = ()  # knowledge-base ids, whatever the language of the texts
    includes: tuple[str, ...] = ()  # summaries of the flags of the same problem that this one stands for
    problem: str = ""  # flags with the same problem that share a medicine are shown as one (not in JSON)
    related_problems: tuple[str, ...] = ()  # problems of the flags this one absorbed (it merges with those too)

    @property
    def problem_keys(self) -> frozenset[str]:
        return frozenset(key for key in (self.problem, *self.related_problems) if key)

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "resources": list(self.resource_ids),
            "ingredients": list(self.ingredients),
            "ingredient_ids": list(self.ingredient_ids),
            "summary": self.summary,
            "rule": self.rule_id,
            "effect": self.effect,
            "mechanism": self.mechanism,
            "management": self.management,
            "source": "; ".join(self.sources),
            "includes": list(self.includes),
        }


COVERAGE_CHECKED = "checked"
COVERAGE_NO_RULES = "no rules"
COVERAGE_NOT_RESOLVED = "not resolved"


@dataclass(frozen=True, slots=True)
class CheckResult:
    flags: tuple[Flag, ...]
    not_checked: tuple[str, ...]  # resource ids of active medications that could not be (fully) resolved
    not_checked_allergies: tuple[str, ...] = ()  # resource ids of allergies that name nothing we know
    coverage: tuple[tuple[str, str], ...] = ()  # (medication resource id, COVERAGE_*) for active medications
    renal_basis: str = ""  # "crcl" (Cockcroft-Gault) or "egfr": what the renal checks used; "" when none known
    renal_value: float | None = None

    @property
    def not_covered(self) -> tuple[str, ...]:
        """Active medications no rule covers or that could not be resolved (for "2 of 14 are not covered")."""
        return tuple(rid for rid, state in self.coverage if state != COVERAGE_CHECKED)

    def as_json(self) -> dict[str, object]:
        not_checked = [{"resource": rid, "kind": "medication"} for rid in self.not_checked]
        not_checked += [{"resource": rid, "kind": "allergy"} for rid in self.not_checked_allergies]
        renal = {"basis": self.renal_basis, "value": self.renal_value} if self.renal_basis else None
        return {"flags": [flag.as_json() for flag in self.flags], "not_checked": not_checked,
                "coverage": dict(self.coverage), "renal_function": renal}
