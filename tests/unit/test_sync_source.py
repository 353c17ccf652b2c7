"""The real FHIR client offers every call the sync makes through its `FhirSource` protocol, with the same
argument names (the sync passes some of them by keyword)."""

from __future__ import annotations

import inspect

from consult_desktop.fhir.client import FhirClient
from consult_desktop.sync.source import FhirSource


def test_fhir_client_provides_every_call_of_the_sync_protocol() -> None:
    members = [name for name in vars(FhirSource) if not name.startswith("_")]
    assert {"search", "everything", "history", "follow", "export_kickoff", "fetch_attachment"} <= set(members)
    for name in members:
        wanted = getattr(FhirSource, name)
        offered = getattr(FhirClient, name, None)
        assert offered is not None, name
        if isinstance(wanted, property):
            assert isinstance(offered, property), name
            continue
        accepted = inspect.signature(offered).parameters
        for param in inspect.signature(wanted).parameters.values():
            assert param.name in accepted, (name, param.name)
            if param.default is not inspect.Parameter.empty:
                assert accepted[param.name].default is not inspect.Parameter.empty, (name, param.name)
