"""Hospital documents: letters and reports (DocumentReference, DiagnosticReport with presentedForm).

Plain frozen data; safe on any thread.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Attachment:
    """One rendition of a document: inline (base64 ``data``) or by ``url`` (fetch it with the client).

    ``size`` is the declared size in bytes, or the decoded size of inline data when undeclared.
    """

    content_type: str | None = None
    url: str | None = None
    data: str | None = None
    size: int | None = None
    title: str | None = None
    language: str | None = None

    @property
    def is_inline(self) -> bool:
        return self.data is not None

    def inline_bytes(self) -> bytes | None:
        """The decoded inline content, or None when there is none or it is not valid base64."""
        if self.data is None:
            return None
        try:
            return base64.b64decode(self.data, validate=False)
        except (binascii.Error, ValueError):
            return None


@dataclass(frozen=True, slots=True)
class Document:
    """A letter or report about a patient.

    ``resource_type`` is ``"DocumentReference"`` or ``"DiagnosticReport"``; ``type_code`` the LOINC
    document type (DocumentReference.type) or report code (DiagnosticReport.code) when coded in LOINC;
    ``type_codes`` every code of that element (for role filtering); ``category`` / ``category_codes``
    likewise for the category. ``status`` is the resource status; ``doc_status`` DocumentReference's
    docStatus (preliminary, final, amended ...). ``date`` is the FHIR dateTime as sent. ``author_refs`` are
    the (type, id) of authors sent without a display text; ``practice_setting`` the clinical service of a
    DocumentReference; ``conclusion`` and ``result_ids`` (its Observations) belong to a DiagnosticReport.
    """

    id: str
    resource_type: str
    patient_id: str | None = None
    type_code: str | None = None
    type_display: str | None = None
    type_codes: tuple[str, ...] = ()
    category: str | None = None
    category_display: str | None = None
    category_codes: tuple[str, ...] = ()
    date: str | None = None
    author: str | None = None
    encounter_id: str | None = None
    status: str | None = None
    doc_status: str | None = None
    description: str | None = None
    attachments: tuple[Attachment, ...] = ()
    author_refs: tuple[tuple[str, str], ...] = ()
    practice_setting: str | None = None
    conclusion: str | None = None
    result_ids: tuple[str, ...] = ()
    related_reports: tuple[str, ...] = ()  # DiagnosticReport ids this DocumentReference publishes (context.related)

    @property
    def title(self) -> str:
        """A human title: the description, else the type, else the first attachment title."""
        for candidate in (self.description, self.type_display):
            if candidate:
                return candidate
        for attachment in self.attachments:
            if attachment.title:
                return attachment.title
        return "Document"
