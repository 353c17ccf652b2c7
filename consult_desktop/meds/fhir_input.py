"""Reads medication and allergy input files (FHIR Bundle, JSON array, single resource or ndjson).

Runs wherever it is called (file I/O on the caller's thread); raises `InputFileError` with a message
that names the file and the problem, never its clinical content.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from consult_desktop.meds.normalise import Resolver

MEDICATION_TYPES = frozenset({"MedicationRequest", "MedicationStatement"})
ALLERGY_TYPES = frozenset({"AllergyIntolerance"})


class InputFileError(ValueError):
    """An input file cannot be read as FHIR JSON of the expected kind."""


def read_entries(path: Path) -> list[tuple[str | None, dict[str, Any]]]:
    """All resources in the file with their Bundle fullUrl (None outside a Bundle).

    Accepts a Bundle, a JSON array of resources (or Bundles), a single resource, or ndjson.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            data = [json.loads(line) for line in lines] if len(lines) > 1 else None
        except json.JSONDecodeError:
            data = None
        if data is None:
            raise InputFileError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    return list(_flatten(data, path, None))


def read_json_resources(path: Path) -> list[dict[str, Any]]:
    """All resources in the file (see `read_entries`)."""
    return [resource for _, resource in read_entries(path)]


def _flatten(data: Any, path: Path, full_url: str | None) -> Iterable[tuple[str | None, dict[str, Any]]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, path, None)
        return
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        raise InputFileError(f"{path}: expected a FHIR Bundle, a resource or a JSON array of resources")
    if data["resourceType"] == "Bundle":
        for entry in data.get("entry") or ():
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if isinstance(resource, dict):
                yield from _flatten(resource, path, entry.get("fullUrl"))
        return
    yield full_url, data


def pick(resources: list[dict[str, Any]], types: frozenset[str], path: Path) -> list[dict[str, Any]]:
    """Resources of the wanted types; an error when the file holds none although it holds resources."""
    picked = [resource for resource in resources if resource.get("resourceType") in types]
    if resources and not picked:
        found = sorted({str(resource.get("resourceType")) for resource in resources})
        raise InputFileError(f"{path}: no {' or '.join(sorted(types))} found (file holds {', '.join(found)})")
    return picked


def make_resolver(entries: Iterable[tuple[str | None, dict[str, Any]]]) -> Resolver:
    """Finds referenced resources (e.g. Medication) by 'Type/id' or by the Bundle entry's fullUrl."""
    index: dict[str, dict[str, Any]] = {}
    for full_url, resource in entries:
        if resource.get("id"):
            index[f"{resource['resourceType']}/{resource['id']}"] = resource
        if full_url:
            index[str(full_url)] = resource

    def resolve(reference: str) -> dict[str, Any] | None:
        hit = index.get(reference)
        if hit is None and "/" in reference:
            hit = index.get("/".join(reference.rstrip("/").split("/")[-2:]))
        return hit

    return resolve
