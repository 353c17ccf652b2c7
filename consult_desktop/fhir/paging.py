"""Bundle pages: what a search, ``$everything`` or history request returns, one page at a time.

:class:`Page` holds the resources of one Bundle page, the Bundle itself, the URL of the next page
(``Bundle.link`` with relation ``next``, made absolute) and ``Bundle.total`` when the server sent it.
:class:`HistoryPage` adds :class:`HistoryEntry` items: one per version, with the request method and
URL and a ``deleted`` marker (a DELETE entry has no resource).

``Page.raw`` is the body of the answer as received, when the page was read from a server: the sync hands
these bytes (not the parsed resources) to its validation processes.

The ``next_url`` of a page is a resumable cursor: the sync engine may store it with the page's data
and later continue with ``FhirClient.follow(next_url)``.

Pure parsing; safe on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from consult_desktop.fhir.errors import MalformedResponse
from consult_desktop.fhir.url_policy import safe_path


@dataclass(frozen=True, slots=True)
class Page:
    """One Bundle page. ``entries`` are the resources in order: search matches and includes, without
    the OperationOutcome entries a server may add as warnings (``search.mode`` = ``outcome``); ``raw`` the
    answer's bytes (None for a page not read from a server); ``page_entries(json.loads(raw))`` gives
    ``entries`` again, in the same order."""

    entries: tuple[dict[str, Any], ...]
    bundle: dict[str, Any] = field(repr=False)
    next_url: str | None
    total: int | None
    url: str
    raw: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def matches(self) -> tuple[dict[str, Any], ...]:
        """Resources that matched the search (entries with ``search.mode`` other than include/outcome)."""
        return tuple(
            entry["resource"]
            for entry in _entry_dicts(self.bundle)
            if isinstance(entry.get("resource"), dict) and _search_mode(entry) not in ("include", "outcome")
        )


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change from a history Bundle.

    ``method`` is the request method (``PUT``, ``POST``, ``DELETE``; None when absent), ``url`` the
    request URL; ``deleted`` is True for a deletion (then ``resource`` is None).
    """

    resource_type: str | None
    id: str | None
    method: str | None
    url: str | None
    deleted: bool
    resource: dict[str, Any] | None
    version_id: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class HistoryPage(Page):
    """A history Bundle page: ``changes`` in the server's order (newest first, per the spec)."""

    changes: tuple[HistoryEntry, ...] = ()


def parse_page(bundle: dict[str, Any], url: str, raw: bytes | None = None) -> Page:
    """A :class:`Page` from a Bundle fetched from ``url`` (``raw``: its bytes); MalformedResponse when it is
    no Bundle."""
    _require_bundle(bundle, url)
    return Page(
        entries=page_entries(bundle), bundle=bundle, next_url=next_link(bundle, url), total=_total(bundle),
        url=url, raw=raw,
    )


def page_entries(bundle: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """A Bundle's resources in order, without OperationOutcome warnings: `Page.entries`."""
    return tuple(
        entry["resource"]
        for entry in _entry_dicts(bundle)
        if isinstance(entry.get("resource"), dict) and _search_mode(entry) != "outcome"
    )


def parse_history_page(bundle: dict[str, Any], url: str, raw: bytes | None = None) -> HistoryPage:
    """A :class:`HistoryPage` from a history Bundle fetched from ``url``."""
    page = parse_page(bundle, url)
    changes = tuple(_history_entry(entry) for entry in _entry_dicts(bundle))
    return HistoryPage(
        entries=page.entries, bundle=bundle, next_url=page.next_url, total=page.total, url=url, raw=raw,
        changes=changes,
    )


def next_link(bundle: dict[str, Any], url: str) -> str | None:
    """The absolute URL of the ``next`` link, resolved against ``url`` when relative."""
    links = bundle.get("link")
    if not isinstance(links, list):
        return None
    for link in links:
        if isinstance(link, dict) and link.get("relation") == "next":
            target = link.get("url")
            if isinstance(target, str) and target.strip():
                return urljoin(url, target.strip())
    return None


def _history_entry(entry: dict[str, Any]) -> HistoryEntry:
    request = entry.get("request") if isinstance(entry.get("request"), dict) else {}
    response = entry.get("response") if isinstance(entry.get("response"), dict) else {}
    resource = entry.get("resource") if isinstance(entry.get("resource"), dict) else None
    method = request.get("method") if isinstance(request.get("method"), str) else None
    req_url = request.get("url") if isinstance(request.get("url"), str) else None
    status = response.get("status") if isinstance(response.get("status"), str) else ""
    deleted = (method or "").upper() == "DELETE" or (resource is None and status.startswith("410"))
    rtype, rid = _type_and_id(resource, req_url, entry.get("fullUrl"))
    meta = resource.get("meta") if resource and isinstance(resource.get("meta"), dict) else {}
    version = meta.get("versionId")
    last_modified = response.get("lastModified") or meta.get("lastUpdated")
    return HistoryEntry(
        resource_type=rtype,
        id=rid,
        method=method,
        url=req_url,
        deleted=deleted,
        resource=None if deleted else resource,
        version_id=version if isinstance(version, str) else None,
        last_modified=last_modified if isinstance(last_modified, str) else None,
    )


def _type_and_id(
    resource: dict[str, Any] | None, req_url: str | None, full_url: Any
) -> tuple[str | None, str | None]:
    if resource is not None:
        rtype, rid = resource.get("resourceType"), resource.get("id")
        if isinstance(rtype, str) and isinstance(rid, str):
            return rtype, rid
    for candidate in (req_url, full_url):
        if isinstance(candidate, str):
            parts = [p for p in candidate.split("?", 1)[0].split("/") if p]
            if "_history" in parts:
                parts = parts[: parts.index("_history")]
            if len(parts) >= 2:
                return parts[-2], parts[-1]
    return None, None


def _require_bundle(bundle: dict[str, Any], url: str) -> None:
    if bundle.get("resourceType") != "Bundle":
        raise MalformedResponse(
            f"The hospital server did not answer {safe_path(url)} with a Bundle.", path=safe_path(url)
        )
    entries = bundle.get("entry")
    if entries is not None and not isinstance(entries, list):
        raise MalformedResponse(
            f"The hospital server sent a damaged Bundle for {safe_path(url)}.", path=safe_path(url)
        )


def _search_mode(entry: dict[str, Any]) -> str | None:
    search = entry.get("search")
    mode = search.get("mode") if isinstance(search, dict) else None
    return mode if isinstance(mode, str) else None


def _entry_dicts(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    entries = bundle.get("entry")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _total(bundle: dict[str, Any]) -> int | None:
    total = bundle.get("total")
    return total if isinstance(total, int) and not isinstance(total, bool) and total >= 0 else None
