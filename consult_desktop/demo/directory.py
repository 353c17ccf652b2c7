"""People and organisations of the demo hospital: GPs, hospital specialists, the hospital and its laboratory.

Built once per `DemoHospital` from its seed; read-only afterwards, so any thread may read it. NIHDI (RIZIV/
INAMI) numbers here are synthetic: 11 digits shaped like real ones (8-digit person number, 3-digit
qualification: 003 for a GP, 580 for a specialist), not belonging to anyone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from consult_desktop.demo.clinical import SPECIALTIES
from consult_desktop.demo.fhir_elements import BCP47, JSON, NIHDI, concept, ref
from consult_desktop.demo.names import pick_address, pick_person_name, pick_phone

HOSPITAL_ID = "org-hospital"
LABORATORY_ID = "org-laboratory"
HOSPITAL_NAME = "Hôpital Démo de Bruxelles - Demoziekenhuis Brussel"
HOSPITAL_SHORT = {"fr": "Hôpital Démo de Bruxelles", "nl": "Demoziekenhuis Brussel"}
DEFAULT_GP_ID = "gp-001"
QUALIFICATION = "http://terminology.hl7.org/CodeSystem/v2-0360"


@dataclass(frozen=True, slots=True)
class Clinician:
    id: str
    given: str
    family: str
    male: bool
    lang: str
    role: str  # "gp" or a specialty key
    nihdi: str

    def display(self) -> str:
        return f"Dr {self.given} {self.family}"

    def resource(self) -> JSON:
        address = pick_address(random.Random(self.id), "brussels", self.lang)
        out: JSON = {
            "resourceType": "Practitioner", "id": self.id,
            "identifier": [{"use": "official", "system": NIHDI, "value": self.nihdi}],
            "active": True,
            "name": [{"use": "official", "family": self.family, "given": [self.given], "prefix": ["Dr"],
                      "text": self.display()}],
            "telecom": [{"system": "phone", "value": pick_phone(random.Random(self.id)), "use": "work"}],
            "address": [address.as_fhir() | {"use": "work"}],
            "gender": "male" if self.male else "female",
            "communication": [concept(BCP47, f"{self.lang}-BE")],
        }
        if self.role == "gp":
            out["qualification"] = [{"code": {"text": "Médecin généraliste / Huisarts"}}]
        else:
            specialty = SPECIALTIES[self.role]
            out["qualification"] = [{"code": {"text": f"{specialty.fr} / {specialty.nl}"},
                                     "issuer": ref("Organization", HOSPITAL_ID)}]
        return out


class Directory:
    """The GPs (gp-001 is the default demo user) and the hospital's specialists, two per specialty."""

    def __init__(self, seed: int, gp_count: int, hospital_name: str = HOSPITAL_NAME) -> None:
        rng = random.Random(f"directory:{seed}")
        self.hospital_name = hospital_name
        self.gps: list[Clinician] = []
        self.specialists: dict[str, list[Clinician]] = {}
        for n in range(1, gp_count + 1):
            if n == 1:
                self.gps.append(Clinician(DEFAULT_GP_ID, "Sophie", "Lambert", False, "fr", "gp", "10412345003"))
                continue
            self.gps.append(self._person(rng, f"gp-{n:03d}", "gp", "003"))
        for key in SPECIALTIES:
            self.specialists[key] = [self._person(rng, f"hp-{key}-{n}", key, "580") for n in (1, 2)]
        self.by_id: dict[str, Clinician] = {c.id: c for c in self.all()}

    @staticmethod
    def _person(rng: random.Random, pid: str, role: str, qualification: str) -> Clinician:
        lang = "nl" if rng.random() < 0.45 else "fr"
        male = rng.random() < 0.5
        given, family = pick_person_name(rng, lang, male)
        return Clinician(pid, given, family, male, lang, role, f"1{rng.randint(0, 9_999_999):07d}{qualification}")

    def all(self) -> list[Clinician]:
        return [*self.gps, *(c for group in self.specialists.values() for c in group)]

    def specialist(self, rng: random.Random, specialty: str) -> Clinician:
        return rng.choice(self.specialists[specialty])

    def shared_resources(self) -> list[JSON]:
        """Practitioner and Organization resources (not in any patient compartment)."""
        hospital_address = {"use": "work", "type": "physical", "line": ["Rue de la Démo 1 / Demostraat 1"],
                            "city": "Bruxelles / Brussel", "postalCode": "1000", "country": "BE"}
        organizations: list[JSON] = [
            {
                "resourceType": "Organization", "id": HOSPITAL_ID,
                "identifier": [{"system": NIHDI, "value": "71099999000"}],
                "active": True, "type": [{"text": "Hôpital général / Algemeen ziekenhuis"}],
                "name": self.hospital_name,
                "alias": list(HOSPITAL_SHORT.values()) if self.hospital_name == HOSPITAL_NAME else [],
                "telecom": [{"system": "phone", "value": "+32 2 555 00 00", "use": "work"}],
                "address": [hospital_address],
            },
            {
                "resourceType": "Organization", "id": LABORATORY_ID, "active": True,
                "type": [{"text": "Laboratoire de biologie clinique / Klinisch laboratorium"}],
                "name": "Laboratoire - Laboratorium, " + self.hospital_name,
                "partOf": ref("Organization", HOSPITAL_ID),
                "address": [hospital_address],
            },
        ]
        return [*organizations, *(c.resource() for c in self.all())]
