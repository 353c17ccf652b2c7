"""`SyncOptions`: how one server is synced (strategy, authorised set, page sizes, attachment limits).

Stored as JSON in the profile's settings per server. Plain frozen data; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SyncOptions:
    strategy: str = "auto"  # auto | export | type-search | patient-search | everything
    group_id: str | None = None  # authorised set from Group/{id} (and Bulk export from it)
    general_practitioner: str | None = None  # authorised set = Patient?general-practitioner=...
    page_size: int = 200
    chunk_size: int = 50  # patients per `patient=a,b,c` search
    max_attachment_bytes: int = 25 * 1024 * 1024
    attachment_workers: int = 4
    # Without history support, deletions are found by comparing ids; that costs a listing per type.
    reconcile_ids: bool = True

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict | None) -> SyncOptions:
        known = {k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)
