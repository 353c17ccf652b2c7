"""Loads the medication knowledge base (resources/kb/*.yaml, *.csv) into in-memory indexes.

`load_knowledge_base()` parses once per process and returns a shared, read-only `KnowledgeBase`;
call it first on a worker thread (it takes a few tens of milliseconds), then use it from any thread.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from consult_desktop.meds.kb_doses import OpioidLoadRule, parse_dose_rule, parse_opioid_load
from consult_desktop.meds.kb_parts import (
    AllergyClass,
    CrossReaction,
    DoseRule,
    DuplicateClass,
    KnowledgeBaseError,
    RenalRule,
    RenalThreshold,
    SideChainGroup,
    collect_rule_texts,
    localised_name,
    read_text,
    spelling_variants,
)
from consult_desktop.meds.language import Text
from consult_desktop.meds.models import SEVERITIES
from consult_desktop.meds.text_parser import fold, fold_phrase

__all__ = ["NO_FLAG", "InteractionRule", "KnowledgeBase", "KnowledgeBaseError", "Modifier", "load_knowledge_base"]
NO_FLAG = "none"  # a context modifier's severity: intended treatment in that context, no flag
RULE_TEXT_FIELDS = ("title", "effect", "mechanism", "management")
_RULE_KEYS = frozenset({"id", "a", "b", "c", "severity", "evidence", "refs", "modifiers", "include_local",
                        "alternatives", "supersedes", "problem", *RULE_TEXT_FIELDS})

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Ingredient:
    id: str
    name: str
    atc: tuple[str, ...]
    rxnorm: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Modifier:
    """Changes a rule's severity when a dose, renal or clinical-context condition holds (last match wins).

    Severity `none` (a context modifier only) means the combination is the intended treatment in that context
    and raises no flag."""

    severity: str  # one of SEVERITIES, or NO_FLAG
    ingredient: str | None = None
    above_mg: float | None = None
    at_most_mg: float | None = None
    egfr_below: float | None = None
    context: str | None = None  # "heart_failure": the medication list shows heart-failure treatment


@dataclass(frozen=True, slots=True)
class InteractionRule:
    id: str
    roles: tuple[frozenset[str], ...]
    severity: str
    title: Text
    effect: Text
    mechanism: Text
    management: Text
    evidence: str
    sources: tuple[str, ...]
    modifiers: tuple[Modifier, ...] = ()
    include_local: bool = False
    alternatives: frozenset[str] = frozenset()  # other medicines the advice may name (alternatives, ones to avoid)
    supersedes: tuple[str, ...] = ()  # pair rules this (composite) rule replaces on the same medicines
    problem: str = ""  # flags of one clinical problem are shown as one


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    kind: str  # "ingredient" | "brand"
    ingredient_ids: tuple[str, ...]


class KnowledgeBase:
    """Read-only indexes over ingredients, groups and rules. Build with `load_knowledge_base()`."""

    def __init__(self, documents: Mapping[str, Any], cnk_rows: Iterable[Mapping[str, str]] = ()) -> None:
        self.ingredients: dict[str, Ingredient] = {}
        self.phrases: dict[str, tuple[str, ...]] = {}
        self.by_atc: dict[str, tuple[str, ...]] = {}
        self.by_rxnorm: dict[str, tuple[str, ...]] = {}
        self.by_cnk: dict[str, tuple[str, ...]] = {}
        self.local_phrases: set[str] = set()  # brands made only for local use (eye drops, creams, IUDs)
        self._suggestions: list[tuple[str, Suggestion]] = []
        self._name_overrides: dict[str, dict[str, str]] = {
            str(raw["id"]): read_text(raw["names"], str(raw["id"])) for raw in documents.get("ingredient_names", [])}
        self._load_ingredients(documents.get("ingredients", []))
        self._load_products(documents.get("combinations", []))
        for row in cnk_rows:
            self.by_cnk[row["cnk"].strip()] = self._refs_to_ids(row["ingredients"].split("|"), "cnk table")
        self.max_words = max((key.count(" ") + 1 for key in self.phrases), default=1)
        self.groups: dict[str, frozenset[str]] = {}
        self.group_names: dict[str, str] = {}
        self._load_groups(documents.get("atc_groups", []), documents.get("property_groups", []))
        self._rule_texts = collect_rule_texts(documents, RULE_TEXT_FIELDS)
        self.rules: tuple[InteractionRule, ...] = tuple(self._rule(raw) for raw in documents.get("rules", []))
        self._check_unique([rule.id for rule in self.rules], "rule")
        self.rule_by_id = {rule.id: rule for rule in self.rules}
        stray = set(self._rule_texts) - set(self.rule_by_id)
        if stray:
            raise KnowledgeBaseError(f"rule texts for unknown rules: {sorted(stray)}")
        self.rule_roles: dict[str, tuple[tuple[int, int], ...]] = self._index_rules()
        self.duplicate_classes = tuple(
            DuplicateClass(raw["id"], read_text(raw["name"], raw["id"]), self.resolve(raw["members"], raw["id"]),
                           self._severity(raw.get("severity", "moderate"), raw["id"]))
            for raw in documents.get("duplicate_classes", [])
        )
        self.duplicate_allow = tuple(
            (self.resolve(raw["a"], "allow"), self.resolve(raw["b"], "allow"), str(raw.get("reason", "")))
            for raw in documents.get("duplicate_allow", [])
        )
        self.duplicate_keys: dict[str, frozenset[tuple[str, str, str]]] = self._index_duplicate_keys()
        self.duplicate_class_names: dict[str, Text] = {item.id: item.name for item in self.duplicate_classes}
        self.allowed_pairs: frozenset[frozenset[str]] = frozenset(
            frozenset((a, b)) for left, right, _ in self.duplicate_allow for a in left for b in right
        )
        self._pair_rules: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
        self.same_ingredient_severity: dict[str, str] = {}
        for raw in documents.get("same_ingredient_severity", []):
            for ingredient_id in self.resolve(raw["members"], "same_ingredient_severity"):
                self.same_ingredient_severity[ingredient_id] = self._severity(raw["severity"], "duplicate")
        self.allergy_classes: dict[str, AllergyClass] = {}
        self._load_allergy_classes(documents.get("allergy_classes", []))
        self.side_chains: tuple[SideChainGroup, ...] = tuple(
            SideChainGroup(str(raw["id"]), self.resolve(raw["members"], str(raw["id"])))
            for raw in documents.get("side_chain_groups", []))
        self.renal_rules: tuple[RenalRule, ...] = tuple(self._renal(raw) for raw in documents.get("renal", []))
        self.dose_rules: tuple[DoseRule, ...] = tuple(parse_dose_rule(raw, self.resolve, self._severity)
                                                      for raw in documents.get("dose_rules", []))
        loads = documents.get("opioid_load", [])
        self.opioid_load: OpioidLoadRule | None = parse_opioid_load(loads[0] if loads else None, self.resolve,
                                                                    self._severity)
        self._check_unique([rule.id for rule in (*self.renal_rules, *self.dose_rules)], "renal or dose rule")
        self.covered: frozenset[str] = self._covered_ingredients()
        self._suggestions.sort(key=lambda item: item[0])

    # ---------------------------------------------------------------- public look-ups
    def name(self, ingredient_id: str, language: str = "en") -> str:
        """The ingredient's display name: English INN, or its spelling in Belgian French or Dutch."""
        ingredient = self.ingredients.get(ingredient_id)
        if ingredient is None:
            return ingredient_id
        override = self._name_overrides.get(ingredient_id)
        if override and language in override:
            text = override[language]
            return "IJ" + text[2:] if text.startswith("ij") else text[:1].upper() + text[1:]  # Dutch "IJzer"
        return localised_name(ingredient.name, language)

    def _covered_ingredients(self) -> frozenset[str]:
        """Ingredients that at least one interaction, renal or dose rule names."""
        roles = [role for rule in self.rules for role in rule.roles]
        return frozenset().union(*roles, *(item.ingredients for item in (*self.renal_rules, *self.dose_rules)),
                                 self.opioid_load.ingredients if self.opioid_load else frozenset())

    def resolve(self, refs: Iterable[str] | str, where: str) -> frozenset[str]:
        """Ingredient ids for a list of references to groups or ingredients."""
        if isinstance(refs, str):
            refs = [refs]
        result: set[str] = set()
        for ref in refs:
            key = str(ref).strip()
            if key in self.groups:
                result |= self.groups[key]
            elif key in self.ingredients:
                result.add(key)
            else:
                raise KnowledgeBaseError(f"{where}: unknown ingredient or group {key!r}")
        return frozenset(result)

    def rules_between(self, a: str, b: str) -> tuple[tuple[int, int], ...]:
        """Two-role rules that `a` and `b` (different ingredients) trigger: (rule index, role of `a`).

        Computed on first use and remembered; safe to call from several threads (a race only recomputes).
        """
        key = (a, b)
        hit = self._pair_rules.get(key)
        if hit is None:
            hit = tuple(
                (rule_number, role) for rule_number, role in self.rule_roles.get(a, ())
                if len(self.rules[rule_number].roles) == 2 and b in self.rules[rule_number].roles[1 - role]
            )
            self._pair_rules[key] = hit
        return hit

    def _index_duplicate_keys(self) -> dict[str, frozenset[tuple[str, str, str]]]:
        """Per ingredient: the therapeutic classes (severity, name, id) used to find duplicate therapy.

        Named duplicate classes, plus ATC level-4 groups except the heterogeneous "other ..." (X) groups.
        """
        keys: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for duplicate_class in self.duplicate_classes:
            for ingredient_id in duplicate_class.members:
                keys[ingredient_id].add((duplicate_class.severity, duplicate_class.name.get("en", duplicate_class.id),
                                         duplicate_class.id))
        for ingredient in self.ingredients.values():
            for code in ingredient.atc:
                if len(code) >= 5 and code[4] != "X":
                    keys[ingredient.id].add(("moderate", f"ATC {code[:5]}", code[:5]))
        return {key: frozenset(value) for key, value in keys.items()}

    def lookup_phrase(self, text: str) -> tuple[str, ...]:
        return self.phrases.get(fold_phrase(text), ())

    def names_local_brand(self, text: str) -> bool:
        """Whether the text names a brand that exists only for local use ("Xalatan", "Fucithalmic", "Mirena")."""
        if not self.local_phrases:
            return False
        words = fold_phrase(text).split()
        longest = max(key.count(" ") + 1 for key in self.local_phrases)
        return any(" ".join(words[start:start + length]) in self.local_phrases
                   for start in range(len(words)) for length in range(1, longest + 1))

    def suggest(self, prefix: str, limit: int = 10) -> list[Suggestion]:
        """Ingredient and brand names starting with `prefix` (accent- and case-insensitive)."""
        key = fold(prefix)
        if not key:
            return []
        start = bisect.bisect_left(self._suggestions, (key,))
        out: list[Suggestion] = []
        seen: set[str] = set()
        for folded, suggestion in self._suggestions[start:]:
            if not folded.startswith(key) or len(out) >= limit:
                break
            if suggestion.label not in seen:
                seen.add(suggestion.label)
                out.append(suggestion)
        return out

    # ---------------------------------------------------------------- loading
    def _add_phrase(self, text: str, ids: tuple[str, ...], where: str) -> None:
        key = fold_phrase(str(text))
        if len(key) < 3:
            raise KnowledgeBaseError(f"{where}: phrase {text!r} is too short to match safely")
        existing = self.phrases.get(key)
        if existing is not None and existing != ids:
            raise KnowledgeBaseError(f"{where}: {text!r} already means {existing}")
        self.phrases[key] = ids

    def _load_ingredients(self, rows: list[dict[str, Any]]) -> None:
        for raw in rows:
            ingredient_id = str(raw["id"])
            if ingredient_id in self.ingredients:
                raise KnowledgeBaseError(f"ingredient {ingredient_id!r} defined twice")
            ingredient = Ingredient(
                id=ingredient_id,
                name=str(raw.get("name", ingredient_id[:1].upper() + ingredient_id[1:])),
                atc=tuple(str(code) for code in raw.get("atc", ())),
                rxnorm=tuple(str(code) for code in raw.get("rx", ())),
            )
            self.ingredients[ingredient_id] = ingredient
            ids = (ingredient_id,)
            names = [ingredient_id, *raw.get("syn", ())]
            for text in names:
                self._add_phrase(text, ids, ingredient_id)
            for text in names:
                for variant in spelling_variants(fold_phrase(str(text))):
                    self.phrases.setdefault(variant, ids)  # an explicit phrase always wins
            self._suggestions.append((fold(ingredient.name), Suggestion(ingredient.name, "ingredient", ids)))
            for brand in raw.get("brand", ()):
                self._add_phrase(brand, ids, ingredient_id)
                self._suggestions.append((fold(str(brand)), Suggestion(str(brand), "brand", ids)))
            for brand in raw.get("local_brand", ()):
                self._add_phrase(brand, ids, ingredient_id)
                self.local_phrases.add(fold_phrase(str(brand)))
                self._suggestions.append((fold(str(brand)), Suggestion(str(brand), "brand", ids)))
            for code in ingredient.atc:
                self._add_code(self.by_atc, code, ids, "ATC")
            for code in ingredient.rxnorm:
                self._add_code(self.by_rxnorm, code, ids, "RxNorm")

    @staticmethod
    def _add_code(index: dict[str, tuple[str, ...]], code: str, ids: tuple[str, ...], system: str) -> None:
        if code in index and index[code] != ids:
            raise KnowledgeBaseError(f"{system} code {code} given to both {index[code]} and {ids}")
        index[code] = ids

    def _load_products(self, rows: list[dict[str, Any]]) -> None:
        for raw in rows:
            ids = self._refs_to_ids(raw["ingredients"], "combination")  # listed order = strength order
            for brand in raw.get("brands", ()):
                self._add_phrase(brand, ids, "combination")
                if raw.get("local"):
                    self.local_phrases.add(fold_phrase(str(brand)))
                self._suggestions.append((fold(str(brand)), Suggestion(str(brand), "brand", ids)))
            for code in raw.get("atc", ()):
                self.by_atc[str(code)] = ids
            for code in raw.get("rx", ()):
                self.by_rxnorm[str(code)] = ids

    def _refs_to_ids(self, refs: Iterable[str], where: str) -> tuple[str, ...]:
        ids = []
        for ref in refs:
            key = str(ref).strip()
            if key not in self.ingredients:
                raise KnowledgeBaseError(f"{where}: unknown ingredient {key!r}")
            ids.append(key)
        return tuple(ids)

    def _load_groups(self, atc_groups: list[dict[str, Any]], property_groups: list[dict[str, Any]]) -> None:
        atc_pairs = [(code, ingredient.id) for ingredient in self.ingredients.values() for code in ingredient.atc]
        for raw in atc_groups:
            group_id = str(raw["id"])
            prefixes = tuple(str(code) for code in raw["atc"])
            excluded = {str(code) for code in raw.get("exclude", ())}
            members = {ing for code, ing in atc_pairs if code.startswith(prefixes) and code not in excluded}
            members -= {ref for ref in excluded if ref in self.ingredients}
            members |= set(self._refs_to_ids(raw.get("include", ()), group_id))
            self._set_group(group_id, str(raw.get("name", group_id)), frozenset(members))
        pending = {str(raw["id"]): raw for raw in property_groups}
        for group_id in list(pending):
            self._resolve_property_group(group_id, pending, set())

    def _resolve_property_group(self, group_id: str, pending: dict[str, Any], stack: set[str]) -> None:
        if group_id in self.groups:
            return
        if group_id in stack:
            raise KnowledgeBaseError(f"group {group_id!r} includes itself")
        raw = pending[group_id]
        for ref in [*raw.get("members", ()), *raw.get("exclude", ())]:
            if ref in pending and ref not in self.groups:
                self._resolve_property_group(ref, pending, stack | {group_id})
        members = self.resolve(raw.get("members", ()), group_id) - self.resolve(raw.get("exclude", ()), group_id)
        self._set_group(group_id, str(raw.get("name", group_id)), members)

    def _set_group(self, group_id: str, name: str, members: frozenset[str]) -> None:
        if group_id in self.groups or group_id in self.ingredients:
            raise KnowledgeBaseError(f"group id {group_id!r} is already used")
        if not members:
            raise KnowledgeBaseError(f"group {group_id!r} has no members")
        self.groups[group_id] = members
        self.group_names[group_id] = name

    @staticmethod
    def _severity(value: str, where: str) -> str:
        if value not in SEVERITIES:
            raise KnowledgeBaseError(f"{where}: unknown severity {value!r}")
        return value

    @staticmethod
    def _check_unique(ids: list[str], what: str) -> None:
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                raise KnowledgeBaseError(f"{what} id {item!r} used twice")
            seen.add(item)

    def _rule(self, raw: dict[str, Any]) -> InteractionRule:
        rule_id = str(raw["id"])
        unknown = set(raw) - _RULE_KEYS
        if unknown:  # often an unquoted comma in a flow mapping ("title: a, b")
            raise KnowledgeBaseError(f"rule {rule_id}: unknown keys {sorted(map(str, unknown))}")
        role_keys = [key for key in ("a", "b", "c") if key in raw]
        if len(role_keys) < 2:
            raise KnowledgeBaseError(f"rule {rule_id}: needs at least two roles")
        sources = tuple(str(item) for item in raw.get("refs", ()))
        if not sources:
            raise KnowledgeBaseError(f"rule {rule_id}: no reference")
        modifiers = []
        for mod in raw.get("modifiers", ()):
            ingredient = mod.get("ingredient")
            if ingredient is not None and ingredient not in self.ingredients:
                raise KnowledgeBaseError(f"rule {rule_id}: modifier names unknown ingredient {ingredient!r}")
            severity = str(mod["severity"])
            if severity != NO_FLAG or mod.get("context") is None:
                severity = self._severity(severity, rule_id)
            modifiers.append(Modifier(
                severity=severity, ingredient=ingredient,
                above_mg=mod.get("above_mg"), at_most_mg=mod.get("at_most_mg"), egfr_below=mod.get("egfr_below"),
                context=mod.get("context"),
            ))
        texts = {name: read_text(raw.get(name), rule_id) for name in RULE_TEXT_FIELDS}
        for language, translated in self._rule_texts.get(rule_id, {}).items():
            for name, value in translated.items():
                texts[name][language] = value
        return InteractionRule(
            id=rule_id,
            roles=tuple(self.resolve(raw[key], rule_id) for key in role_keys),
            severity=self._severity(raw["severity"], rule_id),
            title=texts["title"],
            effect=texts["effect"],
            mechanism=texts["mechanism"],
            management=texts["management"],
            evidence=str(raw.get("evidence", "")),
            sources=sources,
            modifiers=tuple(modifiers),
            include_local=bool(raw.get("include_local", False)),
            alternatives=self.resolve(raw.get("alternatives", ()), rule_id),
            supersedes=tuple(str(item) for item in raw.get("supersedes", ())),
            problem=str(raw.get("problem", "")),
        )

    def _index_rules(self) -> dict[str, tuple[tuple[int, int], ...]]:
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for rule_number, rule in enumerate(self.rules):
            for role_number, members in enumerate(rule.roles):
                for ingredient_id in members:
                    index[ingredient_id].append((rule_number, role_number))
        return {key: tuple(value) for key, value in index.items()}

    def _load_allergy_classes(self, rows: list[dict[str, Any]]) -> None:
        for raw in rows:
            class_id = str(raw["id"])
            members = self.resolve(raw["members"], class_id)
            cross = tuple(
                CrossReaction(str(item["class"]), self._severity(item["severity"], class_id),
                              read_text(item.get("note"), class_id))
                for item in raw.get("cross", ())
            )
            self.allergy_classes[class_id] = AllergyClass(
                class_id, read_text(raw["name"], class_id), members, cross,
                tuple(str(item) for item in raw.get("refs", ())), bool(raw.get("umbrella", False)),
            )
            for phrase in raw.get("names", ()):
                key = "allergy-class:" + fold_phrase(str(phrase))
                self.phrases.setdefault(key, (class_id,))
        for allergy_class in self.allergy_classes.values():
            for cross in allergy_class.cross:
                if cross.other_class not in self.allergy_classes:
                    raise KnowledgeBaseError(
                        f"allergy class {allergy_class.id}: unknown cross class {cross.other_class!r}")

    def allergy_class_for_text(self, text: str) -> str | None:
        hit = self.phrases.get("allergy-class:" + fold_phrase(text))
        return hit[0] if hit else None

    def _renal(self, raw: dict[str, Any]) -> RenalRule:
        rule_id = str(raw["id"])
        thresholds = sorted(
            (RenalThreshold(float(item.get("below", item.get("egfr_below", 0))),
                            self._severity(item["severity"], rule_id), read_text(item["advice"], rule_id),
                            item.get("strength_above_mg"), item.get("daily_above_mg"))
             for item in raw["thresholds"]),
            key=lambda item: item.below,
        )
        return RenalRule(
            id=rule_id,
            ingredients=self.resolve(raw["ingredients"], rule_id),
            thresholds=tuple(thresholds),
            effect=read_text(raw.get("effect"), rule_id),
            sources=tuple(str(item) for item in raw.get("refs", ())),
            alternatives=self.resolve(raw.get("alternatives", ()), rule_id),
        )


def _kb_directory() -> Path:
    return Path(str(resources.files("consult_desktop.resources") / "kb"))


def read_documents(directory: Path) -> tuple[dict[str, list[Any]], list[dict[str, str]]]:
    """Parse every YAML file of the knowledge base and merge their top-level lists."""
    merged: dict[str, list[Any]] = defaultdict(list)
    for path in sorted(directory.glob("*.yaml")):
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
        for key, value in document.items():
            if key != "meta":
                merged[key].extend(value or [])
    cnk_rows: list[dict[str, str]] = []
    cnk_path = directory / "cnk_examples.csv"
    if cnk_path.exists():
        lines = [line for line in cnk_path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        cnk_rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    return merged, cnk_rows


@functools.lru_cache(maxsize=4)
def load_knowledge_base(directory: str | None = None) -> KnowledgeBase:
    """The knowledge base shipped in resources/kb (or another directory, for tests); parsed once."""
    documents, cnk_rows = read_documents(Path(directory) if directory else _kb_directory())
    return KnowledgeBase(documents, cnk_rows)
