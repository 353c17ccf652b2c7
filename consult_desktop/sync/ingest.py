"""Storing one page of a sync: keep only what the role may see of authorised patients, validate, commit
the page with its cursor.

`prepare` sorts a page and starts its validation (in worker processes when the validator has them, which
receive the page's bytes as the server sent them when there are such bytes); `commit` waits for the results
and stores the page. The sync prepares page N+1 before it commits page N.

The page's resources, its quarantined resources and the cursor that follows it are written in ONE
transaction, so a crash at any moment leaves either the page and its cursor, or neither. Runs on the sync
engine's thread (the one that opened its Store).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from consult_desktop.domain.roles import DOCUMENT_TYPES, RoleProfile, may_see
from consult_desktop.fhir.validation_pool import BatchValidator, InlineValidator, PageBytes, PendingValidation
from consult_desktop.store import Store
from consult_desktop.store.derived import patient_id_of
from consult_desktop.store.resources import MAX_INLINE_BYTES

log = logging.getLogger(__name__)

Validator = Callable[[dict], str | None]
# Types that belong to no patient but that patient data points to (medicationReference).
SHARED_TYPES = frozenset({"Medication"})


@dataclass
class PreparedPage:
    """A page sorted and under validation: what `PageIngester.commit` stores."""

    candidates: list[tuple[dict, str | None]]  # (resource, owning patient) awaiting their check
    bad: list[tuple[object, str, str | None]]  # refused before validation (no resourceType or id)
    pending: PendingValidation


@dataclass
class IngestCounts:
    written: int = 0
    unchanged: int = 0
    quarantined: int = 0
    dropped_unauthorised: int = 0
    hidden: int = 0
    documents: set[tuple[str, str]] = field(default_factory=set)  # (type, id) written this sync


class PageIngester:
    def __init__(self, store: Store, server_id: str, authorised: set[str], types: frozenset[str],
                 validate: Validator | BatchValidator, role: RoleProfile | None = None) -> None:
        self.store = store
        self.role = role  # documents this role may not see (e.g. operative notes for a nurse) are dropped
        self.server_id = server_id
        self.authorised = authorised
        self.types = types
        # A per-resource function (checked here, when the page is stored) or a batch validator (workers).
        self.validator: BatchValidator = validate if hasattr(validate, "submit") else InlineValidator(validate)  # type: ignore[arg-type,assignment]
        self.counts = IngestCounts()
        self.max_inline_bytes = MAX_INLINE_BYTES  # inline attachments: the sync's attachment size limit
        # Called on this thread after each committed page with its stored resources (attachments start).
        self.after_commit: Callable[[list[dict]], None] | None = None

    def owner(self, resource: dict) -> str | None:
        return patient_id_of(resource)

    def _hidden_from_role(self, resource: object) -> bool:
        return (self.role is not None and isinstance(resource, dict)
                and resource.get("resourceType") in DOCUMENT_TYPES and not may_see(self.role, resource))

    def prepare(self, resources: Iterable[object], raw: bytes | None = None) -> PreparedPage:
        """Sort a page's resources (kept, refused, not ours) and start validating the kept ones.

        `raw`: the body the resources were parsed from, when `resources` is its `Page.entries` (validation
        workers then get these bytes). Reads nothing from the store, so it may run ahead of the commits
        (page N+1 while N is stored).
        """
        candidates: list[tuple[dict, str | None]] = []
        bad: list[tuple[object, str, str | None]] = []
        positions: list[int] = []
        for position, resource in enumerate(resources):
            if self._hidden_from_role(resource):
                continue
            if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str) \
                    or not isinstance(resource.get("id"), str):
                bad.append((resource, "not a FHIR resource with resourceType and id", None))
                continue
            rtype = resource["resourceType"]
            if rtype not in self.types and rtype not in SHARED_TYPES:
                continue  # a type this role does not sync (OperationOutcome, Practitioner ...)
            owner = self.owner(resource)
            if rtype not in SHARED_TYPES and (owner is None or owner not in self.authorised):
                # Never store anything of a patient outside the authorised set, whatever the server sent.
                self.counts.dropped_unauthorised += 1
                continue
            candidates.append((resource, owner))
            positions.append(position)
        page = PageBytes(raw, positions) if raw is not None else None
        pending = self.validator.submit([resource for resource, _owner in candidates], page)
        return PreparedPage(candidates, bad, pending)

    def ingest(self, resources: Iterable[object], cursors: Mapping[str, str | None] | None = None) -> int:
        """Validate and store a page; set (or, with None, delete) the given cursors in the same commit.

        Returns the number of resources accepted (valid, authorised, of a synced type).
        """
        return self.commit(self.prepare(resources), cursors)

    def commit(self, page: PreparedPage, cursors: Mapping[str, str | None] | None = None) -> int:
        """Wait for a prepared page's validation, then store it with its cursors in one transaction."""
        good: list[dict] = []
        bad = list(page.bad)
        for (resource, owner), error in zip(page.candidates, page.pending.result(), strict=True):
            if error is not None:
                bad.append((resource, error, owner))
            else:
                good.append(resource)
        with self.store.transaction():
            result = self.store.resources.put_many(self.server_id, good, max_inline_bytes=self.max_inline_bytes)
            for raw, error, owner in bad:
                payload = raw if isinstance(raw, dict) else repr(raw)[:10000]
                self.store.resources.quarantine(self.server_id, payload, error, patient_id=owner)
            for scope, value in (cursors or {}).items():
                if value is None:
                    self.store.cursors.delete(self.server_id, scope)
                else:
                    self.store.cursors.set(self.server_id, scope, value)
        self.counts.written += result.written
        self.counts.unchanged += result.unchanged
        self.counts.quarantined += len(bad)
        for resource in good:
            if resource["resourceType"] in ("DocumentReference", "DiagnosticReport"):
                self.counts.documents.add((resource["resourceType"], resource["id"]))
            if resource.get("status") in ("entered-in-error", "superseded"):
                self.counts.hidden += 1
        if bad:
            log.info("quarantined %d resources of a page", len(bad))
        if self.after_commit is not None:
            self.after_commit(good)
        return len(good)
