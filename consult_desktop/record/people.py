"""One person, one row: the patient list with the rows of several hospital servers merged by SSIN.

A person known to several servers is matched by SSIN only (never by name); rows without an SSIN stay apart.
The merged row is the one of the server added first, with the hospitals' names (when the profile has more
than one server), every (server, patient) key,
the new items of all of them and the latest discharge. Plain Python, no Qt: call on the thread that opened
the store.
"""

from __future__ import annotations

from dataclasses import replace

from consult_desktop.store import PatientSummary, Store


def person_summaries(store: Store) -> list[PatientSummary]:
    """The patient list, one row per person, in the store's order (family, given)."""
    servers = store.servers.rows()
    names = {s.id: s.name for s in servers}
    order = {s.id: n for n, s in enumerate(servers)}
    several = len(servers) > 1  # with one server, naming it on every row says nothing
    groups: dict[str, list[PatientSummary]] = {}
    keys: list[str] = []
    for row in store.patient_summaries():
        key = f"ssin:{row.ssin}" if row.ssin else f"row:{row.server_id}/{row.id}"
        if key not in groups:
            groups[key] = []
            keys.append(key)
        groups[key].append(row)
    out = []
    for key in keys:
        rows = sorted(groups[key], key=lambda r: (order.get(r.server_id, len(order)), r.server_id, r.id))
        first = rows[0]
        discharges = [r.last_discharge for r in rows if r.last_discharge]
        out.append(replace(
            first,
            new_items=sum(r.new_items for r in rows),
            last_discharge=max(discharges) if discharges else None,
            hospitals=tuple(dict.fromkeys(names.get(r.server_id, r.server_id) for r in rows)) if several else (),
            keys=tuple((r.server_id, r.id) for r in rows),
        ))
    return out


def person_keys(store: Store, server_id: str, patient_id: str) -> list[tuple[str, str]]:
    """Every (server_id, patient_id) of this row's person, this one first."""
    return store.person_keys(server_id, patient_id)


def owner_of(store: Store, server_id: str, patient_id: str, resource_type: str, resource_id: str,
             held_by: str | None = None) -> tuple[str, str]:
    """The (server_id, patient_id) among the person's keys that holds this resource of this person (the row's
    own key when none does, so that a missing document stays missing). `held_by`: the server the resource
    comes from, when known (two hospitals may give the same person's documents the same id)."""
    for sid, pid in person_keys(store, server_id, patient_id):
        if held_by is not None and sid != held_by:
            continue
        # Ids are the server's own: another server may use the same id for another patient's resource.
        if resource_id in store.resources.ids(sid, resource_type, pid):
            return sid, pid
    if held_by is not None and held_by != server_id:
        keys = [key for key in person_keys(store, server_id, patient_id) if key[0] == held_by]
        return keys[0] if keys else (held_by, patient_id)
    return server_id, patient_id
