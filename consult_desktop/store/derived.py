"""Index fields derived from raw FHIR JSON when it is stored: owning patient, dates, search columns.

Pure functions on dicts (no I/O); callable from any thread. Kept tolerant: a field that is missing or
oddly shaped yields None rather than an exception, because the raw JSON is always kept as received.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from typing import Any

from consult_desktop.domain.attachments import raw_attachments
from consult_desktop.domain.references import patient_id_of  # noqa: F401 (the owner of a stored resource)

SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"
# Statuses that mean "do not show this as a current clinical fact" (kept, but hidden).
HIDDEN_STATUSES = frozenset({"entered-in-error", "superseded"})
DOCUMENT_TYPES = frozenset({"DocumentReference", "DiagnosticReport"})


def is_hidden(resource: dict) -> bool:
    return resource.get("status") in HIDDEN_STATUSES or resource.get("docStatus") == "entered-in-error"


def clinical_date(resource: dict) -> str | None:
    """The date a GP sorts by: document date, effective/issued time, encounter end, onset."""
    for key in ("date", "effectiveDateTime", "issued", "recordedDate", "authoredOn", "occurrenceDateTime",
                "performedDateTime", "onsetDateTime", "dateAsserted"):
        value = resource.get(key)
        if isinstance(value, str):
            return value
    for key in ("period", "effectivePeriod", "performedPeriod"):
        period = resource.get(key)
        if isinstance(period, dict):
            value = period.get("end") or period.get("start")
            if isinstance(value, str):
                return value
    return None


def fold(text: str) -> str:
    """Lower-case and strip accents, so `Dubois-Lefèvre` matches `lefevre`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def patient_row(resource: dict) -> dict[str, str | None]:
    names = resource.get("name") if isinstance(resource.get("name"), list) else []
    official = next((n for n in names if isinstance(n, dict) and n.get("use") == "official"), None)
    name = official or next((n for n in names if isinstance(n, dict)), {})
    family = name.get("family") if isinstance(name.get("family"), str) else None
    given_list = name.get("given") if isinstance(name.get("given"), list) else []
    given = " ".join(g for g in given_list if isinstance(g, str)) or None
    ssin = None
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == SSIN_SYSTEM and isinstance(ident.get("value"), str):
            ssin = ident["value"]
            break
    birth = resource.get("birthDate") if isinstance(resource.get("birthDate"), str) else None
    sex = resource.get("gender") if isinstance(resource.get("gender"), str) else None
    parts = [family or "", given or "", ssin or "", birth or ""]
    if birth and len(birth) == 10:  # also searchable as 31/12/1950 and 31.12.1950
        y, m, d = birth.split("-")
        parts += [f"{d}/{m}/{y}", f"{d}.{m}.{y}"]
    return {
        "family": family,
        "given": given,
        "birth_date": birth,
        "sex": sex,
        "ssin": ssin,
        "search_text": fold(" ".join(parts)),
    }


def _text_attachments(attachments: Any) -> list[str]:
    out: list[str] = []
    for att in attachments or []:
        if not isinstance(att, dict):
            continue
        ctype = str(att.get("contentType") or "")
        data = att.get("data")
        if ctype.startswith("text/") and isinstance(data, str):
            try:
                out.append(base64.b64decode(data).decode("utf-8", errors="replace"))
            except (binascii.Error, ValueError):
                continue
        if isinstance(att.get("title"), str):
            out.append(att["title"])
    return out


def _concept_text(concept: Any) -> str:
    if not isinstance(concept, dict):
        return ""
    if isinstance(concept.get("text"), str):
        return concept["text"]
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and isinstance(coding.get("display"), str):
            return coding["display"]
    return ""


def document_text(resource: dict) -> tuple[str, str] | None:
    """(title, body) for the full-text index, from the inline text a document carries."""
    rtype = resource.get("resourceType")
    if rtype == "DocumentReference":
        title = _concept_text(resource.get("type")) or str(resource.get("description") or "")
        body = [str(resource.get("description") or "")] + _text_attachments(raw_attachments(resource))
    elif rtype == "DiagnosticReport":
        title = _concept_text(resource.get("code"))
        body = [str(resource.get("conclusion") or "")] + _text_attachments(raw_attachments(resource))
    else:
        return None
    return title, "\n".join(b for b in body if b)
