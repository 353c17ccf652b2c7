"""What the medication-file readers say exists in English, French and Dutch, and the English stays the API."""

from __future__ import annotations

import json
import re
import string

import pytest

from consult_desktop.domain.file_messages import LANGUAGES, MESSAGES, WORDS, localised, place, said
from consult_desktop.medlist.be_fhir import read_fhir


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_every_language_with_the_same_values(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == set(LANGUAGES)
    assert {language: _fields(text) for language, text in texts.items()} == {
        language: _fields(texts["en"]) for language in LANGUAGES}


def test_words_exist_in_every_language() -> None:
    assert [key for key, forms in WORDS.items() if set(forms) != set(LANGUAGES)] == []


def test_a_message_is_english_text_and_speaks_french_and_dutch_on_request() -> None:
    message = said("no_resource", at="Bundle entry 2")
    assert message == "Bundle entry 2: no resource, skipped" and json.dumps([message]) == json.dumps([str(message)])
    assert localised(message, "fr") == "entrée du Bundle 2 : pas de ressource, ignoré"
    assert localised(message, "nl") == "Bundle-entry 2: geen resource, overgeslagen"
    assert localised("a plain text", "fr") == "a plain text"
    assert place("folder 1, transaction 2, item 3", "nl") == "map 1, transactie 2, item 3"


def test_a_file_read_in_french_has_no_english_left() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"request": {"method": "DELETE", "url": "MedicationStatement/x"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "active",
                      "subject": {"reference": "Patient/p"}}},
        {"resource": {"resourceType": "MedicationStatement", "id": "m2", "status": "active",
                      "medicationReference": {"reference": "Medication/missing"}}},
    ]}
    found = read_fhir(bundle)
    said_texts = [*found.warnings, *(line.reason for line in found.lines if line.reason)]
    assert len(said_texts) == 3
    english = re.compile(r"\b(the|not|no|line|medicine|file|deletion|skipped)\b")
    for text in said_texts:
        assert english.search(text)  # the command line and --json keep English
        french = localised(text, "fr")
        assert french != text and not english.search(french.replace("Bundle", "")), french
