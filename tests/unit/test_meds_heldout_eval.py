"""Independent evaluation of `consult-desktop interactions` on tests/fixtures/meds/heldout_eval.yaml.

The set was written from public clinical sources, separately from the knowledge base and from pairs.yaml:
interacting pairs with a clinically right minimum severity, pairs that should not alert (including topical,
ophthalmic and inhaled forms and salt names such as "losartan potassium"), same-class duplicates and drug
allergies, each drug written as a Synthea RxNorm product, a Belgian ATC-coded brand or EN/FR/NL free text.
Every case goes through the command line in-process as real FHIR files (hospital: a Bundle of
MedicationRequest; GP: a JSON array of MedicationStatement). `pytest -s` prints the figures and the misses.

Targets: sensitivity >= 95% for pairs that warrant a moderate or stronger flag, <= 5% moderate-or-stronger
false alarms, every ONC high-priority pair (Phansalkar et al., JAMIA 2012) flagged major or stronger.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from consult_desktop import exit_codes
from consult_desktop.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "meds" / "heldout_eval.yaml"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"
SNOMED = "http://snomed.info/sct"
RANK = {"minor": 1, "moderate": 2, "major": 3, "contraindicated": 4}
ROUTES = {  # SNOMED CT route of administration qualifiers
    "oral": ("26643006", "Oral route"),
    "topical": ("6064005", "Topical route"),
    "ophthalmic": ("54485002", "Ophthalmic route"),
    "inhalation": ("447694001", "Respiratory tract route"),
    "nasal": ("46713006", "Nasal route"),
    "transdermal": ("45890007", "Transdermal route"),
    "sublingual": ("37839007", "Sublingual route"),
    "subcutaneous": ("34206005", "Subcutaneous route"),
    "intravenous": ("47625008", "Intravenous route"),
}
SENSITIVITY_TARGET = 0.95
FALSE_ALARM_TARGET = 0.05
DUPLICATE_TARGET = 0.90
RECOGNITION_TARGET = 0.95
PATIENT = {"reference": "Patient/eval-1"}


def drug_spec(spec: str | dict[str, Any]) -> dict[str, Any]:
    return {"text": spec} if isinstance(spec, str) else spec


def medication_concept(spec: dict[str, Any]) -> dict[str, Any]:
    """A medicationCodeableConcept as the three sources write it (RxNorm coding, ATC coding + brand, text)."""
    concept: dict[str, Any] = {"text": spec["text"]}
    codings = []
    if spec.get("rxnorm"):
        codings.append({"system": RXNORM, "code": str(spec["rxnorm"]), "display": spec["text"]})
    if spec.get("atc"):
        coding = {"system": ATC, "code": str(spec["atc"])}
        if spec.get("atc_display"):
            coding["display"] = spec["atc_display"]
        codings.append(coding)
    if codings:
        concept["coding"] = codings
    return concept


def dosage(spec: dict[str, Any]) -> list[dict[str, Any]]:
    if not spec.get("route"):
        return []
    code, display = ROUTES[spec["route"]]
    return [{"route": {"coding": [{"system": SNOMED, "code": code, "display": display}]}}]


def hospital_resource(spec: dict[str, Any], rid: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "MedicationRequest", "id": rid, "status": "active", "intent": "order",
        "subject": PATIENT, "authoredOn": "2024-03-01", "medicationCodeableConcept": medication_concept(spec),
    }
    if dosage(spec):
        resource["dosageInstruction"] = dosage(spec)
    return resource


def gp_resource(spec: dict[str, Any], rid: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "MedicationStatement", "id": rid, "status": "active", "subject": PATIENT,
        "medicationCodeableConcept": medication_concept(spec),
    }
    if dosage(spec):
        resource["dosage"] = dosage(spec)
    return resource


def allergy_resource(spec: str | dict[str, Any], rid: str) -> dict[str, Any]:
    spec = drug_spec(spec)
    code: dict[str, Any] = {"text": spec["text"]}
    if spec.get("snomed"):
        code["coding"] = [{"system": SNOMED, "code": str(spec["snomed"]), "display": spec["text"]}]
    return {
        "resourceType": "AllergyIntolerance", "id": rid, "patient": PATIENT, "type": "allergy",
        "category": ["medication"], "code": code,
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                       "code": "active"}]},
        "verificationStatus": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
    }


@dataclass
class Outcome:
    case: dict[str, Any]
    exit_code: int
    result: dict[str, Any]
    hospital_ids: list[str] = field(default_factory=list)
    gp_ids: list[str] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return self.hospital_ids + self.gp_ids

    @property
    def kinds(self) -> list[str]:
        kind = self.case["expect"].get("kind", "interaction")
        return kind if isinstance(kind, list) else [kind]

    def linking_flags(self, kinds: list[str]) -> list[dict[str, Any]]:
        """Flags of these kinds that name a hospital record and a GP record of the case."""
        return [flag for flag in self.result["flags"] if flag["kind"] in kinds
                and set(flag["resources"]) & set(self.hospital_ids) and set(flag["resources"]) & set(self.gp_ids)]

    def top_linking(self, kinds: list[str]) -> int:
        return max((RANK[flag["severity"]] for flag in self.linking_flags(kinds)), default=0)

    def top_any(self) -> int:
        return max((RANK[flag["severity"]] for flag in self.result["flags"]), default=0)

    @property
    def unresolved(self) -> list[str]:
        unresolved = {item["resource"] for item in self.result["not_checked"] if item["kind"] == "medication"}
        return [rid for rid in self.ids if rid in unresolved]

    def describe(self) -> str:
        flags = "; ".join(f"{f['kind']}/{f['severity']}/{','.join(f['resources'])}" for f in self.result["flags"])
        missing = f" not_checked={self.unresolved}" if self.unresolved else ""
        return f"{self.case['id']}: flags=[{flags}]{missing}"


def run_cli(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue()


def run_case(case: dict[str, Any], workdir: Path) -> Outcome:
    hospital_specs, gp_specs = case.get("hospital") or [], case.get("gp") or []
    hospital_ids = [f"h{i}" for i in range(1, len(hospital_specs) + 1)]
    gp_ids = [f"g{i}" for i in range(1, len(gp_specs) + 1)]
    hospital = [hospital_resource(drug_spec(s), rid) for s, rid in zip(hospital_specs, hospital_ids, strict=True)]
    gp = [gp_resource(drug_spec(s), rid) for s, rid in zip(gp_specs, gp_ids, strict=True)]
    hospital_file, gp_file = workdir / "hospital.json", workdir / "gp.json"
    hospital_file.write_text(json.dumps({
        "resourceType": "Bundle", "type": "collection",
        "entry": [{"fullUrl": f"urn:uuid:eval-{r['id']}", "resource": r} for r in hospital]}), encoding="utf-8")
    gp_file.write_text(json.dumps(gp), encoding="utf-8")
    args = ["interactions", "--hospital", str(hospital_file), "--gp", str(gp_file), "--json"]
    if case.get("allergies"):
        allergy_file = workdir / "allergies.json"
        allergy_file.write_text(json.dumps([allergy_resource(s, f"a{i}")
                                            for i, s in enumerate(case["allergies"], 1)]), encoding="utf-8")
        args += ["--allergies", str(allergy_file)]
    if case.get("egfr") is not None:
        args += ["--egfr", str(case["egfr"])]
    code, out = run_cli(args)
    result = json.loads(out) if code == exit_codes.OK else {"flags": [], "not_checked": []}
    return Outcome(case, code, result, hospital_ids, gp_ids)


@dataclass
class Figures:
    outcomes: list[Outcome]
    missed: list[Outcome] = field(default_factory=list)
    undergraded: list[Outcome] = field(default_factory=list)
    false_alarms: list[Outcome] = field(default_factory=list)
    onc_missed: list[Outcome] = field(default_factory=list)
    duplicates_missed: list[Outcome] = field(default_factory=list)
    allergy_missed: list[Outcome] = field(default_factory=list)
    allergy_false: list[Outcome] = field(default_factory=list)
    unresolved_specs: list[str] = field(default_factory=list)

    def of(self, category: str) -> list[Outcome]:
        return [o for o in self.outcomes if o.case["category"] == category]

    @property
    def sensitivity(self) -> float:
        return 1 - len(self.missed) / max(1, len(self.of("interaction")))

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_alarms) / max(1, len(self.of("no_alert")))

    @property
    def onc(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.get("onc")]

    @property
    def duplicate_rate(self) -> float:
        return 1 - len(self.duplicates_missed) / max(1, len(self.of("duplicate")))

    @property
    def spec_count(self) -> int:
        return sum(len(o.ids) for o in self.outcomes)

    @property
    def recognition(self) -> float:
        return 1 - len(self.unresolved_specs) / max(1, self.spec_count)


def compute(outcomes: list[Outcome]) -> Figures:
    figures = Figures(outcomes)
    for outcome in outcomes:
        expect, category = outcome.case["expect"], outcome.case["category"]
        figures.unresolved_specs += [f"{outcome.case['id']}:{rid}" for rid in outcome.unresolved]
        if category == "interaction":
            top = outcome.top_linking(outcome.kinds)
            if top < RANK["moderate"]:
                figures.missed.append(outcome)
            elif top < RANK[expect["min_severity"]]:
                figures.undergraded.append(outcome)
            if outcome.case.get("onc") and top < RANK["major"]:
                figures.onc_missed.append(outcome)
        elif category == "no_alert":
            if outcome.top_any() > RANK[expect.get("max_severity", "minor")]:
                figures.false_alarms.append(outcome)
        elif category == "duplicate":
            if not outcome.linking_flags(outcome.kinds):
                figures.duplicates_missed.append(outcome)
        elif category == "allergy":
            allergy_flags = [f for f in outcome.result["flags"] if f["kind"] == "allergy"
                             and set(f["resources"]) & set(outcome.ids)]
            if expect.get("absent") and allergy_flags:
                figures.allergy_false.append(outcome)
            elif not expect.get("absent") and not allergy_flags:
                figures.allergy_missed.append(outcome)
    return figures


def summary(figures: Figures) -> str:
    interactions, no_alert = figures.of("interaction"), figures.of("no_alert")
    allergy = figures.of("allergy")
    positives = [o for o in allergy if not o.case["expect"].get("absent")]
    onc_categories = sorted({o.case["onc"] for o in figures.onc})
    onc_missed_categories = sorted({o.case["onc"] for o in figures.onc_missed})
    lines = [
        "held-out medication evaluation",
        f"  sensitivity (moderate+): {len(interactions) - len(figures.missed)}/{len(interactions)}"
        f" = {figures.sensitivity:.1%}   (target >= {SENSITIVITY_TARGET:.0%})",
        f"  graded below the expected minimum severity: {len(figures.undergraded)}",
        f"  false alarms (moderate+): {len(figures.false_alarms)}/{len(no_alert)}"
        f" = {figures.false_alarm_rate:.1%}   (target <= {FALSE_ALARM_TARGET:.0%})",
        f"  ONC pairs flagged major+: {len(figures.onc) - len(figures.onc_missed)}/{len(figures.onc)};"
        f" categories fully caught: {len(onc_categories) - len(onc_missed_categories)}/{len(onc_categories)}",
        f"  duplicates detected: {len(figures.of('duplicate')) - len(figures.duplicates_missed)}"
        f"/{len(figures.of('duplicate'))}",
        f"  allergy conflicts detected: {len(positives) - len(figures.allergy_missed)}/{len(positives)};"
        f" wrong allergy flags: {len(figures.allergy_false)}/{len(allergy) - len(positives)}",
        f"  drugs recognised: {figures.spec_count - len(figures.unresolved_specs)}/{figures.spec_count}"
        f" = {figures.recognition:.1%}",
    ]
    for title, items in (("missed", figures.missed), ("under-graded", figures.undergraded),
                         ("false alarms", figures.false_alarms), ("ONC missed", figures.onc_missed),
                         ("duplicates missed", figures.duplicates_missed),
                         ("allergies missed", figures.allergy_missed), ("wrong allergy flags", figures.allergy_false)):
        lines += [f"  {title}:"] + [f"    {o.describe()}" for o in items]
    lines += ["  not recognised:"] + [f"    {spec}" for spec in figures.unresolved_specs]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(cases: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Figures:
    workdir = tmp_path_factory.mktemp("heldout")
    result = compute([run_case(case, workdir) for case in cases])
    print("\n" + summary(result))
    return result


def test_the_set_is_well_formed(cases: list[dict[str, Any]]) -> None:
    ids = [case["id"] for case in cases]
    assert len(ids) == len(set(ids))
    for case in cases:
        assert case["category"] in {"interaction", "no_alert", "duplicate", "allergy"}, case["id"]
        assert case.get("source"), case["id"]
        if case["category"] == "interaction":
            assert case["expect"]["min_severity"] in RANK, case["id"]
        for spec in (case.get("hospital") or []) + (case.get("gp") or []):
            assert drug_spec(spec).get("text"), case["id"]
            assert drug_spec(spec).get("route", "oral") in ROUTES, case["id"]
    onc = {case["onc"] for case in cases if case.get("onc")}
    assert len(onc) == 15, sorted(onc)


def test_every_case_runs_through_the_command_line(figures: Figures) -> None:
    failed = [o.case["id"] for o in figures.outcomes if o.exit_code != exit_codes.OK]
    assert not failed


def test_interacting_pairs_are_flagged_moderate_or_higher(figures: Figures) -> None:
    assert figures.sensitivity >= SENSITIVITY_TARGET, [o.describe() for o in figures.missed]


def test_harmless_pairs_raise_no_moderate_or_higher_flag(figures: Figures) -> None:
    assert figures.false_alarm_rate <= FALSE_ALARM_TARGET, [o.describe() for o in figures.false_alarms]


def test_every_onc_high_priority_pair_is_flagged_major_or_higher(figures: Figures) -> None:
    assert not figures.onc_missed, [o.describe() for o in figures.onc_missed]


def test_same_class_duplicates_are_flagged(figures: Figures) -> None:
    assert figures.duplicate_rate >= DUPLICATE_TARGET, [o.describe() for o in figures.duplicates_missed]


def test_allergy_conflicts_are_flagged_and_non_cross_reactive_drugs_are_not(figures: Figures) -> None:
    assert not figures.allergy_missed, [o.describe() for o in figures.allergy_missed]
    assert not figures.allergy_false, [o.describe() for o in figures.allergy_false]


def test_drugs_in_all_three_styles_are_recognised(figures: Figures) -> None:
    assert figures.recognition >= RECOGNITION_TARGET, figures.unresolved_specs
