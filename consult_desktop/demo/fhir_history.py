"""History (`_history` at system and type level) and `Patient/$everything` of the demo server.

Runs on the server's request threads, reading the hospital under its lock. History pages run newest first
(as the FHIR specification orders them) within a window fixed by the first page, so later changes never
shift the pages of a client that is still paging; it picks them up next time with `_since`.
"""

from __future__ import annotations

import bisect

from consult_desktop.demo.fhir_api import SEARCH_TYPES, FhirApi, history_entry, strip_reference
from consult_desktop.demo.http_types import HttpError, Request, Response, json_response, not_found
from consult_desktop.demo.resource_log import PATIENT_TYPES, SHARED_TYPES
from consult_desktop.demo.search import (
    CURSOR_PARAM,
    bundle,
    match_entry,
    page_url,
    parse_count,
    parse_instant,
    query_key,
    split_list,
)


class FhirHistory:
    def __init__(self, api: FhirApi) -> None:
        self.api = api
        self.hospital = api.hospital

    def history(self, request: Request, rtype: str | None) -> Response:
        if not self.api.settings.on("history"):
            raise HttpError(404, "not-supported", "history is not supported by this server")
        if rtype is not None and rtype not in SEARCH_TYPES:
            raise not_found(f"Resource type {rtype}")
        since_text = request.param("_since")
        since = parse_instant(since_text) if since_text else None
        count = parse_count(request.param("_count"), self.api.settings.page_size, self.api.settings.max_page_size)
        qkey = query_key(request.path, request.query, request.practitioner)
        cursor = request.param(CURSOR_PARAM)
        state = self.api.codec.decode(cursor, qkey) if cursor else None
        with self.hospital.lock:
            until = int(state[0]) if state else self.hospital.stamp()  # type: ignore[arg-type]
            authorised = self.api.authorised(request)
            versions = [
                v for v in self.hospital.log.log_slice(since, until)
                if (rtype is None or v.rtype == rtype)
                and ((v.patient is None and v.rtype in SHARED_TYPES) or v.patient in authorised)
            ]
            keys = [(v.lu, v.rtype, v.rid, v.vid) for v in versions]
            end = bisect.bisect_left(keys, tuple(state[1])) if state else len(keys)  # type: ignore[arg-type]
            chunk = versions[max(0, end - count):end][::-1] if count else []
            entries = [history_entry(request.base_url, self.hospital.materialize(v)) for v in chunk]
            path = f"{request.base_url}/{rtype}/_history" if rtype else f"{request.base_url}/_history"
            next_url = None
            if chunk and end - count > 0:
                last = chunk[-1]
                token = self.api.codec.encode(qkey, [until, [last.lu, last.rtype, last.rid, last.vid]])
                next_url = page_url(path, request.query, token)
            body = bundle("history", entries, until, page_url(path, request.query, cursor), next_url, len(versions))
            return json_response(200, body, page=True)

    def everything(self, request: Request, pid: str) -> Response:
        if not self.api.settings.on("everything"):
            raise HttpError(404, "not-supported", "Patient/$everything is not supported by this server")
        since_text = request.param("_since")
        since = parse_instant(since_text) if since_text else None
        types = set(split_list(request.query.get("_type")))
        unknown = types - set(PATIENT_TYPES) - set(SHARED_TYPES)
        if unknown:
            raise HttpError(400, "invalid", f"_type: unknown resource type(s) {', '.join(sorted(unknown))}")
        count = parse_count(request.param("_count"), self.api.settings.page_size, self.api.settings.max_page_size)
        qkey = query_key(request.path, request.query, request.practitioner)
        cursor = request.param(CURSOR_PARAM)
        after = tuple(self.api.codec.decode(cursor, qkey)) if cursor else None
        pid = strip_reference(pid, "Patient")
        with self.hospital.lock:
            log = self.hospital.log
            patient = log.current("Patient", pid)
            if patient is None:
                raise not_found(f"Patient/{pid}")
            self.api.check_visible(request, patient)
            if patient.deleted:
                raise HttpError(410, "deleted", f"Patient/{pid} was deleted")
            snapshot = self.hospital.stamp()
            rows: list[tuple[int, str, str]] = []
            for kind, ids in log.types_of_patient(pid):
                if not types or kind in types:
                    rows.extend((log.current(kind, rid).lu, kind, rid) for rid in ids)  # type: ignore[union-attr]
            for kind, rid in self.hospital.shared_references(pid):
                version = log.current(kind, rid)
                if version is not None and not version.deleted and (not types or kind in types):
                    rows.append((version.lu, kind, rid))
            if since is not None:
                rows = [row for row in rows if row[0] >= since]
            rows.sort()
            start = bisect.bisect_right(rows, after) if after else 0  # type: ignore[arg-type]
            chunk = rows[start:start + count]
            entries = [match_entry(request.base_url, self.hospital.materialize(log.current(kind, rid)).resource or {})
                       for _, kind, rid in chunk]  # type: ignore[arg-type]
            path = f"{request.base_url}/Patient/{pid}/$everything"
            next_url = None
            if count and start + count < len(rows):
                next_url = page_url(path, request.query, self.api.codec.encode(qkey, list(chunk[-1])))
            body = bundle("searchset", entries, snapshot, page_url(path, request.query, cursor), next_url, len(rows))
            return json_response(200, body, page=True)
