"""The knowledge base: it loads, every rule is sourced, references are checked, and look-ups work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consult_desktop.meds.knowledge_base import KnowledgeBaseError, load_knowledge_base

KB_DIR = Path(__file__).resolve().parents[2] / "resources" / "kb"


def test_knowledge_base_size_and_sources() -> None:
    kb = load_knowledge_base()
    assert len(kb.rules) >= 250
    assert all(rule.sources and rule.title and rule.management for rule in kb.rules)
    onc_rules = [rule for rule in kb.rules if any("Phansalkar" in source for source in rule.sources)]
    assert len({rule.id for rule in onc_rules if rule.id.startswith("onc-")}) >= 15
    assert kb.renal_rules and kb.allergy_classes and kb.duplicate_classes
    assert (KB_DIR / "LICENSE.md").read_text(encoding="utf-8").count("CC BY 4.0") >= 1


def test_codes_and_synonyms_resolve() -> None:
    kb = load_knowledge_base()
    assert kb.by_atc["B01AA07"] == ("acenocoumarol",)
    assert kb.by_rxnorm["161"] == ("paracetamol",)
    assert kb.lookup_phrase("acétaminophène") == ()  # not a spelling we claim to know
    assert kb.lookup_phrase("Acetaminophen") == ("paracetamol",)
    assert kb.lookup_phrase("kaliumchloride") == ("potassium chloride",)
    assert kb.lookup_phrase("Co-Amoxiclav") == ("amoxicillin", "clavulanic acid")


def test_suggest_brands_and_ingredients_by_prefix() -> None:
    kb = load_knowledge_base()
    labels = [item.label for item in kb.suggest("dafal", limit=5)]
    assert "Dafalgan" in labels and "Dafalgan Codeine" in labels
    assert all(item.label.lower().startswith("dafal") for item in kb.suggest("DAFAL"))
    assert kb.suggest("") == []
    assert [item.label for item in kb.suggest("simvast", limit=1)] == ["Simvastatin"]


def broken_copy(tmp_path: Path, filename: str, old: str, new: str) -> str:
    target = tmp_path / "kb"
    shutil.copytree(KB_DIR, target)
    path = target / filename
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(target)


@pytest.mark.parametrize(
    ("filename", "old", "new", "message"),
    [
        ("rules_onc.yaml", "b: [maois_onc]", "b: [maois_typo]", "unknown ingredient or group"),
        ("rules_onc.yaml", "severity: contraindicated", "severity: severe", "unknown severity"),
        ("ingredients_cns.yaml", "brand: [Nurofen,", "brand: [Dafalgan, Nurofen,", "already means"),
        ("ingredients_cns.yaml", "{id: tramadol, atc: [N02AX02]", "{id: tramadol, atc: [N02BE01]", "ATC code N02BE01"),
    ],
)
def test_inconsistent_knowledge_base_is_refused(
    tmp_path: Path, filename: str, old: str, new: str, message: str
) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        load_knowledge_base(broken_copy(tmp_path, filename, old, new))
