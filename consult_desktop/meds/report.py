"""Plain-text report of a check and the lines every screen shows about what was not checked, in en/fr/nl.

`coverage_line()` gives "2 of 14 medicines are not covered by the knowledge base"; `allergies_line()` names the
allergy records that could not be checked; `text_report()` is the `interactions` command's readable output.
Pure; safe on any thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from consult_desktop.meds.language import Text, colon, kind_word, localise, number, severity_word
from consult_desktop.meds.models import COVERAGE_CHECKED, CheckResult

_TEXTS: dict[str, Text] = {
    "checked": {"en": "Checked {hospital} hospital and {gp} GP medication records.",
                "fr": "Lignes de médication vérifiées : {hospital} de l'hôpital, {gp} du médecin généraliste.",
                "nl": "Nagekeken medicatielijnen: {hospital} van het ziekenhuis, {gp} van de huisarts."},
    "no_flags": {"en": "No flags for the medications that could be checked.",
                 "fr": "Aucun signal pour les médicaments qui ont pu être vérifiés.",
                 "nl": "Geen signalen voor de geneesmiddelen die nagekeken konden worden."},
    "effect": {"en": "Effect", "fr": "Effet", "nl": "Effect"},
    "mechanism": {"en": "Mechanism", "fr": "Mécanisme", "nl": "Mechanisme"},
    "management": {"en": "Management", "fr": "Conduite à tenir", "nl": "Aanpak"},
    "source": {"en": "Source", "fr": "Source", "nl": "Bron"},
    "includes": {"en": "Also covers", "fr": "Couvre aussi", "nl": "Omvat ook"},
    "records": {"en": "Records", "fr": "Lignes", "nl": "Lijnen"},
    "rule": {"en": "Rule", "fr": "Règle", "nl": "Regel"},
    "not_checked": {"en": "NOT CHECKED (not recognised, so no statement about their safety is made): {items}",
                    "fr": "NON VÉRIFIÉ (non reconnu, donc rien n'est affirmé sur leur sécurité) : {items}",
                    "nl": "NIET NAGEKEKEN (niet herkend, dus niets gezegd over hun veiligheid): {items}"},
    "not_covered_one": {"en": "1 of {total} medicines is not covered by the knowledge base",
                        "fr": "1 médicament sur {total} n'est pas couvert par la base de connaissances",
                        "nl": "1 van de {total} geneesmiddelen valt buiten de kennisbank"},
    "not_covered": {"en": "{count} of {total} medicines are not covered by the knowledge base",
                    "fr": "{count} médicaments sur {total} ne sont pas couverts par la base de connaissances",
                    "nl": "{count} van de {total} geneesmiddelen vallen buiten de kennisbank"},
    "allergies_not_checked": {"en": "Allergies not checked (not recognised): {items}",
                              "fr": "Allergies non vérifiées (non reconnues) : {items}",
                              "nl": "Allergieën niet nagekeken (niet herkend): {items}"},
    "allergy_not_checked": {"en": "not checked against the medication", "fr": "non vérifiée avec la médication",
                            "nl": "niet nagekeken tegen de medicatie"},
    "renal_crcl": {"en": "Kidney function used: creatinine clearance (Cockcroft-Gault) {value} mL/min",
                   "fr": "Fonction rénale utilisée : clairance de la créatinine (Cockcroft-Gault) {value} mL/min",
                   "nl": "Gebruikte nierfunctie: creatinineklaring (Cockcroft-Gault) {value} mL/min"},
    "renal_egfr": {"en": "Kidney function used: eGFR {value} mL/min/1.73m²",
                   "fr": "Fonction rénale utilisée : DFG estimé {value} mL/min/1,73m²",
                   "nl": "Gebruikte nierfunctie: eGFR {value} mL/min/1,73m²"},
}


def text(key: str, language: str, **values: object) -> str:
    return localise(_TEXTS[key], language).format(**values)


def coverage_line(coverage: Sequence[tuple[str, str]], language: str) -> str:
    """'2 of 14 medicines are not covered by the knowledge base', or '' when every medicine is covered.

    `coverage` is `CheckResult.coverage` (or `Comparison.coverage`): (resource id, state) per active medicine.
    """
    total, missing = len(coverage), sum(1 for _, state in coverage if state != COVERAGE_CHECKED)
    if not missing:
        return ""
    if missing == 1:
        return text("not_covered_one", language, total=total)
    return text("not_covered", language, count=missing, total=total)


def allergies_line(labels: Sequence[str], language: str) -> str:
    """The allergy records that could not be checked, or '' when there are none."""
    return text("allergies_not_checked", language, items="; ".join(labels)) if labels else ""


def renal_line(result: CheckResult, language: str) -> str:
    if result.renal_value is None:
        return ""
    key = "renal_crcl" if result.renal_basis == "crcl" else "renal_egfr"
    return text(key, language, value=number(round(result.renal_value, 1), language))


def text_report(result: CheckResult, hospital_count: int, gp_count: int, language: str) -> str:
    lines = [text("checked", language, hospital=hospital_count, gp=gp_count)]
    for extra in (renal_line(result, language), coverage_line(result.coverage, language)):
        if extra:
            lines.append(extra)
    if not result.flags:
        lines.append(text("no_flags", language))
    for flag in result.flags:
        lines.append("")
        lines.append(f"[{severity_word(flag.severity, language).upper()}] {kind_word(flag.kind, language)}"
                     f"{colon(language)}{flag.summary}")
        for key, value in (("effect", flag.effect), ("mechanism", flag.mechanism),
                           ("management", flag.management), ("source", "; ".join(flag.sources))):
            if value:
                lines.append(f"  {text(key, language)}{colon(language)}{value}")
        if flag.includes:
            lines.append(f"  {text('includes', language)}{colon(language).rstrip()}")
            lines += [f"    - {item}" for item in flag.includes]
        lines.append(f"  {text('records', language)}{colon(language)}{', '.join(flag.resource_ids)}   "
                     f"{text('rule', language)}{colon(language)}{flag.rule_id}")
    unchecked = [*result.not_checked, *result.not_checked_allergies]
    if unchecked:
        lines.append("")
        lines.append(text("not_checked", language, items=", ".join(unchecked)))
    return "\n".join(lines)
