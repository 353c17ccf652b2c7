"""`consult-desktop prescriptions read|import|export`: the GP's own medication list from and to Belgian files.

`read FILE` needs no profile: it prints what it read (KMEHR medication scheme / SUMEHR, Belgian or generic
FHIR, CSV), line by line, or `--json`. `import FILE --patient ID` matches the file's patient, shows the plan
(added / changed / suspended / stopped) and stores it in one transaction (`--dry-run` only shows it).
`export --patient ID --format kmehr|fhir` writes the reconciled list. Exit codes: 13 for an unreadable
input file, 14 when the file's patient is not the patient named. Runs on the main thread.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from consult_desktop import exit_codes
from consult_desktop.commands.common import CommandError, open_store, run_guarded
from consult_desktop.meds.fhir_input import InputFileError
from consult_desktop.meds.knowledge_base import KnowledgeBaseError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "prescriptions", parents=[common],
        help="read, import and export the GP's medication list (KMEHR, SUMEHR, Belgian FHIR, CSV)",
        description="The GP's own medication list from a KMEHR medication scheme or SUMEHR, an HL7 Belgium "
        "FHIR file (MedicationStatement, MedicationRequest, MedicationDispense, any Bundle), generic FHIR or "
        "CSV; and back out as a KMEHR medication scheme or a Belgian FHIR Bundle.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    read = actions.add_parser("read", parents=[common], help="print what a file holds (needs no profile)")
    read.add_argument("file", type=Path, metavar="FILE")
    read.add_argument("--json", action="store_true", help="print machine-readable JSON")
    _language_option(read, "language of the posology words in the printed list (default en)")
    read.set_defaults(func=run_read)
    imp = actions.add_parser("import", parents=[common], help="import a file into a patient's GP prescriptions")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--patient", required=True, metavar="ID", help="patient id or national number (SSIN)")
    imp.add_argument("--dry-run", action="store_true", help="show what would change, store nothing")
    imp.add_argument("--confirm-patient", action="store_true",
                     help="import although the file does not identify its patient (never when it names another)")
    imp.add_argument("--json", action="store_true", help="print machine-readable JSON")
    _language_option(imp, "language of the posology words stored with structured lines (default en)")
    imp.set_defaults(func=run_import)
    exp = actions.add_parser("export", parents=[common], help="write the reconciled list of a patient")
    exp.add_argument("--patient", required=True, metavar="ID", help="patient id or national number (SSIN)")
    exp.add_argument("--format", choices=("kmehr", "fhir"), required=True)
    exp.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)")
    exp.set_defaults(func=run_export)


def _language_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """`--language`, unless the options every command shares already carry one."""
    if "--language" not in parser._option_string_actions:
        parser.add_argument("--language", choices=("en", "fr", "nl"), default="en", help=help_text)


def _language(args: argparse.Namespace) -> str:
    value = str(getattr(args, "language", None) or "en")[:2].lower()
    return value if value in ("en", "fr", "nl") else "en"


def _read(path: Path) -> Any:
    from consult_desktop.medlist.reader import read_medication_file
    from consult_desktop.medlist.report import build_report

    try:
        found = read_medication_file(path)
    except InputFileError as exc:
        raise CommandError(str(exc), exit_codes.INPUT_INVALID) from None
    except Exception as exc:  # noqa: BLE001 - a file we cannot make sense of is an input error, never a traceback
        raise CommandError(f"{path}: could not be read ({type(exc).__name__})", exit_codes.INPUT_INVALID) from None
    try:
        return build_report(found)
    except (KnowledgeBaseError, OSError) as exc:
        raise CommandError(f"the knowledge base cannot be loaded: {exc}", exit_codes.ERROR) from None


def _text(report: Any, language: str = "en") -> str:
    out = [f"Format: {report.format}"]
    patient = report.patient
    if patient is not None:
        who = " ".join(part for part in (patient.given, patient.family) if part) or patient.display or ""
        ssin = patient.ssin or ("pseudonymised" if patient.pseudonym else "none")
        out.append(f"Patient: {who or '(no name)'}  born {patient.birth_date or '?'}  SSIN {ssin}")
    for number, line in enumerate(report.lines, start=1):
        if not line.readable:
            out.append(f"{number:>3}. UNREADABLE ({line.source}): {line.reason}")
            continue
        ingredients = ", ".join(sorted(line.entry.ingredient_ids)) or "not resolved"
        words = line.words.get(language) or (line.entry.dosage.text if line.entry else "")
        out.append(f"{number:>3}. [{line.status}] {line.product}  ->  {ingredients}"
                   + (f"  |  {words}" if words else ""))
        if not line.resolved:
            out.append(f"       why: {line.reason}")
        for note in line.notes + tuple(c.note for c in line.identification.codes if c.note):
            out.append(f"       note: {note}")
    for item in report.sumehr:
        out.append(f"  From the GP's SUMEHR ({item.kind}): {item.text}")
    for warning in report.warnings:
        out.append(f"  Warning: {warning}")
    summary = report.summary
    out.append(f"{summary['lines']} lines: {summary['resolved']} resolved to ingredients, "
               f"{summary['not_resolved']} not resolved, {summary['unreadable']} unreadable.")
    return "\n".join(out)


@run_guarded
def run_read(args: argparse.Namespace) -> int:
    report = _read(args.file)
    _emit(json.dumps(report.as_json(), ensure_ascii=False, indent=2) if args.json else _text(report, _language(args)))
    return exit_codes.OK


def _emit(text: str) -> None:
    """Print; a reader that stops early (`| head`) is not an error."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _patient(store: Any, key: str) -> tuple[str, str]:
    found = store.find_patient(key)
    if not found:
        raise CommandError(f"No patient {key!r} in this profile.", exit_codes.USAGE)
    if len(found) > 1:
        raise CommandError(f"{key!r} names a patient at several hospitals; give the patient id.", exit_codes.USAGE)
    return found[0]


@run_guarded
def run_import(args: argparse.Namespace) -> int:
    from consult_desktop.medlist.importer import PatientRefused, commit_import, preview_import

    report = _read(args.file)
    with open_store(args) as store:
        server_id, patient_id = _patient(store, args.patient)
        preview = preview_import(store, server_id, patient_id, report)
        refused = preview.match.outcome == "mismatch" or (preview.match.outcome != "match"
                                                           and not args.confirm_patient)
        result = None
        if not args.dry_run and not refused:
            try:
                result = commit_import(store, preview, confirm_unverified=args.confirm_patient,
                                       language=_language(args))
            except PatientRefused:
                refused = True
    out = {**preview.as_json(), "summary": report.summary, "dry_run": args.dry_run,
           "imported": len(result.saved) if result else 0}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"Patient: {preview.match.message}")
        plan = out["plan"]
        print(f"Plan: {plan['added']} added, {plan['changed']} changed, {plan['suspended']} suspended, "
              f"{plan['stopped']} stopped, {plan['unchanged']} unchanged; "
              f"{report.summary['unreadable']} lines unreadable.")
        print("Nothing stored (dry run)." if args.dry_run else f"Imported {out['imported']} lines." if result
              else "Nothing imported.")
    if refused:
        hint = "" if preview.match.outcome == "mismatch" else \
            " Use --confirm-patient if you are sure it is this patient."
        print(f"consult-desktop: {preview.match.message}{hint}", file=sys.stderr)
        return exit_codes.PATIENT_MISMATCH
    return exit_codes.OK


@run_guarded
def run_export(args: argparse.Namespace) -> int:
    from consult_desktop.medlist.export import export_fhir, export_kmehr, file_patient, reconciled_list

    with open_store(args) as store:
        server_id, patient_id = _patient(store, args.patient)
        statements = reconciled_list(store, server_id, patient_id)
        patient = file_patient(store, server_id, patient_id)
        store.audit.write("prescriptions-exported", server_id=server_id, patient_id=patient_id,
                            object_type="MedicationStatement", detail=f"format={args.format} lines={len(statements)}")
    data = export_kmehr(statements, patient) if args.format == "kmehr" else \
        (json.dumps(export_fhir(statements, patient), ensure_ascii=False, indent=2) + "\n").encode()
    if args.output:
        try:
            args.output.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Cannot write {args.output}: {exc.strerror}", exit_codes.STORAGE) from None
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return exit_codes.OK
