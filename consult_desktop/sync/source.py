"""`FhirSource`: what the sync needs from a FHIR server, as a typing Protocol.

`consult_desktop.fhir.client.FhirClient` is the real one; tests may pass a scripted object with the same
methods. Only the calls the sync makes are listed, with the arguments it passes. Any thread (it only
describes types).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from consult_desktop.fhir.bulk_export import ExportStatus
    from consult_desktop.fhir.capabilities import ServerCapabilities
    from consult_desktop.fhir.paging import HistoryPage, Page


class FhirSource(Protocol):
    @property
    def request_count(self) -> int: ...  # requests made so far

    def capabilities(self) -> ServerCapabilities: ...

    def read(self, resource_type: str, resource_id: str) -> dict[str, Any]: ...

    def search(self, resource_type: str, params: Mapping[str, str]) -> Iterator[Page]: ...

    def follow(self, url: str) -> Iterator[Page]: ...

    def everything(self, patient_id: str, since: str | None = None, count: int | None = None) -> Iterator[Page]: ...

    def history(self, resource_type: str | None, since: str | None = None) -> Iterator[HistoryPage]: ...

    def export_kickoff(self, group_id: str | None = None, since: str | None = None,
                       types: Sequence[str] = ()) -> str: ...

    def export_poll(self, status_url: str) -> ExportStatus: ...

    def export_download(self, url: str) -> Iterator[dict[str, Any]]: ...

    def export_cancel(self, status_url: str) -> None: ...

    def fetch_attachment(self, url_or_ref: str, max_bytes: int) -> tuple[str | None, bytes]: ...

    def update(self, resource: dict[str, Any], cancel: Any = None) -> int: ...  # PUT with a client id
