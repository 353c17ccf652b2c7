"""Languages of the medication-safety texts (English, French, Dutch) and the checker's own phrases.

Knowledge-base texts are `Text` mappings {"en": ..., "fr": ..., "nl": ...}; `localise()` picks one. The
phrases the checker writes itself (flag summaries, severity and kind words) live here, in the three languages,
worded for Belgian GPs ("DFG" in French, "eGFR" in Dutch and English). `default_language()` is the interface
preference, else the system locale. Pure; safe on any thread.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

LANGUAGES = ("en", "fr", "nl")
Text = Mapping[str, str]

SEVERITY_WORDS: dict[str, Text] = {
    "contraindicated": {"en": "contraindicated", "fr": "contre-indiqué", "nl": "gecontra-indiceerd"},
    "major": {"en": "major", "fr": "majeur", "nl": "ernstig"},
    "moderate": {"en": "moderate", "fr": "modéré", "nl": "matig"},
    "minor": {"en": "minor", "fr": "mineur", "nl": "gering"},
}
KIND_WORDS: dict[str, Text] = {
    "interaction": {"en": "interaction", "fr": "interaction", "nl": "interactie"},
    "duplicate": {"en": "duplicate", "fr": "double emploi", "nl": "dubbelgebruik"},
    "allergy": {"en": "allergy", "fr": "allergie", "nl": "allergie"},
    "renal": {"en": "renal", "fr": "fonction rénale", "nl": "nierfunctie"},
    "dose": {"en": "dose", "fr": "dose", "nl": "dosis"},
}
PHRASES: dict[str, Text] = {
    "same_list": {"en": "listed more than once on the same list",
                  "fr": "inscrit plus d'une fois sur la même liste",
                  "nl": "meer dan eens op dezelfde lijst"},
    "same_list_advice": {"en": "Check whether both entries are meant (e.g. two strengths) or one should be removed.",
                         "fr": "Vérifier si les deux lignes sont voulues (p. ex. deux dosages) ou s'il faut en "
                               "supprimer une.",
                         "nl": "Nagaan of beide lijnen bedoeld zijn (bv. twee sterktes) of dat er één weg moet."},
    "same_ingredient": {"en": "same ingredient in two medications",
                        "fr": "même principe actif dans deux médicaments",
                        "nl": "zelfde werkzame stof in twee geneesmiddelen"},
    "same_ingredient_effect": {"en": "The patient may take the ingredient twice (e.g. alone and inside a "
                                     "combination product).",
                               "fr": "Le patient risque de prendre deux fois le même principe actif (p. ex. seul "
                                     "et dans une association).",
                               "nl": "De patiënt neemt de stof mogelijk twee keer (bv. alleen en in een "
                                     "combinatiepreparaat)."},
    "same_ingredient_advice": {"en": "Keep one product, or confirm the total daily dose is intended.",
                               "fr": "Garder un seul produit, ou confirmer que la dose journalière totale est "
                                     "voulue.",
                               "nl": "Eén product behouden, of bevestigen dat de totale dagdosis bedoeld is."},
    "same_class": {"en": "two medicines of the same class ({name})",
                   "fr": "deux médicaments de la même classe ({name})",
                   "nl": "twee geneesmiddelen van dezelfde klasse ({name})"},
    "same_class_effect": {"en": "Two medicines with the same action add up their adverse effects without added "
                                "benefit.",
                          "fr": "Deux médicaments de même action cumulent leurs effets indésirables sans bénéfice "
                                "supplémentaire.",
                          "nl": "Twee geneesmiddelen met dezelfde werking tellen hun bijwerkingen op zonder extra "
                                "voordeel."},
    "same_class_advice": {"en": "Check whether one replaces the other (a switch at the hospital) and stop the other.",
                          "fr": "Vérifier si l'un remplace l'autre (changement à l'hôpital) et arrêter l'autre.",
                          "nl": "Nagaan of het ene het andere vervangt (wissel in het ziekenhuis) en het andere "
                                "stoppen."},
    "egfr_below": {"en": "eGFR {value} is below {limit} mL/min/1.73m²",
                   "fr": "DFG estimé {value} inférieur à {limit} mL/min/1,73m²",
                   "nl": "eGFR {value} lager dan {limit} mL/min/1,73m²"},
    "crcl_below": {"en": "creatinine clearance (Cockcroft-Gault) {value} is below {limit} mL/min",
                   "fr": "clairance de la créatinine (Cockcroft-Gault) {value} inférieure à {limit} mL/min",
                   "nl": "creatinineklaring (Cockcroft-Gault) {value} lager dan {limit} mL/min"},
    "allergy_substance": {"en": "documented allergy to this substance",
                          "fr": "allergie documentée à cette substance",
                          "nl": "gedocumenteerde allergie voor deze stof"},
    "allergy_class": {"en": "allergy to a medicine of the same class ({name})",
                      "fr": "allergie à un médicament de la même classe ({name})",
                      "nl": "allergie voor een geneesmiddel van dezelfde klasse ({name})"},
    "allergy_cross": {"en": "possible cross-reactivity: {note}", "fr": "réaction croisée possible : {note}",
                      "nl": "mogelijke kruisreactie: {note}"},
    "allergy_effect": {"en": "Risk of an allergic reaction.", "fr": "Risque de réaction allergique.",
                       "nl": "Risico op een allergische reactie."},
    "allergy_advice": {"en": "Check the nature of the recorded reaction before giving; choose an alternative if it "
                             "was a true allergy.",
                       "fr": "Vérifier la nature de la réaction notée avant d'administrer ; choisir une "
                             "alternative s'il s'agissait d'une vraie allergie.",
                       "nl": "De aard van de genoteerde reactie nagaan vóór toediening; een alternatief kiezen "
                             "als het een echte allergie was."},
    "opioid_load": {"en": "{mme} mg oral morphine equivalents (MME) a day ({parts}), at or above {limit}",
                    "fr": "{mme} mg d'équivalent morphine orale (MME) par jour ({parts}), seuil de {limit} atteint",
                    "nl": "{mme} mg orale morfine-equivalenten (MME) per dag ({parts}), drempel van {limit} bereikt"},
    "opioid_load_at_least": {"en": "at least {mme} mg oral morphine equivalents (MME) a day ({parts}), at or above "
                                   "{limit}",
                             "fr": "au moins {mme} mg d'équivalent morphine orale (MME) par jour ({parts}), seuil de "
                                   "{limit} atteint",
                             "nl": "minstens {mme} mg orale morfine-equivalenten (MME) per dag ({parts}), drempel van "
                                   "{limit} bereikt"},
    "daily_dose": {"en": "{dose} a day is above the maximum of {limit}",
                   "fr": "{dose} par jour dépasse le maximum de {limit}",
                   "nl": "{dose} per dag is meer dan het maximum van {limit}"},
    "daily_dose_at_least": {"en": "at least {dose} a day is above the maximum of {limit}",
                            "fr": "au moins {dose} par jour, au-delà du maximum de {limit}",
                            "nl": "minstens {dose} per dag, meer dan het maximum van {limit}"},
    "more_than_weekly": {"en": "taken more often than once a week ({count} times a week)",
                         "fr": "pris plus d'une fois par semaine ({count} fois par semaine)",
                         "nl": "vaker dan eens per week ingenomen ({count} keer per week)"},
    "reduced_dose": {"en": "{strength} per intake while the reduced dose applies ({criteria})",
                     "fr": "{strength} par prise alors que la dose réduite s'applique ({criteria})",
                     "nl": "{strength} per inname terwijl de verlaagde dosis geldt ({criteria})"},
    "age_at_least": {"en": "age {value}", "fr": "âge {value} ans", "nl": "leeftijd {value} jaar"},
    "weight_at_most_kg": {"en": "weight {value} kg", "fr": "poids {value} kg", "nl": "gewicht {value} kg"},
    "creatinine_at_least_mg_dl": {"en": "creatinine {value} mg/dL", "fr": "créatinine {value} mg/dL",
                                  "nl": "creatinine {value} mg/dL"},
    "includes": {"en": "Also covers", "fr": "Couvre aussi", "nl": "Omvat ook"},
    "unknown_allergy": {"en": "allergy", "fr": "allergie", "nl": "allergie"},
}


_process_language = ["en"]  # the interface language, set once at start-up by the desktop program


def set_process_language(language: str) -> None:
    """The language `check()` uses when it is given none (the desktop program's interface language)."""
    _process_language[0] = language if language in LANGUAGES else "en"


def process_language() -> str:
    return _process_language[0]


def localise(text: Text | str | None, language: str) -> str:
    """The text in `language`, else English, else any language present."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(language) or text.get("en") or next(iter(text.values()), "")


def phrase(key: str, language: str, **values: object) -> str:
    return localise(PHRASES[key], language).format(**values)


def severity_word(severity: str, language: str) -> str:
    return localise(SEVERITY_WORDS.get(severity), language) or severity


def kind_word(kind: str, language: str) -> str:
    return localise(KIND_WORDS.get(kind), language) or kind


def colon(language: str) -> str:
    """': ' ; French typography puts a (narrow) space before the colon."""
    return " : " if language == "fr" else ": "


def number(value: float, language: str) -> str:
    """'7' or '2.5' in English, '2,5' in French and Dutch."""
    text = f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"
    return text.replace(".", ",") if language in ("fr", "nl") else text


def default_language(preference: str = "") -> str:
    """The interface language preference when it names one, else the system locale's language, else English."""
    if preference in LANGUAGES:
        return preference
    # The first locale setting that is set decides (LC_ALL overrides the others), as for the C library.
    setting = next((value for value in (os.environ.get("LC_ALL"), os.environ.get("LC_MESSAGES"),
                                        os.environ.get("LANG"), locale.getlocale()[0]) if value), "")
    code = setting.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else "en"
