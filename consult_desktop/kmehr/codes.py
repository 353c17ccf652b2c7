"""Code systems of Belgian medication lines, as KMEHR names them and as FHIR names them.

One table for both directions (KMEHR reader and writer, Belgian FHIR reader and exporter). Plain
constants and pure functions; safe on any thread.
"""

from __future__ import annotations

from typing import Any

CNK_FHIR = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cnk-codes"
SAM_PREFIX = "urn:be:samv2:"
MEDICATION_TYPE = "https://www.ehealth.fgov.be/standards/fhir/medication/CodeSystem/medication-type"
SSIN_FHIR = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin"
KMEHR_NS = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1"
# Marks which CNK of a line was intended (prescribed) and which was delivered by the pharmacy.
CNK_ROLE_EXTENSION = "urn:consult-desktop:cnk-role"
# Identifier system keeping a line's id in the file it came from (a KMEHR transaction id, a FHIR id).
SOURCE_ID_SYSTEM = "urn:consult-desktop:imported-id"

# Kinds of drug identification.
ATC = "atc"
ATC_FHIR = "http://www.whocc.no/atc"
CNK = "cnk"
AMP = "amp"
AMPP = "ampp"
VMP = "vmp"
VMP_GROUP = "vmpgroup"
INN_CLUSTER = "inncluster"
COMPOUND = "compound"
FREE_TEXT = "text"

KMEHR_TO_KIND = {
    "CD-DRUG-CNK": CNK, "CD-CNK": CNK, "CD-AMP": AMP, "CD-AMPP": AMPP, "CD-VMP": VMP, "CD-VMPGROUP": VMP_GROUP,
    "CD-INNCLUSTER": INN_CLUSTER, "CD-INN-CLUSTER": INN_CLUSTER, "CD-ATC": ATC,
}
KIND_TO_KMEHR = {ATC: "CD-ATC", CNK: "CD-DRUG-CNK", AMP: "CD-AMP", AMPP: "CD-AMPP", VMP: "CD-VMP",
                 VMP_GROUP: "CD-VMPGROUP", INN_CLUSTER: "CD-INNCLUSTER"}


def fhir_system(kind: str) -> str:
    """The FHIR system a line of this kind is written with."""
    return CNK_FHIR if kind == CNK else ATC_FHIR if kind == ATC else SAM_PREFIX + kind


def kind_of_system(system: str) -> str | None:
    """Kind of a code system URI, lenient about spelling: official, older and unofficial names all count."""
    folded = system.casefold().replace("-", "").replace("_", "")
    if not folded:
        return None
    if "cnk" in folded:
        return CNK
    if "whocc" in folded or folded.endswith(":atc") or folded.endswith("/atc") or "2.16.840.1.113883.6.73" in folded:
        return ATC
    if "vmpgroup" in folded or "vosidentifier" in folded or "vosproductcodes" in folded:
        return VMP_GROUP
    if "inncluster" in folded or folded.endswith(":inn") or "ctiextended" in folded:
        return INN_CLUSTER if "ctiextended" not in folded else AMPP
    for kind in (AMPP, AMP, VMP):
        if folded.endswith(kind) or f"{kind}codes" in folded or f":{kind}:" in folded or f"/{kind}" in folded:
            return kind
    if "medicationtype" in folded:
        return COMPOUND
    return None


def compound_text(statement: dict[str, Any]) -> str:
    """A compound (magistral) preparation named by its components, as a prescription lists them:
    "UREUM 5 %wv + NATRIUMCHLORIDE 5 %wv + GEBUF. CETOMACR. CREME TMF2 ad 100 gm"."""
    parts = []
    for medication in statement.get("contained") or ():
        ingredients = medication.get("ingredient") if isinstance(medication, dict) else None
        for item in ingredients if isinstance(ingredients, list) else ():
            concept = (item or {}).get("itemCodeableConcept") if isinstance(item, dict) else None
            if not isinstance(concept, dict):
                continue
            name = concept.get("text") or next((c.get("display") for c in concept.get("coding") or ()
                                                if isinstance(c, dict) and c.get("display")), "")
            numerator = ((item.get("strength") or {}).get("numerator") or {}) if isinstance(item.get("strength"),
                                                                                             dict) else {}
            amount = f"{numerator['value']:g} {numerator.get('unit') or numerator.get('code') or ''}".strip() \
                if isinstance(numerator.get("value"), (int, float)) else ""
            extensions = item.get("extension") if isinstance(item.get("extension"), list) else []
            prefix = next((str(e.get("valueCode")) for e in extensions
                           if isinstance(e, dict) and "prefix" in str(e.get("url"))), "")
            if name:
                parts.append(" ".join([*str(name).split(), *filter(None, [prefix, amount])]))
    return " + ".join(parts)
