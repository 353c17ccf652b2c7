"""Deterministic generation of one synthetic Belgian patient's hospital record (about 50 FHIR resources).

Pure function of (seed, patient index, directory, reference date); callable from any thread. Every patient
has its own random stream, so patient 7 is the same whether the hospital holds 40 or 1,000 patients.
Clinical dates are placed before the reference date (default: today), so the record looks current.
"""

from __future__ import annotations

import datetime as dt
import random

from consult_desktop.demo import clinical, labs, names
from consult_desktop.demo import record_builders as rb
from consult_desktop.demo.clinical import CHRONIC, REASONS, SPECIALTIES, AdmissionReason
from consult_desktop.demo.directory import DEFAULT_GP_ID, HOSPITAL_ID, LABORATORY_ID, Directory
from consult_desktop.demo.fhir_elements import BCP47, DAY_MS, HOUR_MS, JSON, fhir_date, ms_from_date, ref
from consult_desktop.demo.generated import GeneratedPatient, TherapeuticRelationship
from consult_desktop.demo.ssin import SSIN_SYSTEM, make_ssin
from consult_desktop.demo.stay_builder import StayBuilder, StayPlan

MRN_SYSTEM = "https://demo-hospital.invalid/fhir/NamingSystem/mrn"


def patient_id(index: int) -> str:
    return f"pat-{index + 1:05d}"


def _weighted(rng: random.Random, options: list[tuple[str, float]]) -> str:
    total = sum(w for _, w in options)
    roll = rng.random() * total
    for key, weight in options:
        roll -= weight
        if roll <= 0:
            return key
    return options[-1][0]


class PatientGenerator:
    def __init__(self, index: int, seed: int, directory: Directory, reference: dt.date,
                 default_gp_share: float, shared_slot: int | None = None) -> None:
        self.rng = random.Random(f"demo-patient:{seed}:{index}")
        # A person treated in several demo hospitals: the identity comes from the slot, the record from the seed.
        self.identity_rng = self.rng if shared_slot is None else random.Random(f"demo-person:{shared_slot}")
        self.index = index
        self.pid = patient_id(index)
        self.num = f"{index + 1:05d}"
        self.directory = directory
        self.reference = reference
        self.ref_ms = ms_from_date(reference)
        self.default_gp_share = default_gp_share
        self.out = GeneratedPatient(self.pid)
        self._counters: dict[str, int] = {}

    # -- helpers used by StayBuilder -------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}-{self.num}-{n}"

    def clamp(self, ms: int) -> int:
        """lastUpdated never lies after the reference instant (the hospital's load time)."""
        return min(ms, self.ref_ms - 60_000)

    def emit(self, resource: JSON, lu: int) -> None:
        self.out.items.append((resource, self.clamp(lu)))

    # -- the record ------------------------------------------------------------------------------------------

    def generate(self) -> GeneratedPatient:
        rng = self.identity_rng
        self.male = rng.random() < 0.48
        self.age = min(97, max(22, int(rng.triangular(25, 97, 78))))
        birth = self.reference - dt.timedelta(days=self.age * 365 + rng.randint(0, 364))
        self.birth = birth
        self.region, self.lang = names.pick_region_and_language(rng)
        self.given, self.family = names.pick_person_name(rng, self.lang, self.male)
        serial = rng.randint(1, 498) * 2 - (1 if self.male else 0)
        self.ssin = make_ssin(birth, serial)
        self.address = names.pick_address(rng, self.region, self.lang)
        rng = self.rng
        self.problems = self._pick_problems()
        self.allergy_kinds = [a for a in clinical.ALLERGIES if rng.random() < a.weight][:2]
        gp = self._relationships()
        plans = self._plan_stays()
        builder = StayBuilder(self, plans)
        builder.build()
        self._allergies(plans[0])
        self._immunizations()
        self.emit(self._patient(gp), max(p.start for p in plans) + HOUR_MS)
        self.out.shared_refs.update({("Practitioner", gp), ("Organization", HOSPITAL_ID),
                                     ("Organization", LABORATORY_ID)})
        return self.out

    def _pick_problems(self) -> dict[str, int]:
        scale = min(1.5, max(0.15, (self.age - 30) / 40))
        return {key: 0 for key, p in CHRONIC.items() if self.rng.random() < p.weight * scale}

    def _patient(self, gp: str) -> JSON:
        lang_code = f"{self.lang}-BE"
        return {
            "resourceType": "Patient", "id": self.pid,
            "identifier": [
                {"use": "official", "system": SSIN_SYSTEM, "value": self.ssin},
                {"use": "usual", "system": MRN_SYSTEM, "value": f"D{self.index + 100001}"},
            ],
            "active": True,
            "name": [{"use": "official", "family": self.family, "given": [self.given],
                      "text": f"{self.given} {self.family}"}],
            "telecom": [{"system": "phone", "value": names.pick_phone(self.rng), "use": "mobile"}],
            "gender": "male" if self.male else "female",
            "birthDate": fhir_date(self.birth),
            "address": [self.address.as_fhir()],
            "communication": [{
                "language": {"coding": [{"system": BCP47, "code": lang_code,
                                         "display": "Dutch (Belgium)" if self.lang == "nl" else "French (Belgium)"}],
                             "text": "Nederlands" if self.lang == "nl" else "Français"},
                "preferred": True,
            }],
            "generalPractitioner": [ref("Practitioner", gp)],
            "managingOrganization": ref("Organization", HOSPITAL_ID),
        }

    def _relationships(self) -> str:
        """Therapeutic relationships; returns the GP named on the Patient resource."""
        rng, gps = self.rng, self.directory.gps
        others = [g.id for g in gps if g.id != DEFAULT_GP_ID] or [DEFAULT_GP_ID]
        primary = DEFAULT_GP_ID if rng.random() < self.default_gp_share else rng.choice(others)
        start = self.ref_ms - rng.randint(60, 15 * 365) * DAY_MS
        roll = rng.random()
        rels = self.out.relationships
        current = primary
        if roll < 0.06:  # ended: the patient moved to another practice
            end = self.ref_ms - rng.randint(10, 400) * DAY_MS
            rels.append(TherapeuticRelationship(self.pid, primary, min(start, end - 30 * DAY_MS), end))
            current = rng.choice([g for g in others if g != primary] or others)
            rels.append(TherapeuticRelationship(self.pid, current, end))
        elif roll < 0.09:  # starts soon: not yet authorised
            rels.append(TherapeuticRelationship(self.pid, primary, self.ref_ms + rng.randint(2, 20) * DAY_MS))
        elif roll < 0.14:  # ends at a known future date: still authorised today
            rels.append(TherapeuticRelationship(self.pid, primary, start,
                                                self.ref_ms + rng.randint(30, 300) * DAY_MS))
        else:
            rels.append(TherapeuticRelationship(self.pid, primary, start))
        if rng.random() < 0.1:  # a second GP of the same group practice also follows the patient
            partner = DEFAULT_GP_ID if primary != DEFAULT_GP_ID else rng.choice(others)
            if partner != current:
                rels.append(TherapeuticRelationship(self.pid, partner, start + rng.randint(1, 50) * DAY_MS))
        for rel in rels:
            self.out.shared_refs.add(("Practitioner", rel.practitioner))
        return current

    def _plan_stays(self) -> list[StayPlan]:
        rng = self.rng
        count = int(_weighted(rng, [("1", 0.55), ("2", 0.3), ("3", 0.15)]))
        ongoing = rng.random() < 0.04
        plans: list[StayPlan] = []
        offset_days = rng.randint(1, 3) if ongoing else rng.randint(6, 240)
        if not ongoing and self.index % 4 == 1:  # a quarter of the patients left hospital in the last two weeks
            offset_days = 4 + offset_days % 9
        reasons: list[AdmissionReason] = []
        for _ in range(count):
            options = [(r.key, r.weight * (2.5 if r.implies in self.problems else 1.0)) for r in REASONS.values()]
            reasons.append(REASONS[_weighted(rng, options)])
        for n in reversed(range(count)):
            reason = reasons[n]
            last = n == count - 1
            if reason.inpatient:
                length = rng.randint(6, 14) if reason.key in ("hip_fracture", "knee_replacement") else rng.randint(2, 9)
            else:
                length = 0
            if not (last and ongoing):
                offset_days = max(offset_days, length + 2)
            day = self.reference - dt.timedelta(days=offset_days)
            start = ms_from_date(day, 8 if not reason.inpatient else rng.randint(7, 21), rng.choice((0, 15, 30, 45)))
            if last and ongoing:
                end = None
            elif reason.inpatient:
                end = ms_from_date(day + dt.timedelta(days=length), rng.randint(10, 16), rng.choice((0, 30)))
            else:
                end = start + rng.randint(5, 9) * HOUR_MS
            disposition = None
            if end is not None:
                disposition = "home"
                if reason.key == "hip_fracture" and self.age > 80:
                    disposition = "snf" if rng.random() < 0.5 else "rehab"
            plans.append(StayPlan(n, reason, start, end, disposition))
            offset_days += length + rng.randint(45, 400)
        plans.sort(key=lambda p: p.number)
        for plan in plans:
            if plan.reason.implies and plan.reason.implies not in self.problems:
                self.problems[plan.reason.implies] = plan.number
        return plans

    def _allergies(self, first: StayPlan) -> None:
        for kind in self.allergy_kinds:
            recorded = first.start + 2 * HOUR_MS
            resource = rb.allergy(self.new_id("alg"), self.pid, kind, self.lang, recorded,
                                  self.birth.year + self.rng.randint(5, max(6, self.age - 1)))
            self.emit(resource, recorded)

    def _immunizations(self) -> None:
        rng = self.rng
        wanted: list[tuple[str, int]] = []
        if self.age >= 65:
            for years_ago in (0, 1):
                if rng.random() < 0.7:
                    season = self.reference.year - years_ago - (1 if self.reference.month < 10 else 0)
                    wanted.append(("influenza", ms_from_date(dt.date(season, 10, rng.randint(5, 28)), 10)))
            if rng.random() < 0.3:
                wanted.append(("pneumococcal", self.ref_ms - rng.randint(100, 1500) * DAY_MS))
        if rng.random() < 0.5:
            wanted.append(("covid19", self.ref_ms - rng.randint(90, 700) * DAY_MS))
        if rng.random() < 0.15:
            wanted.append(("tetanus", self.ref_ms - rng.randint(90, 3000) * DAY_MS))
        for key, when in wanted:
            vaccine = clinical.VACCINES[key]
            label = vaccine.nl if self.lang == "nl" else vaccine.fr
            lot = f"{vaccine.product[:2].upper()}{rng.randint(10000, 99999)}"
            resource = rb.immunization(self.new_id("imm"), self.pid, vaccine.atc, vaccine.product, label, when, lot)
            self.emit(resource, when + DAY_MS)

    # -- facts for documents -------------------------------------------------------------------------------

    def specialty_label(self, key: str) -> str:
        specialty = SPECIALTIES[key]
        return specialty.nl if self.lang == "nl" else specialty.fr

    def lab_context(self, plan: StayPlan, medication: frozenset[str]) -> labs.StayContext:
        active = frozenset(k for k, idx in self.problems.items() if idx <= plan.number)
        age_then = self.age - (self.ref_ms - plan.start) // (365 * DAY_MS)
        return labs.StayContext(plan.number, plan.reason.key, plan.reason.infection, active, medication, age_then,
                                not self.male)


def generate_patient(index: int, seed: int, directory: Directory, reference: dt.date,
                     default_gp_share: float = 0.8, shared_slot: int | None = None) -> GeneratedPatient:
    """`shared_slot`: the same person (name, birth date, SSIN, address) in every hospital that has the slot."""
    return PatientGenerator(index, seed, directory, reference, default_gp_share, shared_slot).generate()
