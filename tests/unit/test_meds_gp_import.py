"""Importing the GP's own medication from CSV exports and FHIR files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consult_desktop.meds.checker import check
from consult_desktop.meds.fhir_input import InputFileError
from consult_desktop.meds.gp_import import read_gp_medication
from consult_desktop.meds.normalise import normalise


def test_french_csv_with_semicolons_and_windows_encoding(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Médicament;Posologie;Fréquence;Début;ATC\n"
                     "Sintrom 4 mg;1 comprimé;1 fois par jour;2024-01-02;B01AA07\n"
                     "Brufen 400 mg;1 co;3 fois par jour;2024-02-01;\n"
                     ";;;;\n".encode("cp1252"))
    imported = read_gp_medication(path)
    assert [s["medicationCodeableConcept"]["text"] for s in imported.statements] == ["Sintrom 4 mg", "Brufen 400 mg"]
    first = normalise(imported.statements[0])
    assert first.ingredient_ids == {"acenocoumarol"} and first.dosage.per_day == 1.0
    assert imported.statements[0]["effectivePeriod"] == {"start": "2024-01-02"}
    assert check([], list(imported.statements)).flags[0].rule_id == "oac-nsaid"


def test_dutch_csv_with_stop_date_marks_stopped(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Naam,Dosis,Frequentie,Startdatum,Stopdatum,CNK\n"
                    "Paracetamol 1 g,1 tablet,3 x per dag,2023-05-01,2023-06-01,\n"
                    ",,,,,9800037\n", encoding="utf-8-sig")
    statements = read_gp_medication(path).statements
    assert statements[0]["status"] == "stopped"
    assert normalise(statements[1]).ingredient_ids == {"simvastatin"}


def test_fhir_bundle_of_requests_becomes_statements(tmp_path: Path) -> None:
    path = tmp_path / "gp.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "entry": [{"resource": {
        "resourceType": "MedicationRequest", "id": "x", "status": "active",
        "medicationCodeableConcept": {"text": "Amlor 5 mg"}, "dosageInstruction": [{"text": "1 x per dag"}]}}]}))
    statement = read_gp_medication(path).statements[0]
    assert statement["resourceType"] == "MedicationStatement" and statement["dosage"][0]["text"] == "1 x per dag"


def test_csv_without_a_usable_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("foo;bar\n1;2\n", encoding="utf-8")
    with pytest.raises(InputFileError):
        read_gp_medication(path)
