"""Wiring a sync: the configured server, its secrets in the encrypted profile, the client, the engine.

`run_sync(profile, data_key, ...)` is the one call the desktop and the command line make: it opens its own
Store connection on the calling thread (SQLite connections belong to their thread), builds the client
and the engine, syncs every configured server and closes. It never raises for offline, refused sign-in or
partial results: the SyncReport says what happened. Blocking; call it from a worker thread in the UI.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import webbrowser
from collections.abc import Callable
from typing import Any

from consult_desktop.domain.roles import profile_for
from consult_desktop.fhir.auth import make_auth
from consult_desktop.fhir.client import FhirClient
from consult_desktop.fhir.errors import FhirError
from consult_desktop.fhir.server_config import SECRET_FIELDS, ServerConfig
from consult_desktop.store import Profile, Store, StoreError
from consult_desktop.sync.engine import SyncEngine, SyncOptions
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncReport, SyncStatus

log = logging.getLogger(__name__)
OPTIONS_KEY = "sync.options.{server_id}"


def server_id_for(base_url: str) -> str:
    """A short stable id per server address; every stored resource carries it."""
    return "srv-" + hashlib.sha256(base_url.rstrip("/").encode("utf-8")).hexdigest()[:12]


def _secret_key(server_id: str, name: str) -> str:
    return f"server:{server_id}:{name}"


def save_server(store: Store, config: ServerConfig, *, client_secret: str | None = None,
                token: str | None = None, private_key_pem: str | None = None,
                options: SyncOptions | None = None) -> str:
    """Store the server settings (no secrets) and its secrets (encrypted profile). Returns its id.

    Configuring another address replaces the previous server and removes its cached data: one server per
    profile for now, although every table is keyed by server.
    """
    server_id = server_id_for(config.base_url)
    config = config.with_secrets(client_secret=client_secret, token=token, private_key_pem=private_key_pem)
    with store.transaction():
        for old_id, _url, _cfg in store.servers.all():
            if old_id != server_id:
                store.servers.remove(old_id)
                for name in (*SECRET_FIELDS, "oauth_tokens"):
                    store.secrets.delete(_secret_key(old_id, name))
        store.servers.save(server_id, config.base_url, config.to_dict())
        for name, value in config.secrets().items():
            store.secrets.set(_secret_key(server_id, name), value.encode("utf-8"))
        if options is not None:
            store.settings.set(OPTIONS_KEY.format(server_id=server_id), json.dumps(options.to_dict()))
        store.audit.write("server-configured", server_id=server_id)
    return server_id


def configured_servers(store: Store) -> list[tuple[str, ServerConfig, SyncOptions]]:
    out = []
    for server_id, _url, data in store.servers.all():
        secrets = {name: (store.secrets.get(_secret_key(server_id, name)) or b"").decode("utf-8") or None
                   for name in SECRET_FIELDS}
        config = ServerConfig.from_dict(data, **secrets)
        raw = store.settings.get(OPTIONS_KEY.format(server_id=server_id))
        out.append((server_id, config, SyncOptions.from_dict(json.loads(raw) if raw else None)))
    return out


def configured_server(store: Store) -> ServerConfig | None:
    servers = configured_servers(store)
    return servers[-1][1] if servers else None


class StoreTokenStore:
    """OAuth tokens kept in the encrypted profile.

    The client may renew a token on any of its threads; a save from a thread that does not own the
    Store's connection is held in memory and written by `flush()` on the owning thread.
    """

    def __init__(self, store: Store, server_id: str) -> None:
        self._store = store
        self._key = _secret_key(server_id, "oauth_tokens")
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
            cancel: CancelToken | None = None) -> None:
    """SMART sign-in through the system browser; the refresh token lands in the encrypted profile."""
    with profile.open(data_key) as store:
        servers = configured_servers(store)
        if not servers:
            raise FhirError("No hospital server is configured yet.")
        server_id, config, _options = servers[-1]
        client, tokens = build_client(store, server_id, config, open_browser)
        try:
            client.sign_in(cancel=cancel)
        finally:
            tokens.flush()
            client.close()
        store.audit.write("signed-in", server_id=server_id)


def run_sync(profile: Profile, data_key: bytes, on_progress: Callable[[SyncProgress], None] | None = None,
             cancel: CancelToken | None = None, patient_id: str | None = None) -> SyncReport:
    """Sync every configured server; the report of the last one (or the first that failed)."""
    try:
        store = profile.open(data_key)
    except StoreError as exc:
        return SyncReport(SyncStatus.FAILED, str(exc))
    try:
        servers = configured_servers(store)
        if not servers:
            return SyncReport(SyncStatus.FAILED, "No hospital server is configured: use `server set` or the "
                                                 "settings to add one.")
        report = SyncReport(SyncStatus.OK)
        for server_id, config, options in servers:
            client, tokens = build_client(store, server_id, config)
            try:
                engine = SyncEngine(store, client, server_id, profile_for(config.role), options)
                report = engine.run(on_progress, cancel, patient_id)
            finally:
                tokens.flush()
                client.close()
            store.audit.write("sync", server_id=server_id, detail=report.status.value)
            if report.status not in (SyncStatus.OK, SyncStatus.PARTIAL):
                break
        return report
    except FhirError as exc:  # configuration problems (missing secret, bad URL)
        return SyncReport(SyncStatus.FAILED, str(exc))
    except StoreError as exc:
        return SyncReport(SyncStatus.FAILED, str(exc))
    finally:
        store.close()
