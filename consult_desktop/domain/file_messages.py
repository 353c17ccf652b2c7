"""What the medication-file readers say about a file, in English, French and Dutch.

A reader's reasons ("why this line cannot be read"), notes and warnings are `Said` values: a `str` holding the
English text (what the command line and `--json` print, and what tests compare), which also remembers its
message key and values so that the import preview can show it in the GP's language with :func:`localised`.
Where a line was found ("Bundle entry 3 (MedicationStatement/m1)", "folder 1, transaction 2, item 4",
"CSV row 5") is a value of several messages; its fixed words are translated the same way. Pure; safe on any
thread.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES = ("en", "fr", "nl")
Text = Mapping[str, str]

MESSAGES: dict[str, Text] = {
    "fhir_malformed": {
        "en": "not valid FHIR: a field has the wrong type or shape ({error})",
        "fr": "FHIR non valide : un champ n'a pas le bon type ou la bonne forme ({error})",
        "nl": "geen geldige FHIR: een veld heeft het verkeerde type of de verkeerde vorm ({error})"},
    "no_medication": {
        "en": "no medication[x]: the line does not say which medicine",
        "fr": "pas de medication[x] : la ligne ne dit pas de quel médicament il s'agit",
        "nl": "geen medication[x]: de lijn zegt niet om welk geneesmiddel het gaat"},
    "empty_medication": {
        "en": "medication[x] is empty: no code and no name",
        "fr": "medication[x] est vide : ni code ni nom",
        "nl": "medication[x] is leeg: geen code en geen naam"},
    "referenced_medication_empty": {
        "en": "the referenced Medication has no code and no ingredients",
        "fr": "la ressource Medication référencée n'a ni code ni composants",
        "nl": "de verwezen Medication heeft geen code en geen bestanddelen"},
    "reference_missing": {
        "en": "medication reference {target} is not in the file",
        "fr": "la référence au médicament {target} ne se trouve pas dans le fichier",
        "nl": "de verwijzing naar geneesmiddel {target} staat niet in het bestand"},
    "reference_display_used": {
        "en": "medication reference {target} not in the file: its display is used",
        "fr": "la référence au médicament {target} ne se trouve pas dans le fichier : son libellé est utilisé",
        "nl": "de verwijzing naar geneesmiddel {target} staat niet in het bestand: de weergavenaam wordt gebruikt"},
    "end_date_passed": {
        "en": "its end date has passed: read as stopped",
        "fr": "sa date de fin est passée : lu comme arrêté",
        "nl": "de einddatum is voorbij: gelezen als gestopt"},
    "not_a_resource": {
        "en": "Bundle entry whose resource is not a FHIR resource (no resourceType)",
        "fr": "entrée du Bundle dont la ressource n'est pas une ressource FHIR (pas de resourceType)",
        "nl": "Bundle-entry waarvan de resource geen FHIR-resource is (geen resourceType)"},
    "not_a_resource_plain": {
        "en": "Bundle entry whose resource is not a FHIR resource",
        "fr": "entrée du Bundle dont la ressource n'est pas une ressource FHIR",
        "nl": "Bundle-entry waarvan de resource geen FHIR-resource is"},
    "entry_unwrapped": {
        "en": "Bundle entry not wrapped in entry.resource: read as the resource",
        "fr": "entrée du Bundle sans entry.resource : lue comme la ressource",
        "nl": "Bundle-entry niet verpakt in entry.resource: gelezen als de resource"},
    "entry_without_resource": {
        "en": "Bundle entry without a resource (entry.resource is missing)",
        "fr": "entrée du Bundle sans ressource (entry.resource manque)",
        "nl": "Bundle-entry zonder resource (entry.resource ontbreekt)"},
    "suspension_orphan": {
        "en": "a suspension whose medication is not in this file",
        "fr": "une suspension dont le médicament ne se trouve pas dans ce fichier",
        "nl": "een schorsing waarvan het geneesmiddel niet in dit bestand staat"},
    "deletion": {
        "en": "{at}: a deletion, not a medication line",
        "fr": "{at} : une suppression, pas une ligne de médication",
        "nl": "{at}: een verwijdering, geen medicatielijn"},
    "no_resource": {
        "en": "{at}: no resource, skipped",
        "fr": "{at} : pas de ressource, ignoré",
        "nl": "{at}: geen resource, overgeslagen"},
    "kmehr_envelope": {
        "en": "the KMEHR message was inside an envelope (read without it)",
        "fr": "le message KMEHR se trouvait dans une enveloppe (lu sans elle)",
        "nl": "het KMEHR-bericht zat in een envelop (zonder gelezen)"},
    "kmehr_version": {
        "en": "KMEHR version {version} is not one this program knows; read as the nearest",
        "fr": "la version KMEHR {version} n'est pas connue de ce programme ; lue comme la plus proche",
        "nl": "KMEHR-versie {version} is niet gekend door dit programma; gelezen als de dichtstbijzijnde"},
    "no_transaction_code": {
        "en": "{where} has no transaction code; its medication items are read",
        "fr": "{where} n'a pas de code de transaction ; ses éléments de médication sont lus",
        "nl": "{where} heeft geen transactiecode; de medicatie-items worden gelezen"},
    "no_product": {
        "en": "no product: the item names no medicine (no code and no name)",
        "fr": "pas de produit : l'élément ne nomme aucun médicament (ni code ni nom)",
        "nl": "geen product: het item noemt geen geneesmiddel (geen code en geen naam)"},
    "unknown_code_system": {
        "en": "unknown code system {scheme} for code {code}; the name is used",
        "fr": "système de codes inconnu {scheme} pour le code {code} ; le nom est utilisé",
        "nl": "onbekend codesysteem {scheme} voor code {code}; de naam wordt gebruikt"},
    "changed_by": {
        "en": "{status} by {source}",
        "fr": "{status} par {source}",
        "nl": "{status} door {source}"},
    "temporality": {
        "en": "temporality: {temporality}",
        "fr": "temporalité : {temporality}",
        "nl": "temporaliteit: {temporality}"},
    "csv_rows_skipped": {
        "en": "{count} CSV rows without a name, ATC or CNK were skipped",
        "fr": "{count} lignes CSV sans nom, ATC ni CNK ont été ignorées",
        "nl": "{count} CSV-rijen zonder naam, ATC of CNK werden overgeslagen"},
    "why_cnk": {
        "en": "CNK not in the knowledge base's CNK table, and the product name names no known ingredient "
              "(without the SAM database a CNK is resolved through its name)",
        "fr": "CNK absent de la table CNK de la base de connaissances, et le nom du produit ne nomme aucun "
              "principe actif connu (sans la base SAM, un CNK est résolu par son nom)",
        "nl": "CNK niet in de CNK-tabel van de kennisbank, en de productnaam noemt geen gekend bestanddeel "
              "(zonder de SAM-databank wordt een CNK via zijn naam herkend)"},
    "why_sam": {
        "en": "SAM {kind} code not resolvable without the SAM database, and the name names no known ingredient",
        "fr": "code SAM {kind} impossible à résoudre sans la base SAM, et le nom ne nomme aucun principe actif connu",
        "nl": "SAM-{kind}-code niet te herkennen zonder de SAM-databank, en de naam noemt geen gekend bestanddeel"},
    "why_compound": {
        "en": "compound (magistral) or free-text prescription naming no ingredient the knowledge base knows",
        "fr": "préparation magistrale ou prescription en texte libre ne nommant aucun principe actif connu de la "
              "base de connaissances",
        "nl": "magistrale bereiding of voorschrift in vrije tekst dat geen bestanddeel noemt dat de kennisbank kent"},
    "why_free_text": {
        "en": "free text naming no ingredient the knowledge base knows",
        "fr": "texte libre ne nommant aucun principe actif connu de la base de connaissances",
        "nl": "vrije tekst die geen bestanddeel noemt dat de kennisbank kent"},
    "why_nothing": {
        "en": "no code that can be used and no product name",
        "fr": "aucun code utilisable et aucun nom de produit",
        "nl": "geen bruikbare code en geen productnaam"},
}

# Words of a KMEHR SUMEHR item kind (CD-ITEM) and of a line's status, as the preview shows them.
WORDS: dict[str, Text] = {
    "allergy": {"en": "allergy", "fr": "allergie", "nl": "allergie"},
    "adr": {"en": "adverse drug reaction", "fr": "effet indésirable", "nl": "bijwerking"},
    "risk": {"en": "risk", "fr": "risque", "nl": "risico"},
    "socialrisk": {"en": "social risk", "fr": "risque social", "nl": "sociaal risico"},
    "problem": {"en": "problem", "fr": "problème", "nl": "probleem"},
    "healthissue": {"en": "health issue", "fr": "problème de santé", "nl": "gezondheidsprobleem"},
    "vaccine": {"en": "vaccination", "fr": "vaccination", "nl": "vaccinatie"},
    "treatment": {"en": "treatment", "fr": "traitement", "nl": "behandeling"},
    "healthcareelement": {"en": "care element", "fr": "élément de soins", "nl": "zorgelement"},
    "suspended": {"en": "suspended", "fr": "suspendu", "nl": "geschorst"},
    "stopped": {"en": "stopped", "fr": "arrêté", "nl": "gestopt"},
}

# The fixed words of where a line was found, longest first.
_PLACE_WORDS: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("Bundle entry", {"fr": "entrée du Bundle", "nl": "Bundle-entry"}),
    ("transaction", {"fr": "transaction", "nl": "transactie"}),
    ("CSV row", {"fr": "ligne CSV", "nl": "CSV-rij"}),
    ("(no id)", {"fr": "(sans id)", "nl": "(zonder id)"}),
    ("folder", {"fr": "dossier", "nl": "map"}),
    ("item", {"fr": "élément", "nl": "item"}),
)
_PLACE_RE = re.compile("|".join(re.escape(word) for word, _ in _PLACE_WORDS))


class Said(str):
    """An English message that remembers its key and values, to be shown in another language."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, **values: object) -> Said:
        text = super().__new__(cls, MESSAGES[key]["en"].format(**values))
        text.key = key
        text.values = values
        return text


def said(key: str, **values: object) -> Said:
    return Said(key, **values)


def place(text: str, language: str) -> str:
    """Where a line was found, with its fixed words in `language` (names and ids unchanged)."""
    if language not in LANGUAGES or language == "en":
        return text
    words = {word: forms for word, forms in _PLACE_WORDS}
    return _PLACE_RE.sub(lambda match: words[match.group(0)].get(language, match.group(0)), text)


def word(value: str, language: str) -> str:
    forms = WORDS.get(value)
    return forms.get(language, value) if forms else value


def localised(text: str, language: str) -> str:
    """A reader's message in `language`; a plain string (not a `Said`) is returned as it is."""
    if not isinstance(text, Said) or language == "en" or language not in LANGUAGES:
        return str(text)
    values = {name: _value(name, value, language) for name, value in text.values.items()}
    return MESSAGES[text.key][language].format(**values)


def _value(name: str, value: object, language: str) -> object:
    if isinstance(value, Said):
        return localised(value, language)
    if name in ("at", "where", "source"):
        return place(str(value), language)
    if name == "status":
        return word(str(value), language)
    return value
