"""Reads a KMEHR message (medication scheme, SUMEHR, any message with medication items) into a `FileRead`.

Every medication item becomes a MedicationStatement-shaped dict: product codes (CNK intended and
delivered, SAM AMP/AMPP/VMP/VMP group, INN cluster) under FHIR systems, the product names, a compound
(magistral) preparation as free text, the posology as FHIR dosage entries, begin/end moments, status.
A `treatmentsuspension` suspends or stops the element it points to. SUMEHR allergies, intolerances,
risks, problems and vaccinations are kept as `SumehrItem`s. An item that cannot be read becomes an
unreadable line with its reason; nothing raises except `XmlInputError`/`KmehrInputError` for a file that
is not KMEHR at all. Pure; safe on any thread.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from xml.etree.ElementTree import Element

from consult_desktop.domain.file_messages import said
from consult_desktop.domain.medication_file import (
    ACTIVE,
    FHIR_STATUS,
    STOPPED,
    SUSPENDED,
    FilePatient,
    FileRead,
    FoundLine,
    SumehrItem,
)
from consult_desktop.kmehr.codes import (
    CNK,
    CNK_ROLE_EXTENSION,
    KMEHR_TO_KIND,
    MEDICATION_TYPE,
    SOURCE_ID_SYSTEM,
    fhir_system,
)
from consult_desktop.kmehr.posology import read_posology
from consult_desktop.kmehr.xml_input import cd, child, children, descendants, local, parse_safely, path, text

KNOWN_VERSIONS = frozenset({"20110701", "20120401", "20121001", "20130401", "20140101", "20150601", "20160601",
                            "20161201", "20180601", "20190301", "20200301", "20210301", "20220301", "20231110",
                            "20240401"})
SCHEME_TRANSACTIONS = frozenset({"medicationscheme", "medicationschemeelement", "treatmentsuspension"})
SUMEHR_KINDS = frozenset({"allergy", "adr", "risk", "socialrisk", "problem", "healthissue", "vaccine",
                          "treatment", "healthcareelement"})
_STOPPED_LIFECYCLES = frozenset({"stopped", "inactive", "aborted", "cancelled", "completed", "notpresent",
                                 "refused", "excluded"})
_SUSPENDED_LIFECYCLES = frozenset({"suspended", "planned-suspension", "ongoing-suspension"})


class KmehrInputError(ValueError):
    """Well-formed XML that is not a KMEHR message."""


def is_kmehr(raw: bytes) -> bool:
    head = raw[:4096].lower()
    return b"kmehrmessage" in head or b"kmehr/schema" in head


def read_kmehr(raw: bytes, today: dt.date | None = None) -> FileRead:
    root = parse_safely(raw)
    message = root if local(root) == "kmehrmessage" else next(descendants(root, "kmehrmessage"), None)
    if message is None:
        raise KmehrInputError(f"an XML file, but not a KMEHR message (its root element is <{local(root)}>)")
    warnings: list[str] = []
    if message is not root:
        warnings.append(said("kmehr_envelope"))
    version = cd(path(message, "header", "standard"), "CD-STANDARD") or cd(path(message, "header", "standard"))
    if version not in KNOWN_VERSIONS:
        warnings.append(said("kmehr_version", version=version or "(none)"))
    today = today or dt.date.today()
    patients: list[FilePatient] = []
    lines: list[FoundLine] = []
    sumehr: list[SumehrItem] = []
    kinds: set[str] = set()
    suspensions: list[tuple[str, Element, str]] = []
    line_ids: list[list[str]] = []  # every id of the transaction each line came from
    for folder_number, folder in enumerate(children(message, "folder"), start=1):
        patient = _patient(child(folder, "patient"))
        if patient is not None and patient not in patients:
            patients.append(patient)
        for tx_number, transaction in enumerate(children(folder, "transaction"), start=1):
            kind = cd(transaction, "CD-TRANSACTION").lower()
            kinds.add(kind)
            where = f"folder {folder_number}, transaction {tx_number}"
            if not kind:
                warnings.append(said("no_transaction_code", where=where))
            tx_ids = [text(item) for item in children(transaction, "id")]
            for item_number, item in enumerate(children(transaction, "item"), start=1):
                item_kind = cd(item, "CD-ITEM").lower()
                source = f"{where}, item {item_number}"
                if kind == "treatmentsuspension":
                    suspensions.append((source, item, item_kind))
                elif item_kind == "medication" or (not item_kind and _product(item)):
                    lines.append(_medication_line(item, source, tx_ids, transaction, today))
                    line_ids.append([value for value in tx_ids if value])
                elif item_kind in SUMEHR_KINDS and kind not in SCHEME_TRANSACTIONS:
                    sumehr.append(_sumehr_item(item, item_kind))
    for source, item, item_kind in suspensions:
        _apply_suspension(lines, line_ids, source, item, item_kind, today)
    fmt = "kmehr-medicationscheme" if kinds & SCHEME_TRANSACTIONS else "kmehr-sumehr" if "sumehr" in kinds else "kmehr"
    return FileRead(fmt, patients[0] if patients else None, tuple(lines), tuple(sumehr), tuple(warnings),
                    other_patients=max(0, len(patients) - 1), extra={"kmehr_version": version})


def _patient(element: Element | None) -> FilePatient | None:
    if element is None:
        return None
    ssin = None
    for item in children(element, "id"):
        scheme = (item.get("S") or "").strip().upper()
        value = text(item).replace(".", "").replace("-", "").replace(" ", "")
        if scheme in ("INSS", "ID-PATIENT") and value.isdigit() and len(value) == 11:
            ssin = value
    given = " ".join(text(item) for item in children(element, "firstname") if text(item)) or None
    return FilePatient(ssin=ssin, family=text(child(element, "familyname")) or None, given=given,
                       birth_date=text(path(element, "birthdate", "date")) or None)


def _product(item: Element) -> Element | None:
    for content in children(item, "content"):
        for name in ("medicinalproduct", "substanceproduct", "compoundprescription"):
            found = child(content, name)
            if found is not None:
                return found
    return None


def _codings(product: Element, notes: list[str]) -> list[dict[str, Any]]:
    codings: list[dict[str, Any]] = []
    for role in ("intended", "delivered"):
        for element in children(product, f"{role}cd"):
            scheme = (element.get("S") or "").strip().upper()
            code = text(element)
            if not code:
                continue
            kind = KMEHR_TO_KIND.get(scheme)
            if kind is None:
                notes.append(said("unknown_code_system", scheme=scheme or "(none)", code=code))
                codings.append({"system": f"urn:kmehr:{scheme or 'unknown'}", "code": code})
                continue
            coding: dict[str, Any] = {"system": fhir_system(kind), "code": code}
            name = text(child(product, f"{role}name"))
            if name:
                coding["display"] = name
            if kind == CNK:
                coding["extension"] = [{"url": CNK_ROLE_EXTENSION, "valueCode": role}]
            codings.append(coding)
    return codings


def _medication_line(item: Element, source: str, tx_ids: list[str], transaction: Element, today: dt.date
                     ) -> FoundLine:
    notes: list[str] = []
    product = _product(item)
    codings: list[dict[str, Any]] = []
    names: list[str] = []
    if product is not None and local(product) == "compoundprescription":
        codings.append({"system": MEDICATION_TYPE, "code": "magistral"})
        names.append(text(product))
    elif product is not None:
        codings = _codings(product, notes)
        names += [text(child(product, name)) for name in ("intendedname", "deliveredname")]
    for content in children(item, "content"):
        for element in children(content, "cd"):
            kind = KMEHR_TO_KIND.get((element.get("S") or "").strip().upper())
            if kind and text(element):
                codings.append({"system": fhir_system(kind), "code": text(element)})
        names += [text(element) for element in children(content, "text")]
    label = text(child(item, "text"))
    if label and label in names[:2]:  # the sender says which of the intended / delivered names is the line's
        names.insert(0, label)
    names.append(label)
    names = [name for name in dict.fromkeys(names) if name]
    if not codings and not names:
        return FoundLine(source, None, said("no_product"))
    displays = {str(coding.get("display")) for coding in codings}
    # further names of the product (a SUMEHR's own label, a delivered brand) still help to resolve it
    codings += [{"display": name} for name in names[1:] if name not in displays]
    concept: dict[str, Any] = {"coding": codings} if codings else {}
    if names:
        concept["text"] = names[0]
    statement: dict[str, Any] = {
        "resourceType": "MedicationStatement",
        "id": "kmehr-" + source.replace("folder ", "f").replace(", transaction ", "-t").replace(", item ", "-i"),
        "status": FHIR_STATUS[_status(item, today)],
        "medicationCodeableConcept": concept,
    }
    ids = [value for value in tx_ids if value.startswith("/")]  # a scheme's stable line URI, not message ids
    if ids:
        statement["identifier"] = [{"system": SOURCE_ID_SYSTEM, "value": ids[0]}]
    begin = text(path(item, "beginmoment", "date"))
    end = text(path(item, "endmoment", "date"))
    if begin or end:
        statement["effectivePeriod"] = {key: value for key, value in (("start", begin), ("end", end)) if value}
    dosage = read_posology(item)
    if dosage:
        statement["dosage"] = dosage
    reasons = [text(child(content, "text")) for other in children(transaction, "item")
               if cd(other, "CD-ITEM").lower() == "healthcareelement" for content in children(other, "content")]
    temporality = cd(child(item, "temporality"), "CD-TEMPORALITY")
    note_texts = [reason for reason in reasons if reason] + ([f"temporality: {temporality}"] if temporality else [])
    if note_texts:
        statement["note"] = [{"text": value} for value in note_texts]
    return FoundLine(source, statement, notes=tuple(notes))


def _status(item: Element, today: dt.date) -> str:
    lifecycle = cd(child(item, "lifecycle")).lower()
    if lifecycle in _STOPPED_LIFECYCLES:
        return STOPPED
    if lifecycle in _SUSPENDED_LIFECYCLES:
        return SUSPENDED
    end = text(path(item, "endmoment", "date"))
    if end and _before(end, today):
        return STOPPED
    return ACTIVE


def _before(value: str, today: dt.date) -> bool:
    try:
        return dt.date.fromisoformat(value[:10]) < today
    except ValueError:
        return False


def _linked(link: str, ids: list[str]) -> bool:
    """A <lnk URL> names its element by a Vitalink URI or by an XPath-like id test (`...='2']`)."""
    return any((len(value) > 3 and re.search(re.escape(value) + r"(?![\w/])", link) is not None)
               or f"'{value}'" in link or f'"{value}"' in link or link == value for value in ids)


def _apply_suspension(lines: list[FoundLine], line_ids: list[list[str]], source: str, item: Element,
                      item_kind: str, today: dt.date) -> None:
    """A suspension points at its element by a link, else by the same product; it suspends or stops it."""
    if item_kind not in ("medication", ""):
        return
    lifecycle = cd(child(item, "lifecycle")).lower()
    begin, end = text(path(item, "beginmoment", "date")), text(path(item, "endmoment", "date"))
    if (end and _before(end, today)) or (begin and not _before(begin, today + dt.timedelta(days=1))):
        return  # a suspension that is over, or not begun, changes nothing today
    status = STOPPED if lifecycle in _STOPPED_LIFECYCLES else SUSPENDED
    links = [value for element in children(item, "lnk") if (value := element.get("URL") or "")]
    suspended = _medication_line(item, source, [], item, today)
    key = _product_key(suspended.statement)
    for index, line in enumerate(lines):
        if line.statement is None:
            continue
        linked = any(_linked(link, line_ids[index]) for link in links)
        if linked or (not links and key and _product_key(line.statement) == key):
            statement = {**line.statement, "status": FHIR_STATUS[status]}
            if lifecycle or end:
                statement["statusReason"] = [{"text": f"treatment suspension ({lifecycle or 'suspended'})"}]
            note = said("changed_by", status=status, source=source)
            lines[index] = FoundLine(line.source, statement, notes=(*line.notes, note))
            return
    if suspended.statement is not None:
        line_ids.append([])
        lines.append(FoundLine(source, {**suspended.statement, "status": FHIR_STATUS[status]},
                               notes=(said("suspension_orphan"),)))


def _product_key(statement: dict[str, Any] | None) -> str:
    if not statement:
        return ""
    concept = statement.get("medicationCodeableConcept") or {}
    codes = sorted(str(c.get("code")) for c in concept.get("coding") or () if c.get("code"))
    return "|".join(codes) or str(concept.get("text") or "").casefold()


def _sumehr_item(item: Element, kind: str) -> SumehrItem:
    codes: list[str] = []
    texts: list[str] = []
    for content in children(item, "content"):
        for element in children(content, "cd"):
            label = element.get("DN") or ""
            codes.append(f"{element.get('S') or ''} {text(element)}".strip() + (f" ({label})" if label else ""))
        texts += [text(element) for element in children(content, "text")]
        texts += [text(element) for element in descendants(content, "intendedname")]
    texts.append(text(child(item, "text")))
    words = "; ".join(value for value in dict.fromkeys(texts) if value) or (codes[0] if codes else kind)
    return SumehrItem(kind=kind, text=words, codes=tuple(codes), status=cd(child(item, "lifecycle")).lower(),
                      start=text(path(item, "beginmoment", "date")) or None)
