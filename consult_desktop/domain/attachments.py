"""The attachments of a document resource, in the order the store numbers them (`attachments.idx`).

One definition for the sync (which stores attachment N), the full-text index and the viewer (which reads
attachment N back), so the numbering can never disagree. Pure function on raw JSON; any thread.
"""

from __future__ import annotations

from typing import Any


def raw_attachments(resource: dict) -> list[Any]:
    """DocumentReference.content[].attachment, or DiagnosticReport.presentedForm[], as found (unchecked)."""
    if resource.get("resourceType") == "DocumentReference":
        return [c.get("attachment") for c in resource.get("content") or [] if isinstance(c, dict)]
    forms = resource.get("presentedForm")
    return list(forms) if isinstance(forms, list) else []
