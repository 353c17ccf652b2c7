"""FHIR Bulk Data export of the demo server: `Group/{id}/$export` and `Patient/$export`, async status, files.

Runs on the server's request threads. The kick-off takes a snapshot of the matching resource versions
(resource dicts never change once stored), the status endpoint answers 202 with Retry-After and X-Progress
until `delay` seconds have passed, then 200 with the manifest; ndjson files are serialised on download and
require the same practitioner's token. Deletions since `_since` are listed in the manifest's `deleted`
array as transaction Bundles of DELETE requests (Bulk Data Access 2.0).
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from dataclasses import dataclass, field

from consult_desktop.demo.fhir_api import FhirApi
from consult_desktop.demo.fhir_elements import instant
from consult_desktop.demo.http_types import (
    NDJSON,
    PLAIN_JSON,
    HttpError,
    Request,
    Response,
    bad_request,
    json_response,
    not_found,
)
from consult_desktop.demo.resource_log import PATIENT_TYPES, Version
from consult_desktop.demo.search import parse_instant, split_list

OUTPUT_FORMATS = ("application/fhir+ndjson", "application/ndjson", "ndjson")
UNSUPPORTED = ("_typeFilter", "_elements", "includeAssociatedData", "patient", "_until")
JOB_LIFETIME = 3600.0  # seconds an export's files stay available


@dataclass(slots=True)
class ExportJob:
    job_id: str
    practitioner: str
    request_url: str
    transaction_time: int
    ready_at: float
    requires_token: bool
    files: dict[str, list[Version]] = field(default_factory=dict)  # file name -> versions
    deleted: list[Version] = field(default_factory=list)
    created: float = field(default_factory=time.monotonic)


class BulkExport:
    def __init__(self, api: FhirApi, delay: float, lines_per_file: int, requires_token: bool) -> None:
        self.api = api
        self.hospital = api.hospital
        self.delay = delay
        self.lines_per_file = lines_per_file
        self.requires_token = requires_token
        self._jobs: dict[str, ExportJob] = {}
        self._lock = threading.Lock()

    def kick_off(self, request: Request, group_id: str | None) -> Response:
        if not self.api.settings.on("export"):
            raise HttpError(404, "not-supported", "$export is not supported by this server")
        if "respond-async" not in request.header("Prefer"):
            raise bad_request("$export requires the header 'Prefer: respond-async'")
        output_format = (request.param("_outputFormat") or "").replace(" ", "+")  # an unencoded "+" reads as " "
        if output_format and output_format not in OUTPUT_FORMATS:
            raise bad_request(f"_outputFormat {output_format} is not supported")
        for name in UNSUPPORTED:
            if name in request.query:
                raise bad_request(f"the parameter {name} is not supported")
        types = split_list(request.query.get("_type")) or list(PATIENT_TYPES)
        unknown = set(types) - set(PATIENT_TYPES)
        if unknown:
            raise bad_request(f"_type: unsupported resource type(s) {', '.join(sorted(unknown))}")
        since_text = request.param("_since")
        since = parse_instant(since_text) if since_text else None
        if group_id is not None:
            self.api.group(request, group_id)  # 404 unknown, 403 someone else's group
        with self.hospital.lock:
            transaction_time = self.hospital.stamp()
            members = self.api.authorised(request)
            job = ExportJob(secrets.token_hex(8), request.practitioner or "", _full_url(request), transaction_time,
                            time.monotonic() + self.delay, self.requires_token)
            log = self.hospital.log
            for rtype in types:
                versions = [log.current(rtype, rid) for patient in sorted(members)
                            for rid in sorted(log.ids_of_patient(patient, rtype))]
                picked = [v for v in versions if v is not None and (since is None or v.lu >= since)]
                for n, start in enumerate(range(0, len(picked), self.lines_per_file), start=1):
                    job.files[f"{rtype}-{n}.ndjson"] = picked[start:start + self.lines_per_file]
            if since is not None:
                job.deleted = [v for v in log.log_slice(since, transaction_time)
                               if v.deleted and v.patient in members and v.rtype in types]
        with self._lock:
            horizon = time.monotonic() - JOB_LIFETIME
            self._jobs = {k: v for k, v in self._jobs.items() if v.created > horizon}
            self._jobs[job.job_id] = job
        status_url = f"{request.base_url}/bulkstatus/{job.job_id}"
        return Response(202, b"", PLAIN_JSON, {"Content-Location": status_url})

    def _job(self, request: Request, job_id: str) -> ExportJob:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise not_found(f"export job {job_id}")
        if job.practitioner != request.practitioner:
            raise HttpError(403, "forbidden", "this export belongs to another user")
        return job

    def status(self, request: Request, job_id: str) -> Response:
        job = self._job(request, job_id)
        remaining = job.ready_at - time.monotonic()
        if remaining > 0:
            progress = int(100 * (1 - remaining / max(self.delay, 1e-6)))
            return Response(202, b"", PLAIN_JSON, {"Retry-After": "1", "X-Progress": f"{progress}% done"})
        files_url = f"{request.base_url}/bulkfiles/{job.job_id}"
        manifest = {
            "transactionTime": instant(job.transaction_time),
            "request": job.request_url,
            "requiresAccessToken": job.requires_token,
            "output": [{"type": name.split("-")[0], "url": f"{files_url}/{name}", "count": len(versions)}
                       for name, versions in job.files.items() if versions],
            "deleted": [{"type": "Bundle", "url": f"{files_url}/deleted.ndjson"}] if job.deleted else [],
            "error": [],
        }
        return json_response(200, manifest, PLAIN_JSON)

    def cancel(self, request: Request, job_id: str) -> Response:
        self._job(request, job_id)
        with self._lock:
            self._jobs.pop(job_id, None)
        return Response(202, b"", PLAIN_JSON)

    def file(self, request: Request, job_id: str, name: str) -> Response:
        job = self._job(request, job_id)
        if time.monotonic() < job.ready_at:
            raise not_found(f"file {name} (export still running)")
        if name == "deleted.ndjson" and job.deleted:
            entries = [{"request": {"method": "DELETE", "url": f"{v.rtype}/{v.rid}"}} for v in job.deleted]
            line = {"resourceType": "Bundle", "type": "transaction", "entry": entries}
            return Response(200, json.dumps(line, separators=(",", ":")).encode() + b"\n", NDJSON)
        versions = job.files.get(name)
        if versions is None:
            raise not_found(f"file {name}")
        with self.hospital.lock:
            resources = [self.hospital.materialize(v).resource for v in versions]
        lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in resources]
        return Response(200, ("\n".join(lines) + "\n").encode("utf-8"), NDJSON)


def _full_url(request: Request) -> str:
    from urllib.parse import urlencode

    query = urlencode([(k, v) for k, values in request.query.items() for v in values])
    return f"{request.root_url}{request.path}" + (f"?{query}" if query else "")
