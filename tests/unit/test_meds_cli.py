"""`consult-desktop interactions` end to end: JSON shape, errors, and the quality test set.

The test set (tests/fixtures/meds/pairs.yaml) holds clinically established interacting pairs, pairs that
should not alert, and the 15 ONC high-priority pairs, written in three styles (Synthea RxNorm texts, Belgian
ATC-coded brands, EN/FR/NL free text). Each pair goes through the command line as two files.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from consult_desktop import exit_codes
from consult_desktop.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meds"
RANK = {"minor": 1, "moderate": 2, "major": 3, "contraindicated": 4}


def resource(spec: str, rid: str) -> dict[str, Any]:
    style, _, rest = spec.partition("|")
    if style == "rx":
        concept: dict[str, Any] = {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                               "code": "999999999", "display": rest}], "text": rest}
    elif style == "atc":
        code, _, name = rest.partition("|")
        concept = {"coding": [{"system": "http://www.whocc.no/atc", "code": code, "display": name}]}
    else:
        concept = {"text": rest}
    return {"resourceType": "MedicationRequest", "id": rid, "status": "active", "medicationCodeableConcept": concept}


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def check_pair(tmp_path: Path, a: str, b: str) -> dict[str, Any]:
    hospital, gp = tmp_path / "hospital.json", tmp_path / "gp.json"
    hospital.write_text(json.dumps([resource(a, "h1")]), encoding="utf-8")
    gp.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                              "entry": [{"resource": resource(b, "g1")}]}), encoding="utf-8")
    code, out, _ = run_cli(["interactions", "--hospital", str(hospital), "--gp", str(gp), "--json"])
    assert code == exit_codes.OK
    return json.loads(out)


def top_severity(result: dict[str, Any]) -> int:
    return max((RANK[flag["severity"]] for flag in result["flags"]), default=0)


@pytest.fixture(scope="module")
def pairs() -> dict[str, list[dict[str, str]]]:
    return yaml.safe_load((FIXTURES / "pairs.yaml").read_text(encoding="utf-8"))


def test_every_onc_high_priority_pair_is_caught(tmp_path: Path, pairs: dict) -> None:
    assert len(pairs["onc"]) == 15
    missed = [(p["a"], p["b"]) for p in pairs["onc"]
              if top_severity(check_pair(tmp_path, p["a"], p["b"])) < RANK["major"]]
    assert missed == []


def test_sensitivity_and_false_alarms_on_the_test_set(tmp_path: Path, pairs: dict) -> None:
    positives = pairs["positive"]
    negatives = pairs["negative"]
    assert len(positives) >= 100 and len(negatives) >= 60
    caught = [p for p in positives if top_severity(check_pair(tmp_path, p["a"], p["b"])) >= RANK["moderate"]]
    at_expected = [p for p in positives if top_severity(check_pair(tmp_path, p["a"], p["b"])) >= RANK[p["min"]]]
    false_alarms = [p for p in negatives if top_severity(check_pair(tmp_path, p["a"], p["b"])) >= RANK["moderate"]]
    sensitivity = len(caught) / len(positives)
    false_alarm_rate = len(false_alarms) / len(negatives)
    print(f"\nsensitivity {sensitivity:.1%} ({len(caught)}/{len(positives)}), "
          f"at expected severity {len(at_expected)}/{len(positives)}, "
          f"false alarms {false_alarm_rate:.1%} ({len(false_alarms)}/{len(negatives)})")
    assert sensitivity >= 0.95, [p for p in positives if p not in caught]
    assert false_alarm_rate <= 0.05, false_alarms
    assert len(at_expected) / len(positives) >= 0.9


def test_every_test_set_medication_is_resolved(tmp_path: Path, pairs: dict) -> None:
    unresolved = []
    for section in ("onc", "positive", "negative"):
        for pair in pairs[section]:
            if check_pair(tmp_path, pair["a"], pair["b"])["not_checked"]:
                unresolved.append((pair["a"], pair["b"]))
    assert unresolved == []


def test_json_output_has_the_documented_shape(tmp_path: Path) -> None:
    result = check_pair(tmp_path, "text|Sintrom 4 mg", "text|Mystery remedy 5 mg")
    assert set(result) == {"flags", "not_checked", "coverage", "renal_function"}
    assert result["not_checked"] == [{"resource": "g1", "kind": "medication"}]
    assert result["coverage"] == {"h1": "checked", "g1": "not resolved"}
    result = check_pair(tmp_path, "text|Sintrom 4 mg", "text|Brufen 400 mg")
    flag = result["flags"][0]
    assert {"kind", "severity", "resources", "ingredients", "summary", "rule"} <= set(flag)
    assert flag["kind"] == "interaction" and flag["severity"] == "major" and flag["resources"] == ["h1", "g1"]
    assert flag["rule"] == "oac-nsaid" and flag["source"]


def test_readable_report_and_allergies_and_egfr(tmp_path: Path) -> None:
    hospital, gp, allergies = tmp_path / "h.json", tmp_path / "g.json", tmp_path / "a.json"
    hospital.write_text(json.dumps([resource("text|Metformax 850 mg", "h1"),
                                    resource("text|Clamoxyl 500 mg", "h2")]))
    gp.write_text("[]")
    penicillin = {"resourceType": "AllergyIntolerance", "id": "a1", "code": {"text": "Penicillin"}}
    allergies.write_text(json.dumps([penicillin]))
    code, out, _ = run_cli(["interactions", "--hospital", str(hospital), "--gp", str(gp),
                            "--allergies", str(allergies), "--egfr", "25"])
    assert code == exit_codes.OK
    assert "[CONTRAINDICATED] renal" in out and "[MAJOR] allergy" in out


@pytest.mark.parametrize("content", ["{not json", json.dumps({"hello": 1}),
                                     json.dumps([{"resourceType": "Patient", "id": "p"}])])
def test_invalid_input_file_exits_with_input_invalid(tmp_path: Path, content: str) -> None:
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_text(content)
    good.write_text("[]")
    code, out, err = run_cli(["interactions", "--hospital", str(bad), "--gp", str(good)])
    assert code == exit_codes.INPUT_INVALID and out == "" and "bad.json" in err
    code, _, err = run_cli(["interactions", "--hospital", str(tmp_path / "missing.json"), "--gp", str(good)])
    assert code == exit_codes.INPUT_INVALID and "missing.json" in err


def _samples() -> Path:
    configured = os.environ.get("CONSULT_FHIR_SAMPLES")
    root = Path(configured) if configured else Path(__file__).resolve().parents[2] / ".." / "shared" / "fhir-samples"
    return root / "synthea-bulk-10-patients" / "MedicationRequest.000.ndjson"


@pytest.mark.skipif(not _samples().exists(), reason="Synthea sample not present (../shared/fhir-samples)")
def test_real_synthea_medication_texts_resolve(tmp_path: Path) -> None:
    texts: dict[str, dict[str, Any]] = {}
    for line in _samples().read_text(encoding="utf-8").splitlines():
        request = json.loads(line)
        text = request["medicationCodeableConcept"]["text"]
        texts.setdefault(text, {**request, "status": "active"})
    hospital = tmp_path / "synthea.json"
    hospital.write_text(json.dumps(list(texts.values())))
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    code, out, _ = run_cli(["interactions", "--hospital", str(hospital), "--gp", str(empty), "--json"])
    assert code == exit_codes.OK
    unresolved_ids = {item["resource"] for item in json.loads(out)["not_checked"] if item["kind"] == "medication"}
    unresolved = sorted(text for text, request in texts.items() if request["id"] in unresolved_ids)
    print(f"\nSynthea: {len(texts) - len(unresolved)} of {len(texts)} distinct medication texts resolve; "
          f"not resolved: {unresolved}")
    assert unresolved == []


def test_referenced_medication_in_the_same_bundle_and_ndjson_input(tmp_path: Path) -> None:
    hospital, gp = tmp_path / "h.json", tmp_path / "g.ndjson"
    hospital.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:6d1c", "resource": {"resourceType": "Medication", "code": {"text": "Sintrom 4 mg"}}},
        {"resource": {"resourceType": "MedicationRequest", "id": "h1", "status": "active",
                      "medicationReference": {"reference": "urn:uuid:6d1c"}}},
    ]}))
    gp.write_text("\n".join(json.dumps(resource(spec, rid)) for spec, rid in
                            (("text|Brufen 400 mg", "g1"), ("text|Dafalgan 1 g", "g2"))))
    code, out, _ = run_cli(["interactions", "--hospital", str(hospital), "--gp", str(gp), "--json"])
    assert code == exit_codes.OK
    rules = {flag["rule"] for flag in json.loads(out)["flags"]}
    assert {"oac-nsaid", "vka-paracetamol"} <= rules
