"""Every clinical text of the knowledge base exists in English, French and Dutch, and advice names only its drugs.

A rule's advice may name the medicines of its own roles and those it lists as `alternatives`; naming any other
medicine (the "prefer mirabegron" written under donepezil + quetiapine) is a content error.
"""

from __future__ import annotations

import pytest
from test_meds_knowledge_base import broken_copy

from consult_desktop.meds import report
from consult_desktop.meds.knowledge_base import KnowledgeBaseError, load_knowledge_base
from consult_desktop.meds.language import KIND_WORDS, LANGUAGES, PHRASES, SEVERITY_WORDS
from consult_desktop.meds.text_parser import parse_product_text

# Words that name a laboratory value in advice ("check potassium and magnesium"), not a medicine to take.
_ANALYTES = frozenset({"potassium chloride", "magnesium", "calcium carbonate", "copper"})


def _missing(texts: dict[str, str], where: str) -> list[str]:
    return [f"{where} [{language}]" for language in LANGUAGES if not texts.get(language, "").strip()]


def test_every_rule_text_exists_in_every_language() -> None:
    kb = load_knowledge_base()
    missing: list[str] = []
    for rule in kb.rules:
        for name in ("title", "effect", "mechanism", "management"):
            texts = getattr(rule, name)
            if name in ("title", "management") or texts:
                missing += _missing(texts, f"{rule.id}.{name}")
    assert missing == []


def test_every_renal_dose_allergy_and_duplicate_text_exists_in_every_language() -> None:
    kb = load_knowledge_base()
    missing: list[str] = []
    for rule in kb.renal_rules:
        missing += _missing(rule.effect, f"{rule.id}.effect")
        for threshold in rule.thresholds:
            missing += _missing(threshold.advice, f"{rule.id}.advice<{threshold.below:g}")
    for dose in kb.dose_rules:
        missing += _missing(dose.effect, f"{dose.id}.effect") + _missing(dose.advice, f"{dose.id}.advice")
    for allergy_class in kb.allergy_classes.values():
        missing += _missing(allergy_class.name, f"allergy {allergy_class.id}")
        for cross in allergy_class.cross:
            missing += _missing(cross.note, f"allergy {allergy_class.id} -> {cross.other_class}")
    for duplicate in kb.duplicate_classes:
        missing += _missing(duplicate.name, f"duplicate {duplicate.id}")
    assert missing == []


def test_the_opioid_load_texts_exist_in_every_language() -> None:
    load = load_knowledge_base().opioid_load
    assert load is not None
    assert _missing(load.effect, f"{load.id}.effect") + _missing(load.advice, f"{load.id}.advice") == []


# English words that a French or Dutch ingredient name must not carry ("Iron (oral iron salts)" in a Dutch list).
_ENGLISH_ONLY = {
    "fr": r"acid|insulin|iron|salts|wort|device|medium|multivitamins|hydroxide|trioxide|glyceryl",
    "nl": r"acid|insulin|iron|salts|wort|device|medium|multivitamins|hydroxide|trioxide|sodium|potassium|chloride|"
          r"citrate|bicarbonate|fluoride|dinitrate|mononitrate",
}


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_ingredient_names_are_written_in_the_language(language: str) -> None:
    import re

    kb = load_knowledge_base()
    english = re.compile(rf"\b({_ENGLISH_ONLY[language]})\b", re.IGNORECASE)
    found = [f"{item}: {kb.name(item, language)}" for item in kb.ingredients if english.search(kb.name(item, language))]
    assert found == []


def test_the_checkers_own_words_exist_in_every_language() -> None:
    tables = {"phrase": PHRASES, "severity": SEVERITY_WORDS, "kind": KIND_WORDS, "report": report._TEXTS}
    missing = [f"{table}.{key}" for table, texts in tables.items() for key, text in texts.items()
               if any(not text.get(language) for language in LANGUAGES)]
    assert missing == []


def _named(text: str) -> set[str]:
    kb = load_knowledge_base()
    return {item.ingredient_id for item in parse_product_text(text, kb.phrases, kb.max_words).ingredients} - _ANALYTES


@pytest.mark.parametrize("language", LANGUAGES)
def test_advice_names_only_the_rules_own_medicines_or_its_alternatives(language: str) -> None:
    kb = load_knowledge_base()
    wrong: list[str] = []
    for rule in kb.rules:
        allowed = frozenset().union(*rule.roles) | rule.alternatives
        extra = _named(rule.management.get(language, "")) - allowed
        if extra:
            wrong.append(f"{rule.id}: {sorted(extra)}")
    for renal in kb.renal_rules:
        for threshold in renal.thresholds:
            extra = _named(threshold.advice.get(language, "")) - renal.ingredients - renal.alternatives
            if extra:
                wrong.append(f"{renal.id}: {sorted(extra)}")
    for dose in kb.dose_rules:
        extra = _named(dose.advice.get(language, "")) - dose.ingredients
        if extra:
            wrong.append(f"{dose.id}: {sorted(extra)}")
    assert wrong == []


def test_the_reported_content_errors_are_gone() -> None:
    kb = load_knowledge_base()
    donepezil_quetiapine = [rule.id for rule in kb.rules if any("donepezil" in role for role in rule.roles[:1])
                            and any("quetiapine" in role for role in rule.roles[1:])
                            and "mirabegron" in rule.management["en"]]
    assert donepezil_quetiapine == []
    assert not any("levodopa" in rule.roles[1] and "quetiapine" in rule.roles[0]
                   for rule in kb.rules if rule.id == "antipsychotic-dopaminergic")
    apixaban = next(rule for rule in kb.renal_rules if "apixaban" in rule.ingredients)
    assert not {"rivaroxaban", "edoxaban"} & _named(" ".join(t.advice["en"] for t in apixaban.thresholds))


def test_a_title_cut_by_an_unquoted_comma_is_refused(tmp_path) -> None:
    quoted = 'title: "dual RAAS blockade (hyperkalaemia, kidney injury)"'
    broken = broken_copy(tmp_path, "rules_cardiovascular.yaml", quoted, quoted.replace('"', ""))
    with pytest.raises(KnowledgeBaseError, match="unknown keys"):
        load_knowledge_base(broken)
