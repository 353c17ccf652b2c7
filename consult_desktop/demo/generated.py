"""What the demo generator produces for one patient: the resources with their lastUpdated, the attachment
sources, the GP relationships and the shared resources the record points to. Plain data; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consult_desktop.demo.documents import AttachmentSource
from consult_desktop.demo.fhir_elements import JSON


@dataclass(frozen=True, slots=True)
class TherapeuticRelationship:
    """A GP's therapeutic relationship with a patient; the server authorises only active ones."""

    patient: str
    practitioner: str
    start_ms: int
    end_ms: int | None = None

    def active_at(self, ms: int) -> bool:
        return self.start_ms <= ms and (self.end_ms is None or self.end_ms > ms)


@dataclass(slots=True)
class GeneratedPatient:
    pid: str
    items: list[tuple[JSON, int]] = field(default_factory=list)  # (resource without meta, lastUpdated ms)
    attachments: list[AttachmentSource] = field(default_factory=list)
    relationships: list[TherapeuticRelationship] = field(default_factory=list)
    shared_refs: set[tuple[str, str]] = field(default_factory=set)
