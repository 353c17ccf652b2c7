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


def without_inline_data(resource: dict) -> dict:
    """A copy of a document resource whose attachments no longer carry `data` (stored once, as a BLOB);
    `size` is kept (computed from the base64 text when the server did not send it). Others unchanged."""
    attachments = raw_attachments(resource)
    if not any(isinstance(a, dict) and "data" in a for a in attachments):
        return resource

    def strip(att: Any) -> Any:
        if not isinstance(att, dict) or "data" not in att:
            return att
        kept = {k: v for k, v in att.items() if k != "data"}
        data = att.get("data")
        if "size" not in kept and isinstance(data, str):
            kept["size"] = len(data) * 3 // 4 - data[-2:].count("=")
        return kept

    if resource.get("resourceType") == "DocumentReference":
        content = [{**c, "attachment": strip(c.get("attachment"))} if isinstance(c, dict) else c
                   for c in resource.get("content") or []]
        return {**resource, "content": content}
    return {**resource, "presentedForm": [strip(a) for a in resource.get("presentedForm") or []]}
