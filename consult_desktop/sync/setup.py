"""Wiring a sync: the configured servers, their secrets in the encrypted profile, the clients, the engines.

`run_sync(profile, data_key, ...)` is the one call the desktop and the command line make. It syncs every
configured server (or one), at most MAX_PARALLEL_SERVERS at a time: each server's sync runs on a pool thread
with its own Store connection (SQLite connections belong to their thread; SQLCipher serialises the commits of
two connections on the write lock, waited for through a long busy timeout), its own client and engine, then
delivers that server's pending access reports. It never raises for offline, refused sign-in or partial
results: the combined SyncReport says what happened, per server. Blocking; call it from a worker thread in
the UI. The server list itself (add, replace, remove) is in `server_settings`.
"""

from __future__ import annotations

import json
import logging
import threading
import webbrowser
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from consult_desktop.domain.roles import profile_for
from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.errors import FhirError
from consult_desktop.fhir.server_config import ServerConfig
from consult_desktop.store import Profile, Store, StoreError
from consult_desktop.sync.audit_delivery import deliver_access_reports
from consult_desktop.sync.engine import SyncEngine, SyncOptions
from consult_desktop.sync.metadata_prefetch import MetadataPrefetch
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncReport, SyncStatus, combine_reports
from consult_desktop.sync.server_settings import (
    OPTIONS_KEY,
    add_server,
    configured_server,
    configured_servers,
    remove_server,
    save_server,
    secret_key,
    server_id_for,
    server_list,
)

__all__ = ["OPTIONS_KEY", "StoreTokenStore", "add_server", "build_client", "configured_server",
           "configured_servers", "remove_server", "run_sync", "save_server", "server_id_for", "server_list",
           "sign_in"]

log = logging.getLogger(__name__)
# Servers synced at the same time. Each has its own database connection; SQLite serialises their commits
# (one page each), so a second writer waits on the busy timeout below rather than failing.
MAX_PARALLEL_SERVERS = 2
SYNC_BUSY_TIMEOUT_MS = 60_000


class StoreTokenStore:
    """OAuth tokens kept in the encrypted profile.

    The client may renew a token on any of its threads; a save from a thread that does not own the
    Store's connection is held in memory and written by `flush()` on the owning thread.
    """

    def __init__(self, store: Store, server_id: str) -> None:
        self._store = store
        self._key = secret_key(server_id, "oauth_tokens")
        self._owner = threading.get_ident()
        self._lock = threading.Lock()
        raw = store.secrets.get(self._key)
        self._tokens: dict[str, Any] | None = json.loads(raw) if raw else None
        self._dirty = False

    def load(self) -> dict[str, Any] | None:
        with self._lock:
            return dict(self._tokens) if self._tokens else None

    def save(self, tokens: dict[str, Any]) -> None:
        with self._lock:
            self._tokens = dict(tokens)
            self._dirty = True
        if threading.get_ident() == self._owner:
            self.flush()

    def clear(self) -> None:
        with self._lock:
            self._tokens = None
            self._dirty = True
        if threading.get_ident() == self._owner:
            self.flush()

    def flush(self) -> None:
        with self._lock:
            if not self._dirty:
                return
            tokens, self._dirty = self._tokens, False
        if tokens is None:
            self._store.secrets.delete(self._key)
        else:
            self._store.secrets.set(self._key, json.dumps(tokens).encode("utf-8"))


def build_client(store: Store, server_id: str, config: ServerConfig,
                 browser: Callable[[str], Any] = webbrowser.open) -> tuple[FhirClient, StoreTokenStore]:
    tokens = StoreTokenStore(store, server_id)
    auth = make_auth(config, token_store=tokens, browser=browser)
    return FhirClient(config, auth), tokens


def sign_in(profile: Profile, data_key: bytes, open_browser: Callable[[str], Any] = webbrowser.open,
            cancel: CancelToken | None = None, server_id: str | None = None) -> None:
    """SMART sign-in through the system browser; the refresh tokens land in the encrypted profile.

    With `server_id`, that server. Without: every SMART server of the profile that is not signed in, one
    after the other (the last server added when all are, or when none uses SMART)."""
    with profile.open(data_key) as store:
        servers = [s for s in configured_servers(store) if server_id is None or s[0] == server_id]
        if not servers:
            raise FhirError("No such hospital server is configured.")
        targets = servers[-1:]
        if server_id is None and len(servers) > 1:
            waiting = [s for s in servers if s[1].auth_kind == "smart" and not _signed_in(store, s[0], s[1])]
            targets = waiting or targets
        for sid, config, _options in targets:
            client, tokens = build_client(store, sid, config, open_browser)
            try:
                client.sign_in(cancel=cancel)
            finally:
                tokens.flush()
                client.close()
            store.audit.write("signed-in", server_id=sid)


def _signed_in(store: Store, server_id: str, config: ServerConfig) -> bool:
    client, _tokens = build_client(store, server_id, config, lambda _url: False)
    try:
        return client.signed_in
    finally:
        client.close()


def run_sync(profile: Profile, data_key: bytes, on_progress: Callable[[SyncProgress], None] | None = None,
             cancel: CancelToken | None = None, patient_id: str | None = None,
             server_id: str | None = None, metadata: MetadataPrefetch | None = None) -> SyncReport:
    """Sync every configured server (or `server_id` only), at most MAX_PARALLEL_SERVERS at a time.

    `metadata`: CapabilityStatements asked for while the profile was unlocked; each server's is used only
    when it matches that server's encrypted configuration (see `metadata_prefetch`).
    Returns the combined report: partial when any server is partial; `report.servers` holds each one's.
    """
    try:
        store = profile.open(data_key)  # migrates once, before the workers open their own connections
    except StoreError as exc:
        return SyncReport(SyncStatus.FAILED, str(exc))
    try:
        try:
            servers = configured_servers(store)
            names = store.servers.names()
        except FhirError as exc:  # unreadable settings
            return SyncReport(SyncStatus.FAILED, str(exc))
        if patient_id is not None and server_id is None:  # one patient: the servers that know them
            holders = {sid for sid, _pid in store.find_patient(patient_id)}
            servers = [s for s in servers if s[0] in holders] or servers
    finally:
        store.close()
    if server_id is not None:
        servers = [s for s in servers if s[0] == server_id]
    if not servers:
        return SyncReport(SyncStatus.FAILED, "No hospital server is configured: use `server add` or the "
                                             "settings to add one.")
    progress = _serialised(on_progress)

    def one(entry: tuple[str, ServerConfig, SyncOptions]) -> SyncReport:
        sid, config, options = entry
        return _sync_one(profile, data_key, sid, config, options, progress, cancel, patient_id, metadata)

    workers = max(1, min(MAX_PARALLEL_SERVERS, len(servers)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="consult-sync") as pool:
        reports = list(pool.map(one, servers))
    return combine_reports([(sid, names.get(sid, sid), report) for (sid, _c, _o), report in zip(servers, reports,
                                                                                                strict=True)])


def _serialised(on_progress: Callable[[SyncProgress], None] | None) -> Callable[[SyncProgress], None] | None:
    """Progress from several sync threads, handed on one at a time."""
    if on_progress is None:
        return None
    lock = threading.Lock()

    def call(p: SyncProgress) -> None:
        with lock:
            on_progress(p)

    return call


def _sync_one(profile: Profile, data_key: bytes, server_id: str, config: ServerConfig, options: SyncOptions,
              on_progress: Callable[[SyncProgress], None] | None, cancel: CancelToken | None,
              patient_id: str | None, metadata: MetadataPrefetch | None = None) -> SyncReport:
    """One server on the calling thread, with its own connection, client and engine; never raises."""
    try:
        store = profile.open(data_key)
    except StoreError as exc:
        return SyncReport(SyncStatus.FAILED, str(exc))
    try:
        store.conn.execute(f"PRAGMA busy_timeout = {SYNC_BUSY_TIMEOUT_MS}")
        client, tokens = build_client(store, server_id, config)
        try:
            capabilities = metadata.take(server_id, config) if metadata is not None else None
            if capabilities is not None:
                client.use_capabilities(capabilities)
            engine = SyncEngine(store, client, server_id, profile_for(config.role), options)
            report = engine.run(on_progress, cancel, patient_id)
            if report.status in (SyncStatus.OK, SyncStatus.PARTIAL):
                delivery = deliver_access_reports(store, client, server_id, cancel)
                report = replace(report, audit_events_sent=delivery.sent, audit_events_pending=delivery.pending,
                                 audit_problem=delivery.problem)
            else:
                report = replace(report, audit_events_pending=store.access_reports.counts(server_id)["pending"])
        finally:
            tokens.flush()
            client.close()
        store.audit.write("sync", server_id=server_id, detail=report.status.value)
        return report
    except FhirError as exc:  # configuration problems (missing secret, bad URL)
        return SyncReport(SyncStatus.FAILED, str(exc))
    except StoreError as exc:
        return SyncReport(SyncStatus.FAILED, str(exc))
    except Exception as exc:  # a bug in one server's sync must not lose the others' reports
        log.error("sync of %s stopped: %s", server_id, type(exc).__name__)
        return SyncReport(SyncStatus.FAILED, f"The sync stopped on an unexpected error ({type(exc).__name__}).")
    finally:
        store.close()
