"""Reads any medication file a Belgian GP may hand us, chosen by its content (never by its extension).

KMEHR XML (medication scheme, SUMEHR, other messages; inside a SOAP envelope or not), Belgian or generic
FHIR JSON (Bundle of any type, array, single resource, ndjson) or FHIR XML, and CSV exports. Raises `InputFileError`
(the CLI's exit code 13) with a message naming the file and the problem — never its clinical content —
when the file as a whole cannot be read; single lines that cannot be read are reported in the result.
File I/O on the caller's thread; no Qt.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from consult_desktop.domain.file_messages import said
from consult_desktop.domain.medication_file import FileRead, FoundLine
from consult_desktop.kmehr.reader import KmehrInputError, is_kmehr, read_kmehr
from consult_desktop.kmehr.xml_input import XmlInputError, parse_safely
from consult_desktop.medlist.be_fhir import FhirInputError, read_fhir
from consult_desktop.medlist.fhir_xml import is_fhir_xml, to_json
from consult_desktop.meds.fhir_input import InputFileError
from consult_desktop.meds.gp_import import read_gp_csv

MAX_BYTES = 50 * 1024 * 1024


def read_medication_file(path: Path, today: dt.date | None = None) -> FileRead:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputFileError(f"{path}: too large for a medication file ({path.stat().st_size} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    return read_medication_bytes(raw, str(path), today)


def read_medication_bytes(raw: bytes, name: str = "the file", today: dt.date | None = None) -> FileRead:
    try:
        return _read(raw, name, today)
    except RecursionError:
        raise InputFileError(f"{name}: nested too deeply to be a medication file") from None


def _read(raw: bytes, name: str, today: dt.date | None) -> FileRead:
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise InputFileError(f"{name}: the file is empty")
    if head[:1] == b"<" or raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            root = parse_safely(raw)
            if is_fhir_xml(root):
                return read_fhir(to_json(root), today)
            return read_kmehr(raw, today)
        except (XmlInputError, KmehrInputError, FhirInputError) as exc:
            raise InputFileError(f"{name}: {exc}") from None
    if head[:1] in (b"{", b"["):
        try:
            return read_fhir(_json(head), today)
        except (ValueError, FhirInputError) as exc:
            raise InputFileError(f"{name}: {exc}") from None
    if is_kmehr(raw):
        raise InputFileError(f"{name}: looks like KMEHR but does not start with XML")
    if b"\x00" in raw[:4096]:
        raise InputFileError(f"{name}: a binary file, not KMEHR, FHIR JSON or CSV")
    found = read_gp_csv(raw, Path(name))
    lines = tuple(FoundLine(f"CSV row {str(item.get('id', ''))[7:]}", item) for item in found.statements)
    warnings = (said("csv_rows_skipped", count=found.skipped_rows),) if found.skipped_rows else ()
    return FileRead("csv", None, lines, warnings=warnings)


def _json(raw: bytes) -> object:
    text = raw.decode("utf-8", errors="strict")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        rows = [line for line in text.splitlines() if line.strip()]
        if len(rows) > 1:
            try:
                return [json.loads(line) for line in rows]
            except json.JSONDecodeError:
                pass
        raise ValueError(f"not valid JSON (line {exc.lineno}, column {exc.colno})") from None
