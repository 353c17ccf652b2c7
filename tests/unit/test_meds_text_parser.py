"""Product-text reading: Synthea RxNorm texts, Belgian brand texts, French and Dutch wording, routes."""

from __future__ import annotations

import pytest

from consult_desktop.meds.knowledge_base import load_knowledge_base
from consult_desktop.meds.models import LOCAL, SYSTEMIC, Strength
from consult_desktop.meds.text_parser import parse_product_text


def parse(text: str):
    kb = load_knowledge_base()
    return parse_product_text(text, kb.phrases, kb.max_words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lisinopril 10 MG Oral Tablet", {"lisinopril": Strength(10, "mg")}),
        ("warfarin sodium 5 MG Oral Tablet", {"warfarin": Strength(5, "mg")}),
        ("24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet", {"metformin": Strength(500, "mg")}),
        ("1 ML Epoetin Alfa 4000 UNT/ML Injection [Epogen]", {"epoetin alfa": Strength(4000, "iu/ml")}),
        ("Amlodipine 5 MG / Hydrochlorothiazide 12.5 MG / Olmesartan medoxomil 20 MG Oral Tablet",
         {"amlodipine": Strength(5, "mg"), "hydrochlorothiazide": Strength(12.5, "mg"),
          "olmesartan": Strength(20, "mg")}),
        ("Penicillin V Potassium 250 MG Oral Tablet", {"phenoxymethylpenicillin": Strength(250, "mg")}),
        ("Sintrom 4 mg", {"acenocoumarol": Strength(4, "mg")}),
        ("Clarithromycine Sandoz 500 mg", {"clarithromycin": Strength(500, "mg")}),
        ("acide acétylsalicylique 80 mg", {"aspirin": Strength(80, "mg")}),
        ("Asaflow 80 mg maagsapresistente tabletten", {"aspirin": Strength(80, "mg")}),
        ("Simvastatine EG 40 mg comprimé pelliculé", {"simvastatin": Strength(40, "mg")}),
        ("Losartan kalium Sandoz 50 mg filmomhulde tabletten", {"losartan": Strength(50, "mg")}),
        ("Dafalgan Codeine 500 mg/30 mg", {"paracetamol": Strength(500, "mg"), "codeine": Strength(30, "mg")}),
        ("Dafalgan Forte", {"paracetamol": None}),
        ("kaliumchloride", {"potassium chloride": None}),
        ("L-Thyroxine Christiaens 100 µg", {"levothyroxine": Strength(0.1, "mg")}),
        ("spironolacton 25 mg", {"spironolactone": Strength(25, "mg")}),
        ("alendronaat 70 mg", {"alendronic acid": Strength(70, "mg")}),
    ],
)
def test_product_texts_resolve_to_ingredients_and_strengths(text: str, expected: dict) -> None:
    parsed = parse(text)
    assert {item.ingredient_id: item.strength for item in parsed.ingredients} == expected
    assert parsed.complete


def test_salt_word_after_an_ingredient_is_not_a_second_ingredient() -> None:
    assert [item.ingredient_id for item in parse("Atorvastatine calcium 20 mg").ingredients] == ["atorvastatin"]
    assert [item.ingredient_id for item in parse("Calcium 500 mg").ingredients] == ["calcium carbonate"]


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("Diclofenac 1% crème", LOCAL),
        ("Voltaren Emulgel 1% gel", LOCAL),
        ("Timolol 0.5% oogdruppels", LOCAL),
        ("albuterol 0.21 MG/ML Inhalation Solution", LOCAL),
        ("Mirena 52 MG Intrauterine System", LOCAL),
        ("Flixonase neusspray", LOCAL),
        ("NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal System", SYSTEMIC),
        ("72 HR Fentanyl 0.025 MG/HR Transdermal System", SYSTEMIC),
        ("Daktarin orale gel", SYSTEMIC),
        ("Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray", SYSTEMIC),
        ("Simvastatin 20 MG Oral Tablet", SYSTEMIC),
    ],
)
def test_route_of_product_forms(text: str, route: str) -> None:
    assert parse(text).route == route


def test_unknown_component_makes_the_product_incomplete() -> None:
    parsed = parse("Acetaminophen 325 MG / Unobtainium 5 MG Oral Tablet")
    assert [item.ingredient_id for item in parsed.ingredients] == ["paracetamol"]
    assert not parsed.complete


def test_unknown_product_resolves_to_nothing() -> None:
    parsed = parse("Unobtainium 5 mg")
    assert parsed.ingredients == ()
    assert not parsed.complete
