"""FHIR read interactions of the demo server: read, vread, instance history, search, Binary and Group.

`FhirApi` methods run on the server's request threads; they read the hospital under its lock. The caller
(an authenticated practitioner) sees a patient's resources only while a therapeutic relationship is active:
read of another patient's resource is 403; a search naming one such patient explicitly is 403, while a
list of patients silently leaves the unauthorised ones out.
"""

from __future__ import annotations

import base64
import bisect
from collections.abc import Mapping
from dataclasses import dataclass

from consult_desktop.demo.fhir_elements import JSON, instant
from consult_desktop.demo.hospital import DemoHospital
from consult_desktop.demo.http_types import HttpError, Request, Response, bad_request, json_response, not_found
from consult_desktop.demo.resource_log import PATIENT_TYPES, SHARED_TYPES, Version
from consult_desktop.demo.search import (
    CURSOR_PARAM,
    CursorCodec,
    bundle,
    in_range,
    last_updated_filter,
    match_entry,
    page_url,
    parse_count,
    query_key,
    split_list,
    token_matches,
    token_params_for,
)

SEARCH_TYPES = (*PATIENT_TYPES, *SHARED_TYPES, "Group")
COMMON_PARAMS = {"_count", "_lastUpdated", "_id", "_summary", "_sort", "_format", "_include", "_total", "_elements",
                 "_pretty", CURSOR_PARAM}
PATIENT_PARAMS = {"patient", "subject"}
INCLUDES = {"MedicationRequest:medication", "MedicationStatement:medication"}
CAPABILITIES = ("export", "everything", "history", "patient_list_search", "type_search", "last_updated", "include",
                "vread")


@dataclass(slots=True)
class ApiSettings:
    capabilities: dict[str, bool]
    page_size: int = 50
    max_page_size: int = 500

    def on(self, name: str) -> bool:
        return self.capabilities.get(name, True)


def settings_from(capabilities: Mapping[str, bool] | None, page_size: int, max_page_size: int) -> ApiSettings:
    caps = {name: True for name in CAPABILITIES}
    for name, value in (capabilities or {}).items():
        if name not in caps:
            raise ValueError(f"unknown capability {name!r}; known: {', '.join(CAPABILITIES)}")
        caps[name] = bool(value)
    return ApiSettings(caps, page_size, max_page_size)


def strip_reference(value: str, rtype: str) -> str:
    return value.split("/", 1)[1] if value.startswith(f"{rtype}/") else value


class FhirApi:
    def __init__(self, hospital: DemoHospital, settings: ApiSettings, codec: CursorCodec) -> None:
        self.hospital = hospital
        self.settings = settings
        self.codec = codec

    # -- helpers ---------------------------------------------------------------------------------------------

    def authorised(self, request: Request) -> set[str]:
        return set(self.hospital.authorised_patient_ids(request.practitioner or ""))

    def check_visible(self, request: Request, version: Version) -> None:
        if version.patient is not None and not self.hospital.is_authorised(request.practitioner or "",
                                                                           version.patient):
            raise HttpError(403, "forbidden", "no active therapeutic relationship with this patient")

    @staticmethod
    def _headers(version: Version) -> dict[str, str]:
        return {"ETag": f'W/"{version.vid}"', "Last-Modified": _http_date(version.lu)}

    # -- read ------------------------------------------------------------------------------------------------

    def read(self, request: Request, rtype: str, rid: str) -> Response:
        if rtype == "Group":
            return json_response(200, self.group(request, rid))
        if rtype == "Binary":
            return self.binary(request, rid)
        with self.hospital.lock:
            version = self.hospital.log.current(rtype, rid)
            if version is None:
                raise not_found(f"{rtype}/{rid}")
            self.check_visible(request, version)
            if version.deleted:
                raise HttpError(410, "deleted", f"{rtype}/{rid} was deleted", self._headers(version))
            resource = self.hospital.materialize(version).resource
            return json_response(200, resource, headers=self._headers(version))

    def vread(self, request: Request, rtype: str, rid: str, vid: str) -> Response:
        if not self.settings.on("vread"):
            raise HttpError(404, "not-supported", "vread is not supported by this server")
        if not vid.isdigit():
            raise not_found(f"{rtype}/{rid}/_history/{vid}")
        with self.hospital.lock:
            version = self.hospital.log.version(rtype, rid, int(vid))
            if version is None:
                raise not_found(f"{rtype}/{rid}/_history/{vid}")
            self.check_visible(request, version)
            if version.deleted:
                raise HttpError(410, "deleted", f"version {vid} of {rtype}/{rid} is a deletion")
            return json_response(200, self.hospital.materialize(version).resource, headers=self._headers(version))

    def instance_history(self, request: Request, rtype: str, rid: str) -> Response:
        if not self.settings.on("history"):
            raise HttpError(404, "not-supported", "history is not supported by this server")
        with self.hospital.lock:
            current = self.hospital.log.current(rtype, rid)
            if current is None:
                raise not_found(f"{rtype}/{rid}")
            self.check_visible(request, current)
            versions = [self.hospital.log.version(rtype, rid, v) for v in range(current.vid, 0, -1)]
            entries = [history_entry(request.base_url, self.hospital.materialize(v)) for v in versions if v]
            url = f"{request.base_url}/{rtype}/{rid}/_history"
            return json_response(200, bundle("history", entries, self.hospital.stamp(), url, None, len(entries)),
                                 page=True)

    def group(self, request: Request, gid: str) -> JSON:
        owner = gid.removeprefix("grp-")
        if gid == owner or owner not in self.hospital.practitioner_ids():
            raise not_found(f"Group/{gid}")
        if owner != request.practitioner:
            raise HttpError(403, "forbidden", "a practitioner may only read their own patient group")
        return self.hospital.group(owner)

    def binary(self, request: Request, bid: str) -> Response:
        content = self.hospital.binary(bid)
        if content is None:
            raise not_found(f"Binary/{bid}")
        if not self.hospital.is_authorised(request.practitioner or "", content.patient):
            raise HttpError(403, "forbidden", "no active therapeutic relationship with this patient")
        headers = {"ETag": f'W/"{content.version}"', "Last-Modified": _http_date(content.last_updated)}
        accept = request.header("Accept").lower()
        if "application/fhir+json" in accept or "application/json" in accept or request.param("_format") == "json":
            source = self.hospital.attachment_source(bid)
            resource: JSON = {
                "resourceType": "Binary", "id": bid,
                "meta": {"versionId": str(content.version), "lastUpdated": instant(content.last_updated)},
                "contentType": content.content_type,
                "data": base64.b64encode(content.data).decode("ascii"),
            }
            if source and source.owner:
                resource["securityContext"] = {"reference": f"{source.owner[0]}/{source.owner[1]}"}
            return json_response(200, resource, headers=headers)
        content_type = content.content_type + ("; charset=utf-8" if content.content_type.startswith("text/") else "")
        return Response(200, content.data, content_type, headers)

    # -- search ----------------------------------------------------------------------------------------------

    def search(self, request: Request, rtype: str) -> Response:
        if rtype not in SEARCH_TYPES:
            raise not_found(f"Resource type {rtype}")
        query = request.query
        self._check_params(request, rtype)
        count = parse_count(request.param("_count"), self.settings.page_size, self.settings.max_page_size)
        if request.param("_summary") == "count":
            count = 0
        bounds = None
        if "_lastUpdated" in query:
            if not self.settings.on("last_updated"):
                raise bad_request("_lastUpdated is not supported by this server")
            bounds = last_updated_filter(query["_lastUpdated"])
        wanted_ids = set(split_list(query.get("_id"))) or None
        includes = set(split_list(query.get("_include")))
        if includes and (not self.settings.on("include") or not includes <= INCLUDES):
            raise bad_request(f"_include supports only {', '.join(sorted(INCLUDES))}")
        qkey = query_key(request.path, query, request.practitioner)
        cursor = request.param(CURSOR_PARAM)
        after = tuple(self.codec.decode(cursor, qkey)) if cursor else None
        with self.hospital.lock:
            snapshot = self.hospital.stamp()
            rows = self._rows(request, rtype)
            if wanted_ids is not None:
                rows = [row for row in rows if row[2] in wanted_ids]
            if bounds is not None:
                rows = [row for row in rows if in_range(row[0], bounds)]
            for name in token_params_for(rtype):
                if name in query:
                    log = self.hospital.log
                    rows = [row for row in rows
                            if token_matches(log.current(row[1], row[2]).resource or {}, name,  # type: ignore[union-attr]
                                             query[name])]
            start = bisect.bisect_right(rows, after) if after else 0  # type: ignore[arg-type]
            chunk = rows[start:start + count]
            entries = []
            for _, kind, rid in chunk:
                if kind == "Group":
                    entries.append(match_entry(request.base_url, self.hospital.group(rid.removeprefix("grp-"))))
                    continue
                version = self.hospital.materialize(self.hospital.log.current(kind, rid))  # type: ignore[arg-type]
                entries.append(match_entry(request.base_url, version.resource or {}))
            if includes:
                entries.extend(self._included(entries, request.base_url))
            next_url = None
            if count and start + count < len(rows):
                token = self.codec.encode(qkey, list(chunk[-1]))
                next_url = page_url(f"{request.base_url}/{rtype}", query, token)
            self_url = page_url(f"{request.base_url}/{rtype}", query, cursor)
            return json_response(200, bundle("searchset", entries, snapshot, self_url, next_url, len(rows)), page=True)

    def _check_params(self, request: Request, rtype: str) -> None:
        allowed = set(COMMON_PARAMS)
        if rtype == "Patient":
            allowed |= {"general-practitioner", "identifier"}
        elif rtype in PATIENT_TYPES and rtype != "Medication":
            allowed |= PATIENT_PARAMS
        allowed |= set(token_params_for(rtype))
        unknown = sorted(set(request.query) - allowed)
        if unknown and "handling=strict" in request.header("Prefer").replace(" ", ""):
            raise bad_request(f"unknown search parameter(s) for {rtype}: {', '.join(unknown)}")

    def _rows(self, request: Request, rtype: str) -> list[tuple[int, str, str]]:
        """(lastUpdated, type, id) of every visible candidate, ascending."""
        log, authorised = self.hospital.log, self.authorised(request)
        if rtype == "Group":
            group = self.hospital.group(request.practitioner or "")
            return [(_lu_of(group), "Group", group["id"])]
        if rtype in SHARED_TYPES:
            return [(lu, rtype, rid) for lu, rid, _ in log.sorted_of_type(rtype)]
        if rtype == "Patient":
            candidates = authorised
            gp = request.param("general-practitioner")
            if gp:
                target = f"Practitioner/{strip_reference(gp, 'Practitioner')}"
                candidates = {p for p in candidates if any(
                    g.get("reference") == target for g in (log.current("Patient", p).resource or {})  # type: ignore
                    .get("generalPractitioner", []))}
            identifier = request.param("identifier")
            if identifier:
                system, _, value = identifier.rpartition("|")
                candidates = {p for p in candidates if any(
                    i.get("value") == value and (not system or i.get("system") == system)
                    for i in (log.current("Patient", p).resource or {}).get("identifier", []))}  # type: ignore
            return sorted((log.current("Patient", p).lu, "Patient", p) for p in candidates)  # type: ignore
        patients = [strip_reference(p, "Patient") for p in split_list(
            request.query.get("patient", []) + request.query.get("subject", []))]
        if rtype == "Medication" or not patients:
            if rtype != "Medication" and not self.settings.on("type_search"):
                raise bad_request(f"searching {rtype} requires the patient parameter on this server")
            return [(lu, rtype, rid) for lu, rid, patient in log.sorted_of_type(rtype) if patient in authorised]
        if len(patients) > 1 and not self.settings.on("patient_list_search"):
            raise bad_request("the patient parameter accepts a single patient on this server")
        if len(patients) == 1 and patients[0] not in authorised and log.current("Patient", patients[0]):
            raise HttpError(403, "forbidden", "no active therapeutic relationship with this patient")
        rows = []
        for patient in dict.fromkeys(p for p in patients if p in authorised):
            for rid in log.ids_of_patient(patient, rtype):
                rows.append((log.current(rtype, rid).lu, rtype, rid))  # type: ignore[union-attr]
        rows.sort()
        return rows

    def _included(self, entries: list[JSON], base_url: str) -> list[JSON]:
        seen: set[str] = set()
        out = []
        for entry in entries:
            reference = entry["resource"].get("medicationReference", {}).get("reference", "")
            if reference.startswith("Medication/") and reference not in seen:
                seen.add(reference)
                version = self.hospital.log.current("Medication", reference.split("/", 1)[1])
                if version is not None and not version.deleted:
                    out.append(match_entry(base_url, version.resource or {}, "include"))
        return out


def history_entry(base_url: str, version: Version) -> JSON:
    entry: JSON = {"fullUrl": f"{base_url}/{version.rtype}/{version.rid}"}
    if version.resource is not None:
        entry["resource"] = version.resource
    url = version.rtype if version.method == "POST" else f"{version.rtype}/{version.rid}"
    entry["request"] = {"method": version.method, "url": url}
    status = {"POST": "201 Created", "PUT": "200 OK", "DELETE": "204 No Content"}[version.method]
    entry["response"] = {"status": status, "etag": f'W/"{version.vid}"', "lastModified": instant(version.lu)}
    return entry


def _lu_of(resource: JSON) -> int:
    from consult_desktop.demo.search import parse_instant

    return parse_instant(resource["meta"]["lastUpdated"])


def _http_date(ms: int) -> str:
    from email.utils import formatdate

    return formatdate(ms / 1000, usegmt=True)
