"""What the document viewer needs to show one document, read from the store on the database lane.

`load_document_content(store, ...)` runs on the database thread (the action `actions.open_document` writes
the "open-document" audit entry and calls it): it reads the resource and the one attachment worth showing
(PDF first, then HTML, text, image), decodes text and sanitises HTML there, and returns a plain
`DocumentContent`. Nothing here imports Qt; the viewer turns the bytes into pages or images on the GUI
thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from consult_desktop.domain.attachments import raw_attachments
from consult_desktop.domain.document import Attachment, Document
from consult_desktop.fhir import mapping
from consult_desktop.record.html_sanitize import decode_text, sanitize_html
from consult_desktop.store import Store, derived

AUDIT_OPEN_DOCUMENT = "open-document"


class ContentKind(Enum):
    PDF = "pdf"
    HTML = "html"
    TEXT = "text"
    IMAGE = "image"
    NOT_DOWNLOADED = "not-downloaded"  # known by URL only: the sync has not fetched it (yet)
    FETCH_FAILED = "fetch-failed"  # the sync tried and failed; `error` says why
    UNSUPPORTED = "unsupported"  # bytes of a type the viewer cannot show
    NO_CONTENT = "no-content"  # neither an attachment nor any text
    MISSING = "missing"  # the resource is no longer stored (purged, deleted)


@dataclass(frozen=True)
class DocumentContent:
    resource_type: str
    resource_id: str
    title: str = ""
    date: str | None = None
    kind: ContentKind = ContentKind.NO_CONTENT
    content_type: str | None = None
    data: bytes | None = None  # PDF and image bytes
    text: str | None = None  # decoded plain text, or HTML already sanitised
    error: str | None = None
    index_pdf_text: bool = False  # the PDF's text layer is not in the search index yet
    server_id: str = ""  # the hospital server that holds it

    @property
    def key(self) -> tuple[str, str, str]:
        """(server_id, resource type, id): ids are each hospital's own, two may use the same one."""
        return self.server_id, self.resource_type, self.resource_id


def kind_of(content_type: str | None, data: bytes | None = None) -> ContentKind:
    """The viewer page for a MIME type; the bytes win when they are recognisably a PDF."""
    if data is not None and data[:5] == b"%PDF-":
        return ContentKind.PDF
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype == "application/pdf":
        return ContentKind.PDF
    if ctype in ("text/html", "application/xhtml+xml"):
        return ContentKind.HTML
    if ctype.startswith("text/") or ctype in ("application/json", "application/xml"):
        return ContentKind.TEXT
    if ctype.startswith("image/"):
        return ContentKind.IMAGE
    return ContentKind.UNSUPPORTED


_PREFERENCE = {ContentKind.PDF: 0, ContentKind.HTML: 1, ContentKind.TEXT: 2, ContentKind.IMAGE: 3}


def preferred_attachment(document: Document) -> int | None:
    """Index of the rendition to show: PDF over HTML over text over images; None without attachments."""
    if not document.attachments:
        return None
    ranked = sorted(
        range(len(document.attachments)),
        key=lambda i: (_PREFERENCE.get(kind_of(document.attachments[i].content_type), 9), i),
    )
    return ranked[0]


def stored_index(resource: dict, attachment: Attachment) -> int:
    """Position of `attachment` among the resource's raw attachments, as the sync numbers them when storing."""
    for index, item in enumerate(raw_attachments(resource)):
        if isinstance(item, dict) and (item.get("contentType"), item.get("url"), item.get("data")) == (
                attachment.content_type, attachment.url, attachment.data):
            return index
    return 0


def load_document_content(
    store: Store, server_id: str, patient_id: str, resource_type: str, resource_id: str,
) -> DocumentContent:
    """Database lane: read what to show (`actions.open_document` also logs the opening). Never raises for
    missing content."""
    resource = store.resources.get(server_id, resource_type, resource_id)
    if resource is None:
        return DocumentContent(resource_type, resource_id, kind=ContentKind.MISSING, server_id=server_id)
    document = mapping.map_document(resource)
    base = DocumentContent(resource_type, resource_id, title=document.title, date=document.date,
                           server_id=server_id)
    index = preferred_attachment(document)
    if index is None:
        return _text_only(base, document)

    declared = document.attachments[index]
    stored = store.resources.get_attachment(server_id, resource_type, resource_id, stored_index(resource, declared))
    content_type = (stored.content_type if stored is not None else None) or declared.content_type
    data = stored.data if stored is not None and stored.data else declared.inline_bytes()
    if not data:
        if stored is not None and stored.error:
            return replace(base, kind=ContentKind.FETCH_FAILED, content_type=content_type, error=stored.error)
        if declared.url:
            return replace(base, kind=ContentKind.NOT_DOWNLOADED, content_type=content_type)
        return _text_only(base, document)

    kind = kind_of(content_type, data)
    if kind is ContentKind.PDF:
        return replace(base, kind=kind, content_type=content_type, data=data,
                        index_pdf_text=not has_extracted_text(store, server_id, resource_type, resource_id))
    if kind is ContentKind.HTML:
        return replace(base, kind=kind, content_type=content_type, text=sanitize_html(decode_text(data, content_type)))
    if kind is ContentKind.TEXT:
        return replace(base, kind=kind, content_type=content_type, text=decode_text(data, content_type))
    if kind is ContentKind.IMAGE:
        return replace(base, kind=kind, content_type=content_type, data=data)
    return replace(base, kind=ContentKind.UNSUPPORTED, content_type=content_type)


def _text_only(base: DocumentContent, document: Document) -> DocumentContent:
    """A report without any rendition: show its conclusion or description as text when there is one."""
    parts = [document.title]
    if document.conclusion:
        parts.append(document.conclusion)
    elif document.description and document.description != document.title:
        parts.append(document.description)
    if len(parts) == 1:
        return replace(base, kind=ContentKind.NO_CONTENT)
    return replace(base, kind=ContentKind.TEXT, content_type="text/plain", text="\n\n".join(parts))


def has_extracted_text(store: Store, server_id: str, resource_type: str, resource_id: str) -> bool:
    """True when the document's search entry already holds more than the resource's own text.

    The store offers no direct question for this; the search entry is compared with what the resource
    alone would give (title and inline text), so a PDF's text layer is added only once.
    """
    indexed = store.resources.indexed_document_body(server_id, resource_type, resource_id)
    if indexed is None:
        return False
    resource = store.resources.get(server_id, resource_type, resource_id)
    own = derived.document_text(resource) if resource is not None else None
    own_body = own[1] if own is not None else ""
    return len(indexed) > len(own_body)
