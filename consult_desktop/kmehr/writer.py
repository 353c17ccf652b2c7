"""Writes the GP's medication list as a KMEHR medication scheme (one `medicationschemeelement` per line).

The lines are MedicationStatement-shaped dicts (as the GP's prescriptions are stored); codes go back to
their KMEHR schemes (CNK intended/delivered in `<medicinalproduct>`, VMP group / INN cluster / AMP / VMP in
`<substanceproduct>`, free text and magistral preparations as `<compoundprescription>`), dosage entries to a
`<regimen>`, a stopped or suspended line gets its lifecycle. Pure; safe on any thread.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from consult_desktop.domain.medication_file import STOPPED, SUSPENDED, FilePatient, line_status
from consult_desktop.kmehr.codes import (
    ATC,
    CNK,
    CNK_ROLE_EXTENSION,
    KIND_TO_KMEHR,
    KMEHR_NS,
    SOURCE_ID_SYSTEM,
    compound_text,
    kind_of_system,
)
from consult_desktop.kmehr.posology import write_posology

VERSION = "20231110"


def _sub(parent: Element, tag: str, value: str | None = None, **attributes: str) -> Element:
    element = SubElement(parent, tag, attributes)
    if value is not None:
        element.text = value
    return element


def _id(parent: Element, value: str) -> None:
    _sub(parent, "id", value, S="ID-KMEHR", SV="1.0")


def _cd(parent: Element, scheme: str, value: str) -> None:
    _sub(parent, "cd", value, S=scheme, SV="1.0")


def _author(parent: Element) -> None:
    hcparty = _sub(_sub(parent, "author"), "hcparty")
    _cd(hcparty, "CD-HCPARTY", "application")
    _sub(hcparty, "name", "Consult Desktop")


def write_medication_scheme(statements: list[dict[str, Any]], patient: FilePatient,
                            now: dt.datetime | None = None) -> bytes:
    now = now or dt.datetime.now(dt.UTC)
    date, time = now.date().isoformat(), now.strftime("%H:%M:%S")
    message = Element("kmehrmessage", xmlns=KMEHR_NS)
    header = _sub(message, "header")
    _cd(_sub(header, "standard"), "CD-STANDARD", VERSION)
    _id(header, f"consult-desktop.{now.strftime('%Y%m%d%H%M%S')}")
    _sub(header, "date", date)
    _sub(header, "time", time)
    sender = _sub(_sub(header, "sender"), "hcparty")
    _cd(sender, "CD-HCPARTY", "application")
    _sub(sender, "name", "Consult Desktop")
    recipient = _sub(_sub(header, "recipient"), "hcparty")
    _cd(recipient, "CD-HCPARTY", "application")
    _sub(recipient, "name", "medication scheme")
    folder = _sub(message, "folder")
    _id(folder, "1")
    _patient(folder, patient)
    scheme = _sub(folder, "transaction")
    _id(scheme, "1")
    _cd(scheme, "CD-TRANSACTION", "medicationscheme")
    for tag, value in (("date", date), ("time", time)):
        _sub(scheme, tag, value)
    _author(scheme)
    _sub(scheme, "iscomplete", "true")
    _sub(scheme, "isvalidated", "true")
    _sub(scheme, "version", "1")
    for number, statement in enumerate(statements, start=2):
        transaction = _sub(folder, "transaction")
        _id(transaction, str(number))
        source = next((str(i.get("value")) for i in statement.get("identifier") or ()
                       if isinstance(i, dict) and i.get("system") == SOURCE_ID_SYSTEM and i.get("value")), None)
        if source:
            _sub(transaction, "id", source, S="LOCAL", SL="consult-desktop", SV="1.0")
        _cd(transaction, "CD-TRANSACTION", "medicationschemeelement")
        for tag, value in (("date", date), ("time", time)):
            _sub(transaction, tag, value)
        _author(transaction)
        _sub(transaction, "iscomplete", "true")
        _sub(transaction, "isvalidated", "true")
        _item(transaction, statement)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(message, encoding="utf-8", xml_declaration=False)


def _patient(folder: Element, patient: FilePatient) -> None:
    element = _sub(folder, "patient")
    _sub(element, "id", patient.ssin or "", S="ID-PATIENT", SV="1.0")
    _sub(element, "firstname", patient.given or "")
    _sub(element, "familyname", patient.family or "")
    if patient.birth_date:
        _sub(_sub(element, "birthdate"), "date", patient.birth_date[:10])


def _item(transaction: Element, statement: dict[str, Any]) -> None:
    item = _sub(transaction, "item")
    _id(item, "1")
    _cd(item, "CD-ITEM", "medication")
    concept = statement.get("medicationCodeableConcept") or {}
    if not concept.get("text") and not concept.get("coding"):
        concept = {**concept, "text": compound_text(statement)}
    written = _content(_sub(item, "content"), concept)
    atc = [str(c["code"]) for c in concept.get("coding") or ()
           if isinstance(c, dict) and c.get("code") and kind_of_system(str(c.get("system") or "")) == ATC]
    if atc:
        _cd(_sub(item, "content"), "CD-ATC", atc[0])
    extra = [str(c["display"]) for c in concept.get("coding") or ()
             if isinstance(c, dict) and c.get("display") and not c.get("code")]
    if extra:
        names = _sub(item, "content")
        for value in extra:
            _sub(names, "text", value, L="en")
    label = str(concept.get("text") or "")
    if label and label != written:
        _sub(item, "text", label, L="en")
    period = statement.get("effectivePeriod") or {}
    for tag, key in (("beginmoment", "start"), ("endmoment", "end")):
        if period.get(key):
            _sub(_sub(item, tag), "date", str(period[key])[:10])
    status = line_status(statement)
    if status in (STOPPED, SUSPENDED):
        _cd(_sub(item, "lifecycle"), "CD-LIFECYCLE", status)
    temporality = next((str(note["text"])[len("temporality: "):] for note in statement.get("note") or ()
                        if isinstance(note, dict) and str(note.get("text") or "").startswith("temporality: ")), "")
    if temporality:
        _cd(_sub(item, "temporality"), "CD-TEMPORALITY", temporality)
    posology = Element("posology-parts")
    try:
        write_posology(posology, [entry for entry in statement.get("dosage") or () if isinstance(entry, dict)])
    except (TypeError, AttributeError, KeyError, ValueError, IndexError):
        posology = Element("posology-parts")  # a dosage of the wrong shape: the line goes out without it
        texts = [str(e["text"]) for e in statement.get("dosage") or () if isinstance(e, dict) and e.get("text")]
        if texts:
            _sub(_sub(posology, "posology"), "text", texts[0], L="en")
    item.extend(list(posology))


def _content(content: Element, concept: dict[str, Any]) -> str:
    """Writes the product; returns the name it was written under (the first name a reader sees)."""
    codings = [c for c in concept.get("coding") or () if isinstance(c, dict) and c.get("code")]
    kinds = [(kind_of_system(str(c.get("system") or "")), c) for c in codings]
    coded = [(kind, c) for kind, c in kinds if kind in KIND_TO_KMEHR and kind != ATC]
    name = str(concept.get("text") or next((c.get("display") for c in codings if c.get("display")), "") or "")
    if not coded:
        _sub(content, "compoundprescription", name, L="en")
        return name
    product = _sub(content, "medicinalproduct" if coded[0][0] == CNK else "substanceproduct")
    names: list[tuple[str, str]] = []
    for index, (kind, coding) in enumerate(coded[:2]):
        role = _role(coding) or ("intended" if index == 0 else "delivered")
        _sub(product, f"{role}cd", str(coding["code"]), S=KIND_TO_KMEHR[str(kind)], SV="1.0")
        names.append((role, str(coding.get("display") or (name if role == "intended" else ""))))
    for role, value in names:
        if value:
            _sub(product, f"{role}name", value)
    return next((value for _, value in names if value), "")


def _role(coding: dict[str, Any]) -> str:
    for extension in coding.get("extension") or ():
        if isinstance(extension, dict) and extension.get("url") == CNK_ROLE_EXTENSION:
            return str(extension.get("valueCode") or "")
    return ""
