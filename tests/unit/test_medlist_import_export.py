"""Importing a Belgian medication file into a real profile, refusing the wrong patient, and back out again."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from consult_desktop import exit_codes
from consult_desktop.cli import main
from consult_desktop.medlist.export import export_fhir, export_kmehr, file_patient, reconciled_list
from consult_desktop.medlist.importer import PatientRefused, commit_import, preview_import
from consult_desktop.medlist.reader import read_medication_bytes
from consult_desktop.medlist.report import build_report
from consult_desktop.store import Profile
from tests.fixtures import medication_records as mr
from tests.unit.test_medlist_readers import SCHEME

PID = "be1"
SSIN = "00000000097"
PASSPHRASE = "pass phrase for tests"


def _patient() -> dict[str, Any]:
    return {"resourceType": "Patient", "id": PID, "meta": {"versionId": "1", "lastUpdated": "2025-01-01T00:00:00Z"},
            "identifier": [{"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin",
                            "value": SSIN}],
            "name": [{"family": "Peeters", "given": ["Ann"]}], "birthDate": "1950-02-03"}


@pytest.fixture
def store(tmp_path: Path):
    created = mr.create_store(tmp_path / "profile")
    created.resources.put_many(mr.SERVER, [_patient()])
    yield created
    created.close()


def _report(raw: bytes):
    return build_report(read_medication_bytes(raw, "file"))


def _comparable(report) -> list[tuple]:
    out = []
    for line in report.lines:
        if not line.readable:
            continue
        codes = tuple(sorted((c.kind or "", c.code) for c in line.identification.codes if not c.note))
        dosage = line.entry.dosage
        period = line.statement.get("effectivePeriod") or {}
        out.append((line.product, codes, tuple(sorted(line.entry.ingredient_ids)), dosage.dose_value,
                    dosage.per_day, line.status, period.get("start"), line.words["fr"]))
    return out


def test_import_preview_commit_and_access_log(store) -> None:
    preview = preview_import(store, mr.SERVER, PID, _report(SCHEME))
    assert preview.match.outcome == "match" and preview.match.by == "ssin"
    assert (preview.count("added"), preview.count("suspended"), preview.count("stopped")) == (2, 1, 0)
    result = commit_import(store, preview)
    assert len(result.saved) == 3
    stored = store.prescriptions.for_patient(mr.SERVER, PID)
    assert {item["status"] for item in stored} == {"active", "on-hold"}
    assert all(item["subject"] == {"reference": f"Patient/{PID}"} and item["dateAsserted"] for item in stored)
    bisoprolol = next(item for item in stored if "Bisoprolol" in item["medicationCodeableConcept"]["text"])
    assert bisoprolol["dosage"][0]["text"] == "1 in the morning, 1 at bedtime"  # the GP's words, as listed
    entry = store.audit.entries(patient_id=PID)[0]
    assert entry.action == "prescriptions-imported" and "added=2" in entry.detail and "Peeters" not in entry.detail

    again = preview_import(store, mr.SERVER, PID, _report(SCHEME))
    assert again.count("unchanged") == 3 and again.count("added") == 0
    changed = SCHEME.replace(b"<decimal>1</decimal></quantity>\n    </regimen>", b"<decimal>2</decimal></quantity>\n"
                             b"    </regimen><lifecycle><cd S=\"CD-LIFECYCLE\">stopped</cd></lifecycle>")
    plan = preview_import(store, mr.SERVER, PID, _report(changed))
    assert plan.count("stopped") == 1
    commit_import(store, plan)
    assert len(store.prescriptions.for_patient(mr.SERVER, PID)) == 3  # updated in place, not duplicated


def test_wrong_patient_is_refused_and_nothing_is_stored(store) -> None:
    other = SCHEME.replace(SSIN.encode(), b"49112002395")
    preview = preview_import(store, mr.SERVER, PID, _report(other))
    assert preview.match.outcome == "mismatch"
    with pytest.raises(PatientRefused, match="another patient"):
        commit_import(store, preview, confirm_unverified=True)
    anonymous = SCHEME.replace(b"<id S=\"ID-PATIENT\">00000000097</id>", b"").replace(b"<birthdate>", b"<x>") \
        .replace(b"</birthdate>", b"</x>")
    unverified = preview_import(store, mr.SERVER, PID, _report(anonymous))
    assert unverified.match.outcome == "unverified"
    with pytest.raises(PatientRefused):
        commit_import(store, unverified)
    assert store.prescriptions.for_patient(mr.SERVER, PID) == []
    commit_import(store, unverified, confirm_unverified=True)
    assert len(store.prescriptions.for_patient(mr.SERVER, PID)) == 3


def test_export_then_import_gives_the_same_list(store) -> None:
    commit_import(store, preview_import(store, mr.SERVER, PID, _report(SCHEME)))
    statements = reconciled_list(store, mr.SERVER, PID)
    patient = file_patient(store, mr.SERVER, PID)
    original = _comparable(build_report(read_medication_bytes(
        json.dumps({"resourceType": "Bundle", "type": "collection",
                    "entry": [{"resource": s} for s in statements]}).encode())))
    kmehr = _report(export_kmehr(statements, patient))
    fhir = _report(json.dumps(export_fhir(statements, patient)).encode())
    assert kmehr.format == "kmehr-medicationscheme" and fhir.format == "fhir-be"
    assert _comparable(kmehr) == original == _comparable(fhir)
    assert kmehr.patient.ssin == fhir.patient.ssin == SSIN
    assert len(original) == 3 and any(row[5] == "suspended" for row in original)
    # importing its own export changes nothing
    assert preview_import(store, mr.SERVER, PID, kmehr).count("unchanged") == 3


def test_gp_decision_to_stop_is_in_the_export(store) -> None:
    commit_import(store, preview_import(store, mr.SERVER, PID, _report(SCHEME)))
    store.decisions.decide(mr.SERVER, PID, "line:bisoprolol", "stop")
    statements = reconciled_list(store, mr.SERVER, PID)
    bisoprolol = next(s for s in statements if "Bisoprolol" in s["medicationCodeableConcept"]["text"])
    assert bisoprolol["status"] == "stopped" and bisoprolol["effectivePeriod"]["end"]


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def test_cli_read_json_and_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "scheme.xml"
    path.write_bytes(SCHEME)
    code, out, _ = run_cli(["prescriptions", "read", str(path), "--json"])
    assert code == exit_codes.OK
    data = json.loads(out)
    assert data["format"] == "kmehr-medicationscheme" and data["patient"]["ssin"] == SSIN
    assert data["summary"] == {"lines": 4, "resolved": 2, "not_resolved": 1, "unreadable": 1}
    assert data["lines"][0]["posology"]["words"]["fr"] == "1 le matin, 1 au coucher"
    assert data["lines"][3]["unreadable"] and data["lines"][3]["reason"]
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<kmehrmessage><folder>")
    code, out, err = run_cli(["prescriptions", "read", str(bad)])
    assert code == exit_codes.INPUT_INVALID and "not well-formed" in err and "Traceback" not in err
    code, _, err = run_cli(["interactions", "--hospital", str(path), "--gp", str(bad)])
    assert code == exit_codes.INPUT_INVALID


def test_cli_import_dry_run_then_import_then_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "profile"
    created = mr.create_store(directory)
    created.resources.put_many(mr.SERVER, [_patient()])
    created.close()
    monkeypatch.setenv("CONSULT_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "scheme.xml"
    path.write_bytes(SCHEME)
    base = ["--data-dir", str(directory), "prescriptions"]
    code, out, _ = run_cli([*base, "import", str(path), "--patient", SSIN, "--dry-run", "--json"])
    assert code == exit_codes.OK and json.loads(out)["plan"]["added"] == 2 and json.loads(out)["imported"] == 0
    other = tmp_path / "other.xml"
    other.write_bytes(SCHEME.replace(SSIN.encode(), b"49112002395"))
    code, _, err = run_cli([*base, "import", str(other), "--patient", PID])
    assert code == exit_codes.PATIENT_MISMATCH and "another patient" in err
    code, out, _ = run_cli([*base, "import", str(path), "--patient", PID])
    assert code == exit_codes.OK and "Imported 3 lines." in out
    exported = tmp_path / "out.json"
    code, _, _ = run_cli([*base, "export", "--patient", PID, "--format", "fhir", "-o", str(exported)])
    assert code == exit_codes.OK
    code, out, _ = run_cli(["prescriptions", "read", str(exported), "--json"])
    assert json.loads(out)["summary"]["lines"] == 3
    code, _, _ = run_cli(["interactions", "--hospital", str(path), "--gp", str(exported), "--json"])
    assert code == exit_codes.OK
    with Profile.resolve(directory).unlock(PASSPHRASE) as opened:
        assert len(opened.prescriptions.for_patient(mr.SERVER, PID)) == 3


def test_a_different_medicine_at_the_same_place_of_another_file_is_added_not_replacing(store) -> None:
    def message(name: bytes) -> bytes:
        return (b'<kmehrmessage><folder><patient><id S="INSS">00000000097</id></patient><transaction>'
                b'<id S="ID-KMEHR">1</id><cd S="CD-TRANSACTION">sumehr</cd><item><id S="ID-KMEHR">1</id>'
                b'<cd S="CD-ITEM">medication</cd><content><text>' + name + b'</text></content></item>'
                b'</transaction></folder></kmehrmessage>')

    commit_import(store, preview_import(store, mr.SERVER, PID, _report(message(b"Bisoprolol 5 mg"))))
    plan = preview_import(store, mr.SERVER, PID, _report(message(b"Marevan 5 mg")))
    assert [item.kind for item in plan.planned] == ["added"]
    commit_import(store, plan)
    stored = store.prescriptions.for_patient(mr.SERVER, PID)
    names = sorted(item["medicationCodeableConcept"]["text"] for item in stored)
    assert names == ["Bisoprolol 5 mg", "Marevan 5 mg"]


def test_interactions_reads_kmehr_and_reports_unreadable_lines_as_not_checked(tmp_path: Path) -> None:
    scheme = tmp_path / "scheme.xml"
    scheme.write_bytes(SCHEME)
    hospital = tmp_path / "hospital.json"
    hospital.write_text(json.dumps([{"resourceType": "MedicationRequest", "id": "h1", "status": "active",
                                     "medicationCodeableConcept": {"text": "Marevan 5 mg"}}]))
    code, out, _ = run_cli(["interactions", "--hospital", str(hospital), "--gp", str(scheme), "--json"])
    assert code == exit_codes.OK
    result = json.loads(out)
    assert {"kind": "medication", "resource": "unreadable-4"} in result["not_checked"]


def test_cli_read_prints_the_posology_in_the_chosen_language(tmp_path: Path) -> None:
    path = tmp_path / "scheme.xml"
    path.write_bytes(SCHEME)
    code, out, _ = run_cli(["prescriptions", "read", str(path), "--language", "nl"])
    assert code == exit_codes.OK
    assert "1 's morgens, 1 bij het slapengaan" in out
    assert "4 lines: 2 resolved to ingredients, 1 not resolved, 1 unreadable." in out
