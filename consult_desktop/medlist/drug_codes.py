"""Drug identification of a medication line: which codes it carries, what they are, which can be trusted.

Belgian files code a product as a CNK (intended and/or delivered package), a SAM v2 AMP / AMPP / VMP /
VMP group, an INN cluster, a compound (magistral) preparation or free text only. Real files also carry
codes without a system, under an unofficial system (`cnk.apb.be`), under the wrong system (a VMP group or
INN cluster labelled as CNK) and placeholder codes (`123123123`). `identify` sorts this out and returns the
concept to resolve with: CNKs under the one CNK system the knowledge base reads, every doubtful code dropped
(the product text then decides), and notes that say what was done. Pure; safe on any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from consult_desktop.kmehr.codes import CNK, CNK_FHIR, CNK_ROLE_EXTENSION, COMPOUND, FREE_TEXT, kind_of_system

_ACCEPTED_NOTES = ("no code system", "unofficial")
_PLACEHOLDER = re.compile(r"^(\d{1,3})\1+$|^0+$|^9+$|^(0?123456789?|1234567|12345678)$")


@dataclass(frozen=True, slots=True)
class CodeFound:
    system: str
    code: str
    kind: str | None  # cnk, amp, ampp, vmp, vmpgroup, inncluster, compound, or None (unknown)
    role: str = ""  # "intended" / "delivered" for CNKs
    note: str = ""  # why the code was not used, or how its system was read

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"system": self.system, "code": self.code, "kind": self.kind}
        if self.role:
            found["role"] = self.role
        if self.note:
            found["note"] = self.note
        return found


@dataclass(frozen=True, slots=True)
class Identification:
    kind: str  # the kind that identifies the line best, "text" when only its name does
    codes: tuple[CodeFound, ...]
    concept: dict[str, Any]  # cleaned medicationCodeableConcept to resolve with


def is_placeholder(code: str) -> bool:
    return bool(_PLACEHOLDER.match(code))


def identify(concept: dict[str, Any]) -> Identification:
    found: list[CodeFound] = []
    kept: list[dict[str, Any]] = []
    position = 0
    for coding in concept.get("coding") or ():
        if not isinstance(coding, dict):
            continue
        code = str(coding.get("code") or "").strip()
        system = str(coding.get("system") or "").strip()
        if not code:
            continue
        kind, note = _kind(system, code)
        usable = not note or note.startswith(_ACCEPTED_NOTES)
        role = ""
        if kind == CNK and usable:
            role = _role(coding) or ("intended" if position == 0 else "delivered")
            kept.append({**coding, "system": CNK_FHIR, "code": code})
        elif usable:
            kept.append(coding)
        found.append(CodeFound(system, code, kind, role, note))
        position += 1
    names = [str(concept["text"])] if concept.get("text") else []
    names += [str(c["display"]) for c in concept.get("coding") or () if isinstance(c, dict) and c.get("display")]
    kept_names = {str(c.get("display")) for c in kept}
    # displays of dropped codings still name the product: kept as display-only codings for the text resolution
    kept += [{"display": name} for name in dict.fromkeys(names[1:]) if name != names[0] and name not in kept_names]
    cleaned: dict[str, Any] = {"coding": kept} if kept else {}
    if names:
        cleaned["text"] = names[0]
    kinds = [item.kind for item in found if item.kind and (not item.note or item.note.startswith(_ACCEPTED_NOTES))]
    return Identification(kinds[0] if kinds else FREE_TEXT, tuple(found), cleaned)


def _kind(system: str, code: str) -> tuple[str | None, str]:
    kind = kind_of_system(system)
    digits = code.isdigit()
    if kind == COMPOUND:
        return COMPOUND, ""
    if digits and is_placeholder(code):
        return kind, f"placeholder code {code}: not used, the product name decides"
    if kind is None and not system and digits and len(code) == 7:
        return CNK, "no code system: a 7-digit code read as a CNK"
    if kind == CNK and not (digits and len(code) == 7):
        return None, f"labelled as CNK but {code} is not a CNK (7 digits): not used, the product name decides"
    if kind is None and not system:
        return None, f"code {code} without a code system: not used, the product name decides"
    if kind is None:
        return None, ""  # another terminology (RxNorm, SNOMED CT …): passed on, the resolver decides
    if kind == CNK and "apb.be" in system.casefold():
        return CNK, "unofficial CNK system (cnk.apb.be) read as CNK"
    return kind, ""


def _role(coding: dict[str, Any]) -> str:
    for extension in coding.get("extension") or ():
        if isinstance(extension, dict) and extension.get("url") == CNK_ROLE_EXTENSION:
            return str(extension.get("valueCode") or "")
    return ""
