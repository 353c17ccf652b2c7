"""One medicine as the patient takes it (`Unit`): the entries of both lists with the same ingredients and route.

A unit's daily amount of an ingredient is read from the hospital's entries when the hospital lists it (the
reconciled line keeps the hospital's dose), else from the GP's; two entries of the same medicine on one list add
up. Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from consult_desktop.meds.models import LOCAL, MedicationEntry

# Dose units that count pieces of the product (so the amount is pieces x strength).
_PIECE_UNITS = frozenset(
    """tablet tablets tab tabs tabl comprime comprimes co cp compr capsule capsules caps cap gelule gelules gel
    sachet sachets zakje zakjes druppels gouttes drops puff puffs dose doses ampul ampoule ampoules ampullen
    inhalation inhalations inh tabletten capsules pleister patch unit units""".split()
)
_MASS_UNITS = {"mg": 1.0, "g": 1000.0, "mcg": 0.001, "ug": 0.001, "µg": 0.001}


@dataclass(slots=True)
class Unit:
    """Entries with the same ingredients and route, from both lists, as (list name, entry)."""

    ingredients: frozenset[str]
    route: str
    entries: list[tuple[str, MedicationEntry]] = field(default_factory=list)

    @property
    def resource_ids(self) -> list[str]:
        return [entry.resource_id for _, entry in self.entries]

    @property
    def systemic(self) -> bool:
        return self.route != LOCAL

    @property
    def as_needed_only(self) -> bool:
        return all(entry.dosage.as_needed for _, entry in self.entries)

    def strength_mg(self, ingredient_id: str) -> float | None:
        values = []
        for _, entry in self.entries:
            strength = entry.strength_of(ingredient_id)
            if strength is not None and strength.unit == "mg":
                values.append(strength.value)
        return max(values) if values else None

    @property
    def dosing_entries(self) -> list[MedicationEntry]:
        """The entries whose dose counts: the hospital's when it lists the medicine, else the GP's."""
        hospital = [entry for name, entry in self.entries if name == "hospital"]
        return hospital or [entry for _, entry in self.entries]

    def daily_mg(self, ingredient_id: str) -> tuple[float, bool]:
        """(amount per day in mg, complete): complete is False when an entry's daily amount is unknown."""
        total, complete = 0.0, True
        for entry in self.dosing_entries:
            amount = entry_daily_mg(entry, ingredient_id)
            if amount is None:
                complete = False
            else:
                total += amount
        return total, complete

    def per_week(self) -> float | None:
        """Intakes per week of the dosing entries (None when no entry says)."""
        known = [entry.dosage.per_day for entry in self.dosing_entries if entry.dosage.per_day is not None]
        return round(sum(known) * 7, 2) if known else None


def entry_daily_mg(entry: MedicationEntry, ingredient_id: str) -> float | None:
    """mg of the ingredient per day for one entry, or None when strength or schedule is not known."""
    dosage = entry.dosage
    if dosage.per_day is None:
        return None
    unit = (dosage.dose_unit or "").lower().rstrip(".")
    if unit in _MASS_UNITS and dosage.dose_value is not None and len(entry.ingredients) == 1:
        return dosage.dose_value * _MASS_UNITS[unit] * dosage.per_day
    strength = entry.strength_of(ingredient_id)
    if strength is None or strength.unit != "mg":
        return None
    if unit and unit not in _PIECE_UNITS:
        return None
    pieces = dosage.dose_value if dosage.dose_value is not None else 1.0
    return strength.value * pieces * dosage.per_day


def group_units(lists: Iterable[tuple[str, Iterable[MedicationEntry]]]) -> list[Unit]:
    """Active, resolved entries of both lists grouped into units (same ingredient set and route)."""
    units: dict[tuple[frozenset[str], str], Unit] = {}
    for list_name, entries in lists:
        for entry in entries:
            if entry.active and entry.resolved:
                key = (entry.ingredient_ids, entry.route)
                units.setdefault(key, Unit(entry.ingredient_ids, entry.route)).entries.append((list_name, entry))
    return list(units.values())
