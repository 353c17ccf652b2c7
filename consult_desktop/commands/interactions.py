"""`consult-desktop interactions`: check hospital and GP medication files for safety flags.

Needs no profile or passphrase: it reads FHIR JSON files (Bundle, array, resource or ndjson) and prints a
report, or JSON with `--json`. Runs on the main thread.
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
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.set_defaults(func=run)


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
    result = check(hospital, gp, allergies, args.egfr, kb=kb, resolve_reference=resolver)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return exit_codes.OK
    print(_report(result, len(hospital), len(gp)))
    return exit_codes.OK


def _report(result: Any, hospital_count: int, gp_count: int) -> str:
    lines = [f"Checked {hospital_count} hospital and {gp_count} GP medication records."]
    if not result.flags:
        lines.append("No flags for the medications that could be checked.")
    for flag in result.flags:
        lines.append("")
        lines.append(f"[{flag.severity.upper()}] {flag.kind}: {flag.summary}")
        for label, value in (("Effect", flag.effect), ("Mechanism", flag.mechanism),
                             ("Management", flag.management), ("Source", "; ".join(flag.sources))):
            if value:
                lines.append(f"  {label}: {value}")
        lines.append(f"  Records: {', '.join(flag.resource_ids)}   Rule: {flag.rule_id}")
    if result.not_checked:
        lines.append("")
        lines.append("NOT CHECKED (not recognised, so no statement about their safety is made): "
                     + ", ".join(result.not_checked))
    return "\n".join(lines)
