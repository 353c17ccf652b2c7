"""Versioned in-memory resource store of the demo hospital: current versions, full history, indexes.

Not thread-safe by itself: `DemoHospital` serialises every call through its lock. Resource dicts are never
modified after they are stored (a new version is a new dict), so readers may keep references to them
while mutations go on, and an export snapshot stays what it was.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from consult_desktop.demo.fhir_elements import JSON, meta

PATIENT_TYPES = (
    "Patient", "Encounter", "Condition", "AllergyIntolerance", "MedicationRequest", "MedicationStatement",
    "Medication", "Observation", "DiagnosticReport", "DocumentReference", "Immunization", "Procedure",
)
SHARED_TYPES = ("Practitioner", "Organization")


@dataclass(slots=True)
class Version:
    rtype: str
    rid: str
    vid: int
    lu: int  # lastUpdated, ms since epoch
    patient: str | None  # compartment owner, None for shared resources
    resource: JSON | None  # None for a deletion
    method: str  # POST (created), PUT (updated) or DELETE

    @property
    def key(self) -> tuple[str, str]:
        return (self.rtype, self.rid)

    @property
    def deleted(self) -> bool:
        return self.resource is None


class ResourceLog:
    """Every version ever stored, ordered by lastUpdated, with the current version of each resource."""

    def __init__(self) -> None:
        self._current: dict[tuple[str, str], Version] = {}
        self._versions: dict[tuple[str, str], list[Version]] = {}
        self._log: list[Version] = []
        self._log_lu: list[int] = []
        self._by_patient: dict[str, dict[str, set[str]]] = {}
        self._by_type: dict[str, set[str]] = {}
        self.revision = 0
        self._sorted_cache: dict[str, tuple[int, list[tuple[int, str, str | None]]]] = {}

    # -- loading and writing ---------------------------------------------------------------------------------

    def load(self, items: Iterable[tuple[JSON, str | None, int]]) -> None:
        """Initial content: (resource without meta, patient id or None, lastUpdated ms), each as version 1."""
        for resource, patient, lu in items:
            resource["meta"] = meta(1, lu)
            self._register(Version(resource["resourceType"], resource["id"], 1, lu, patient, resource, "POST"))
        self._log.sort(key=lambda v: (v.lu, v.rtype, v.rid))
        self._log_lu = [v.lu for v in self._log]
        self.revision += 1

    def write(self, resource: JSON, patient: str | None, lu: int) -> Version:
        """Store a new version (create or update); `lu` must not be older than anything in the log."""
        key = (resource["resourceType"], resource["id"])
        previous = self._current.get(key)
        vid = previous.vid + 1 if previous else 1
        stored = dict(resource)
        stored["meta"] = meta(vid, lu)
        method = "PUT" if previous and not previous.deleted else "POST"
        version = Version(key[0], key[1], vid, lu, patient, stored, method)
        self._append(version)
        return version

    def delete(self, rtype: str, rid: str, lu: int) -> Version:
        previous = self._current.get((rtype, rid))
        if previous is None or previous.deleted:
            raise KeyError(f"{rtype}/{rid} does not exist")
        version = Version(rtype, rid, previous.vid + 1, lu, previous.patient, None, "DELETE")
        self._append(version)
        return version

    def _append(self, version: Version) -> None:
        if self._log_lu and version.lu < self._log_lu[-1]:
            raise ValueError("lastUpdated must grow")
        self._register(version)
        self._log_lu.append(version.lu)
        self.revision += 1

    def _register(self, version: Version) -> None:
        key = version.key
        self._current[key] = version
        self._versions.setdefault(key, []).append(version)
        self._log.append(version)
        ids = self._by_type.setdefault(version.rtype, set())
        per_patient = self._by_patient.setdefault(version.patient, {}) if version.patient else None
        if version.deleted:
            ids.discard(version.rid)
            if per_patient is not None:
                per_patient.get(version.rtype, set()).discard(version.rid)
        else:
            ids.add(version.rid)
            if per_patient is not None:
                per_patient.setdefault(version.rtype, set()).add(version.rid)

    def replace_content(self, version: Version, resource: JSON) -> None:
        """Swap in a completed rendering of the same version (lazy attachment data); meta is unchanged."""
        version.resource = resource

    # -- reading ---------------------------------------------------------------------------------------------

    def current(self, rtype: str, rid: str) -> Version | None:
        return self._current.get((rtype, rid))

    def version(self, rtype: str, rid: str, vid: int) -> Version | None:
        versions = self._versions.get((rtype, rid), [])
        return versions[vid - 1] if 0 < vid <= len(versions) else None

    def ids_of_patient(self, patient: str, rtype: str) -> set[str]:
        return self._by_patient.get(patient, {}).get(rtype, set())

    def types_of_patient(self, patient: str) -> Iterator[tuple[str, set[str]]]:
        yield from self._by_patient.get(patient, {}).items()

    def ids_of_type(self, rtype: str) -> set[str]:
        return self._by_type.get(rtype, set())

    def sorted_of_type(self, rtype: str) -> list[tuple[int, str, str | None]]:
        """(lastUpdated, id, patient) of every live resource of a type, ascending; cached until the next write."""
        cached = self._sorted_cache.get(rtype)
        if cached and cached[0] == self.revision:
            return cached[1]
        current = self._current
        rows = sorted((current[(rtype, rid)].lu, rid, current[(rtype, rid)].patient)
                      for rid in self._by_type.get(rtype, ()))
        self._sorted_cache[rtype] = (self.revision, rows)
        return rows

    def log_slice(self, since: int | None, until: int | None) -> list[Version]:
        """Versions with since <= lastUpdated <= until, oldest first."""
        start = 0 if since is None else bisect.bisect_left(self._log_lu, since)
        end = len(self._log) if until is None else bisect.bisect_right(self._log_lu, until)
        return self._log[start:end]

    def latest_lu(self) -> int:
        return self._log_lu[-1] if self._log_lu else 0

    def count(self) -> int:
        return sum(len(ids) for ids in self._by_type.values())

    def counts_by_type(self) -> dict[str, int]:
        return {rtype: len(ids) for rtype, ids in sorted(self._by_type.items()) if ids}
