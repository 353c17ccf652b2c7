"""Runs the medication-safety evaluation files through `consult-desktop interactions --json`, in-process.

Used by tests/unit/test_meds_safety_eval.py (which asserts the targets) and by benchmarks/bench_meds.py
(which prints the figures for the README). Reads tests/fixtures/meds/safety_eval.yaml and
reference_patients.yaml; writes FHIR files into a temporary directory. Main thread only.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from consult_desktop import exit_codes
from consult_desktop.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meds"
SAFETY_FILE = FIXTURES / "safety_eval.yaml"
PATIENTS_FILE = FIXTURES / "reference_patients.yaml"
RANK = {"minor": 1, "moderate": 2, "major": 3, "contraindicated": 4}
SNOMED = "http://snomed.info/sct"
ROUTES = {"oral": ("26643006", "Oral route"), "intravenous": ("47625008", "Intravenous route"),
          "topical": ("6064005", "Topical route"), "inhalation": ("447694001", "Respiratory tract route")}
PATIENT_REF = {"reference": "Patient/eval-2"}


def _spec(spec: str | dict[str, Any]) -> dict[str, Any]:
    return {"text": spec} if isinstance(spec, str) else spec


def _dosage(spec: dict[str, Any]) -> list[dict[str, Any]]:
    dosage: dict[str, Any] = {}
    if spec.get("dose"):
        dosage["text"] = spec["dose"]
    if spec.get("route"):
        code, display = ROUTES[spec["route"]]
        dosage["route"] = {"coding": [{"system": SNOMED, "code": code, "display": display}]}
    return [dosage] if dosage else []


def _medication(spec: dict[str, Any], rid: str, hospital: bool) -> dict[str, Any]:
    concept: dict[str, Any] = {"text": spec["text"]}
    if spec.get("atc"):
        concept["coding"] = [{"system": "http://www.whocc.no/atc", "code": spec["atc"]}]
    resource: dict[str, Any] = {"resourceType": "MedicationRequest" if hospital else "MedicationStatement",
                                "id": rid, "status": "active", "subject": PATIENT_REF,
                                "medicationCodeableConcept": concept}
    if hospital:
        resource["intent"] = "order"
    if _dosage(spec):
        resource["dosageInstruction" if hospital else "dosage"] = _dosage(spec)
    return resource


def _allergy(text: str, rid: str) -> dict[str, Any]:
    return {"resourceType": "AllergyIntolerance", "id": rid, "patient": PATIENT_REF, "code": {"text": text},
            "clinicalStatus": {"coding": [{"code": "active"}]},
            "verificationStatus": {"coding": [{"code": "confirmed"}]}}


def cli_options() -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()), \
            contextlib.suppress(SystemExit):
        main(["interactions", "--help"])
    return out.getvalue()


def run(case: dict[str, Any], workdir: Path, options: str) -> dict[str, Any]:
    """The --json answer of the command line for one case or reference patient."""
    hospital = [_medication(_spec(s), f"h{i}", True) for i, s in enumerate(case.get("hospital") or [], 1)]
    gp = [_medication(_spec(s), f"g{i}", False) for i, s in enumerate(case.get("gp") or [], 1)]
    (workdir / "h.json").write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": f"urn:uuid:eval-{r['id']}", "resource": r} for r in hospital]}), encoding="utf-8")
    (workdir / "g.json").write_text(json.dumps(gp), encoding="utf-8")
    args = ["interactions", "--hospital", str(workdir / "h.json"), "--gp", str(workdir / "g.json"), "--json"]
    if case.get("allergies"):
        (workdir / "a.json").write_text(json.dumps([_allergy(text, f"a{i}")
                                                    for i, text in enumerate(case["allergies"], 1)]), encoding="utf-8")
        args += ["--allergies", str(workdir / "a.json")]
    if case.get("egfr") is not None:
        args += ["--egfr", str(case["egfr"])]
    patient = case.get("patient") or {}
    if patient and "--creatinine" in options:
        args += ["--age", str(patient["age"]), "--sex", patient["sex"], "--weight", str(patient["weight"]),
                 "--creatinine", str(patient["creatinine"])]
    if "--language" in options:
        args += ["--language", "en"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
    if code != exit_codes.OK:
        return {"flags": [], "not_checked": [], "exit_code": code}
    return json.loads(out.getvalue())


def _names(flag: dict[str, Any]) -> set[str]:
    return {str(name).lower() for name in flag.get("ingredient_ids") or flag.get("ingredients") or ()}


def _kinds(spec: dict[str, Any]) -> set[str] | None:
    kind = spec.get("kind")
    return None if kind is None else ({kind} if isinstance(kind, str) else set(kind))


def matching(result: dict[str, Any], spec: dict[str, Any]) -> list[dict[str, Any]]:
    kinds, wanted = _kinds(spec), {item.lower() for item in spec.get("ingredients") or ()}
    floor = RANK[spec.get("min_severity", "minor")]
    found = []
    for flag in result["flags"]:
        if kinds is not None and flag["kind"] not in kinds:
            continue
        names = _names(flag) | {str(name).lower() for name in flag.get("covers_ingredients") or ()}
        if wanted <= names and RANK[flag["severity"]] >= floor:
            found.append(flag)
    return found


def _above(severity: str) -> str:
    return next(name for name, rank in RANK.items() if rank == min(RANK[severity] + 1, 4))


def _flag_text(flag: dict[str, Any]) -> str:
    parts = [flag.get(key) or "" for key in ("summary", "effect", "mechanism", "management")]
    return " ".join(str(part) for part in parts).lower()


def _coverage(result: dict[str, Any], rid: str) -> str:
    coverage = result.get("coverage")
    if isinstance(coverage, dict) and rid in coverage:
        return str(coverage[rid])
    # Before coverage existed: a resource in not_checked was "not resolved", the rest counted as checked.
    ids = [item if isinstance(item, str) else item.get("resource") for item in result.get("not_checked") or ()]
    return "not resolved" if rid in ids else "checked"


def _not_checked(result: dict[str, Any], kind: str, rid: str) -> bool:
    for item in result.get("not_checked") or ():
        if isinstance(item, dict) and item.get("resource") == rid and item.get("kind") == kind:
            return True
        if isinstance(item, str) and item == rid and kind == "medication":
            return True
    return False


def evaluate(check: dict[str, Any], result: dict[str, Any]) -> tuple[str, bool]:
    """(what the check measures, whether it holds): 'flag' is a sensitivity item, 'no_flag' a false-alarm item."""
    if "flag" in check:
        spec = check["flag"]
        hits = matching(result, spec)
        words = [word.lower() for word in spec.get("text") or ()]
        hits = [flag for flag in hits if all(word in _flag_text(flag) for word in words)]
        return "flag", bool(hits)
    if "no_flag" in check:
        return "no_flag", not matching(result, check["no_flag"])
    if "max_flags" in check:
        spec = check["max_flags"]
        count = sum(1 for flag in result["flags"] if RANK[flag["severity"]] >= RANK[spec["min_severity"]])
        return "max_flags", count <= spec["count"]
    if "not_checked" in check:
        return "not_checked", _not_checked(result, check["not_checked"]["kind"], check["not_checked"]["resource"])
    if "coverage" in check:
        return "coverage", all(_coverage(result, rid) == value for rid, value in check["coverage"].items())
    if "resolved" in check:
        return "resolved", all(_coverage(result, rid) != "not resolved" for rid in check["resolved"])
    if "text" in check:
        text = " ".join(_flag_text(flag) for flag in result["flags"])
        spec = check["text"]
        ok = all(word.lower() in text for word in spec.get("words") or ()) and \
            not any(word.lower() in text for word in spec.get("absent") or ())
        return "text", ok
    raise ValueError(f"unknown check {check}")


@dataclass
class SafetyFigures:
    failures: list[str] = field(default_factory=list)
    totals: Counter[str] = field(default_factory=Counter)
    passed: Counter[str] = field(default_factory=Counter)
    by_point: dict[int, list[int]] = field(default_factory=dict)  # point -> [passed, total]

    def rate(self, kind: str) -> float:
        return self.passed[kind] / max(1, self.totals[kind])


def evaluate_safety(cases: list[dict[str, Any]] | None = None) -> SafetyFigures:
    cases = cases if cases is not None else yaml.safe_load(SAFETY_FILE.read_text(encoding="utf-8"))
    figures = SafetyFigures()
    options = cli_options()
    with tempfile.TemporaryDirectory() as directory:
        for case in cases:
            result = run(case, Path(directory), options)
            for check in case["expect"]:
                kind, ok = evaluate(check, result)
                figures.totals[kind] += 1
                figures.passed[kind] += ok
                point = figures.by_point.setdefault(int(case["point"]), [0, 0])
                point[0] += ok
                point[1] += 1
                if not ok:
                    flags = "; ".join(f"{f['kind']}/{f['severity']}/{f.get('rule')}" for f in result["flags"])
                    figures.failures.append(f"{case['id']}: {json.dumps(check)} -> [{flags}]")
    return figures


@dataclass
class PatientFigures:
    patient_id: str
    flags: int
    moderate_or_higher: int
    interrupting: int  # major or contraindicated
    problems_found: int
    problems: int
    quiet_broken: list[str]
    missed: list[str]
    lines: list[str]


def evaluate_patients() -> list[PatientFigures]:
    patients = yaml.safe_load(PATIENTS_FILE.read_text(encoding="utf-8"))
    options = cli_options()
    out = []
    with tempfile.TemporaryDirectory() as directory:
        for patient in patients:
            result = run(patient, Path(directory), options)
            missed = [json.dumps(problem) for problem in patient["problems"] if not matching(result, problem)]
            quiet = [json.dumps(item) for item in patient.get("quiet") or ()
                     if matching(result, {**item, "min_severity": _above(item.get("max_severity", "minor"))})]
            lines = [f"{f['severity']:<15} {f['kind']:<11} {f['summary']}" for f in result["flags"]]
            out.append(PatientFigures(
                patient["id"], len(result["flags"]),
                sum(1 for f in result["flags"] if RANK[f["severity"]] >= RANK["moderate"]),
                sum(1 for f in result["flags"] if RANK[f["severity"]] >= RANK["major"]),
                len(patient["problems"]) - len(missed), len(patient["problems"]), quiet, missed, lines))
    return out


def summary(safety: SafetyFigures, patients: list[PatientFigures], verbose: bool = False) -> str:
    names = {2: "allergies", 3: "coverage", 4: "doses", 5: "one problem one flag", 6: "resolution", 7: "content"}
    lines = ["medication safety evaluation (tests/fixtures/meds/safety_eval.yaml)",
             f"  should flag, flagged (sensitivity): {safety.passed['flag']}/{safety.totals['flag']}"
             f" = {safety.rate('flag'):.0%}",
             f"  should not flag, flagged (false alarms): {safety.totals['no_flag'] - safety.passed['no_flag']}"
             f"/{safety.totals['no_flag']} = {1 - safety.rate('no_flag'):.0%}"]
    for point, (passed, total) in sorted(safety.by_point.items()):
        lines.append(f"  point {point} ({names.get(point, '')}): {passed}/{total} checks hold")
    if verbose:
        lines += [f"    FAIL {item}" for item in safety.failures]
    lines.append("reference polypharmacy patients (tests/fixtures/meds/reference_patients.yaml)")
    for item in patients:
        lines.append(f"  {item.patient_id}: {item.flags} flags ({item.moderate_or_higher} moderate or higher,"
                     f" {item.interrupting} major or contraindicated);"
                     f" problems flagged {item.problems_found}/{item.problems};"
                     f" quiet pairs flagged {len(item.quiet_broken)}")
        if verbose:
            lines += [f"    {line}" for line in item.lines]
            lines += [f"    MISSED {line}" for line in item.missed]
            lines += [f"    NOISE {line}" for line in item.quiet_broken]
    if patients:
        mean = sum(item.flags for item in patients) / len(patients)
        lines.append(f"  flags per patient: mean {mean:.1f}, max {max(item.flags for item in patients)}")
        moderate = [item.moderate_or_higher for item in patients]
        lines.append(f"  moderate-or-higher flags per patient: mean {sum(moderate) / len(moderate):.1f},"
                     f" max {max(moderate)}")
    return "\n".join(lines)
