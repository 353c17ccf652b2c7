"""`consult-desktop interactions`: check hospital and GP medication files for safety flags.

Needs no profile or passphrase: it reads FHIR JSON files (Bundle, array, resource or ndjson) and prints a
report, or JSON with `--json`, in the interface language unless `--language` says otherwise. With `--age`,
`--sex`, `--weight` and `--creatinine` the renal checks use the Cockcroft-Gault creatinine clearance instead of
`--egfr`. Runs on the main thread.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from consult_desktop import exit_codes
from consult_desktop.meds.fhir_input import (
    ALLERGY_TYPES,
    MEDICATION_TYPES,
    InputFileError,
    make_resolver,
    pick,
    read_entries,
)
from consult_desktop.meds.knowledge_base import KnowledgeBaseError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "interactions",
        parents=[common],
        help="check hospital and GP medication (FHIR JSON files) for interactions, duplicates, allergies",
        description="Check the hospital's and the GP's medication for interactions, duplicate therapy, "
        "allergy conflicts and renal cautions. Each file is a FHIR Bundle or a JSON array of "
        "MedicationRequest / MedicationStatement (or AllergyIntolerance) resources.",
    )
    parser.add_argument("--hospital", type=Path, required=True, metavar="FILE", help="hospital medication")
    parser.add_argument("--gp", type=Path, required=True, metavar="FILE", help="GP medication")
    parser.add_argument("--allergies", type=Path, metavar="FILE", help="AllergyIntolerance resources")
    parser.add_argument("--egfr", type=float, metavar="VALUE", help="latest eGFR in mL/min/1.73m²")
    parser.add_argument("--age", type=float, metavar="YEARS", help="the patient's age in years")
    parser.add_argument("--sex", choices=("female", "male"), help="the patient's sex (for Cockcroft-Gault)")
    parser.add_argument("--weight", type=float, metavar="KG", help="the patient's weight in kg")
    parser.add_argument("--creatinine", type=_creatinine, metavar="VALUE[UNIT]",
                        help="serum creatinine in mg/dL (or e.g. '115umol/L'); with --age, --sex and --weight the "
                             "renal checks use the Cockcroft-Gault creatinine clearance")
    parser.add_argument("--language", choices=("en", "fr", "nl"),
                        help="language of the report (default: the interface language)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.set_defaults(func=run)


def _creatinine(text: str) -> float:
    """'1.3' or '1,3' (mg/dL), '115umol/L' or '115 µmol/L'; the value in mg/dL."""
    from consult_desktop.meds.renal_check import creatinine_mg_dl

    cleaned = text.strip().replace(",", ".")
    number = cleaned.rstrip("abcdefghijklmnopqrstuvwxyzµ/ ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    try:
        value = float(number)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a creatinine value: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the creatinine must be above 0")
    return creatinine_mg_dl(value, cleaned[len(number):] or "mg/dL")


def _language(chosen: str | None) -> str:
    from consult_desktop.meds.language import default_language

    if chosen:
        return chosen
    try:
        from consult_desktop.ui_settings import UiSettings

        preference = UiSettings.load().language
    except ImportError:  # pragma: no cover - the preferences module moved or is absent in a reduced build
        preference = ""
    return default_language(preference)


def _load(path: Path, types: frozenset[str]) -> tuple[list[dict[str, Any]], list[tuple[str | None, dict[str, Any]]]]:
    if types == MEDICATION_TYPES:  # KMEHR, Belgian FHIR, generic FHIR and CSV, as `prescriptions read` reads them
        from consult_desktop.medlist.reader import read_medication_file
        from consult_desktop.medlist.report import build_report, checkable_statements

        found = read_medication_file(path)
        if found.lines or not found.format.startswith("fhir"):
            lines = checkable_statements(build_report(found))
            return lines, [(None, line) for line in lines]
    entries = read_entries(path)
    return pick([resource for _, resource in entries], types, path), entries


def run(args: argparse.Namespace) -> int:
    from consult_desktop.meds.checker import check
    from consult_desktop.meds.knowledge_base import load_knowledge_base
    from consult_desktop.meds.renal_check import PatientFacts

    try:
        hospital, hospital_all = _load(args.hospital, MEDICATION_TYPES)
        gp, gp_all = _load(args.gp, MEDICATION_TYPES)
        allergies = _load(args.allergies, ALLERGY_TYPES)[0] if args.allergies else []
    except InputFileError as exc:
        print(f"consult-desktop interactions: {exc}", file=sys.stderr)
        return exit_codes.INPUT_INVALID
    try:
        kb = load_knowledge_base()
    except (KnowledgeBaseError, OSError) as exc:
        print(f"consult-desktop interactions: the knowledge base cannot be loaded: {exc}", file=sys.stderr)
        return exit_codes.ERROR
    resolver = make_resolver([*hospital_all, *gp_all])
    patient = PatientFacts(args.age, args.sex, args.weight, args.creatinine)
    language = _language(args.language)
    result = check(hospital, gp, allergies, args.egfr, kb=kb, resolve_reference=resolver, language=language,
                   patient=patient)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return exit_codes.OK
    from consult_desktop.meds.report import text_report

    print(text_report(result, len(hospital), len(gp), language))
    return exit_codes.OK
