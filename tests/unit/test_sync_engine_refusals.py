"""A patient whose data the server refuses (403/404/410) left the authorised set: purged at once, and the
sync goes on for the others. Uses a scripted client; the HTTP paths are covered by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

from consult_desktop.domain.roles import GP_PROFILE
from consult_desktop.fhir.capabilities import ServerCapabilities
from consult_desktop.fhir.errors import Forbidden
from consult_desktop.store import Profile
from consult_desktop.sync.engine import SyncEngine, SyncOptions
from consult_desktop.sync.progress import SyncStatus


def page(resources: list[dict]) -> SimpleNamespace:
    return SimpleNamespace(entries=tuple(resources), matches=tuple(resources), next_url=None, changes=())


class ScriptedClient:
    """$everything for p1 works; for p2 the server answers 403 (relationship ended meanwhile)."""

    request_count = 0

    def __init__(self) -> None:
        types = frozenset(GP_PROFILE.resource_types)
        # $everything only: no type-level search (so no id listing), no history.
        self.caps = ServerCapabilities(resource_types=types, operations={"Patient": frozenset({"everything"})},
                                       interactions={t: frozenset({"read"}) for t in types})

    def capabilities(self) -> ServerCapabilities:
        return self.caps

    def search(self, rtype: str, params: dict) -> Iterator[SimpleNamespace]:
        if rtype == "Patient":
            yield page([{"resourceType": "Patient", "id": p} for p in ("p1", "p2")])

    def everything(self, pid: str, since: str | None = None, count: int | None = None) -> Iterator[SimpleNamespace]:
        if pid == "p2":
            raise Forbidden("refused", status=403, path="/fhir/Patient/p2/$everything")
        yield page([{"resourceType": "Condition", "id": f"c-{pid}", "subject": {"reference": f"Patient/{pid}"}}])

    def follow(self, url: str) -> Iterator[SimpleNamespace]:
        return iter(())

    def history(self, rtype: str | None, since: str | None = None) -> Iterator[SimpleNamespace]:
        return iter(())


def test_refused_patient_is_purged_and_others_synced(tmp_path: Path) -> None:
    with Profile.resolve(tmp_path / "p").create("refusal passphrase") as store:
        # p2 had data from an earlier sync.
        old = {"resourceType": "Condition", "id": "old", "subject": {"reference": "Patient/p2"}}
        store.resources.put_many("h", [{"resourceType": "Patient", "id": "p2"}, old])
        engine = SyncEngine(store, ScriptedClient(), "h", GP_PROFILE, SyncOptions(strategy="everything"),
                            validate=lambda r: None)
        report = engine.run()
        assert report.status == SyncStatus.OK, report
        assert report.patients_purged == 1
        assert store.resources.patient_ids("h") == {"p1"}
        assert store.resources.get("h", "Condition", "c-p1") is not None
        assert [e.action for e in store.audit.entries() if e.patient_id == "p2"] == ["patient-purged"]
