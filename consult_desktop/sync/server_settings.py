"""The list of hospital servers of a profile: adding, replacing, naming and removing one, with its secrets in
the encrypted profile and its sync options in the settings. After each change the plain copy of the server
addresses (`store.server_addresses`: ids, base URLs and CA bundle paths only) is brought up to date.

Each server has its own authentication, role, options and sync status (`sync.last_success.<id>`). Runs on the
thread that opened the Store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from consult_desktop.fhir.errors import ConfigurationError
from consult_desktop.fhir.server_config import SECRET_FIELDS, ServerConfig
from consult_desktop.store import LAST_SYNC_KEY, Store
from consult_desktop.store.server_addresses import ServerAddress, write_addresses
from consult_desktop.sync.options import SyncOptions

OPTIONS_KEY = "sync.options.{server_id}"


@dataclass(frozen=True)
class ServerEntry:
    """One configured server as the list shows it (no secrets)."""

    id: str
    name: str
    base_url: str
    auth_kind: str
    role: str
    last_sync: str | None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def server_id_for(base_url: str) -> str:
    """A short stable id per server address; every stored resource carries it."""
    return "srv-" + hashlib.sha256(base_url.rstrip("/").encode("utf-8")).hexdigest()[:12]


def secret_key(server_id: str, name: str) -> str:
    return f"server:{server_id}:{name}"


def save_server(store: Store, config: ServerConfig, *, client_secret: str | None = None,
                token: str | None = None, private_key_pem: str | None = None,
                options: SyncOptions | None = None, name: str | None = None) -> str:
    """The single-server case (`server set`, the settings dialog, the first-run wizard). Returns its id.

    The same address updates that server. Another address replaces the one configured server and removes
    its cached data; with several servers configured it is refused (add or remove servers instead).
    """
    server_id = server_id_for(config.base_url)
    with store.transaction():
        known = [sid for sid, _url, _cfg in store.servers.all()]
        if server_id not in known:
            if len(known) > 1:
                raise ConfigurationError("Several hospital servers are configured: add or remove them in "
                                         "Settings > Hospitals, or with `server add` and `server remove`.")
            for old_id in known:
                remove_server(store, old_id)
        _write(store, server_id, config, client_secret, token, private_key_pem, options, name)
    refresh_addresses(store)
    return server_id


def add_server(store: Store, config: ServerConfig, *, client_secret: str | None = None,
               token: str | None = None, private_key_pem: str | None = None,
               options: SyncOptions | None = None, name: str | None = None) -> str:
    """Add a server to the list (or update the one at the same address); the others are kept."""
    server_id = server_id_for(config.base_url)
    with store.transaction():
        _write(store, server_id, config, client_secret, token, private_key_pem, options, name)
    refresh_addresses(store)
    return server_id


def _write(store: Store, server_id: str, config: ServerConfig, client_secret: str | None, token: str | None,
           private_key_pem: str | None, options: SyncOptions | None, name: str | None) -> None:
    config = config.with_secrets(client_secret=client_secret, token=token, private_key_pem=private_key_pem)
    store.servers.save(server_id, config.base_url, config.to_dict(), name)
    for field, value in config.secrets().items():
        store.secrets.set(secret_key(server_id, field), value.encode("utf-8"))
    if options is not None:
        store.settings.set(OPTIONS_KEY.format(server_id=server_id), json.dumps(options.to_dict()))
    store.audit.write("server-configured", server_id=server_id)


def remove_server(store: Store, server_id: str) -> bool:
    """Remove the server, its secrets, options, sync status and every row cached from it, in one transaction.
    False when no such server is configured."""
    with store.transaction():
        if server_id not in {sid for sid, _url, _cfg in store.servers.all()}:
            return False
        store.servers.remove(server_id)
        for field in (*SECRET_FIELDS, "oauth_tokens"):
            store.secrets.delete(secret_key(server_id, field))
        for key in (OPTIONS_KEY.format(server_id=server_id), f"{LAST_SYNC_KEY}.{server_id}"):
            store.settings.delete(key)
        store.audit.write("server-removed", server_id=server_id)
    if not store.conn.in_transaction:  # inside `save_server`, which refreshes the copy after its commit
        refresh_addresses(store)
    return True


def refresh_addresses(store: Store) -> None:
    """Bring the plain copy of the server addresses in line with the encrypted settings (after a commit)."""
    if store.read_only:
        return
    addresses = [ServerAddress(sid, url, data.get("ca_bundle") if isinstance(data.get("ca_bundle"), str) else None)
                 for sid, url, data in store.servers.all()]
    write_addresses(store.db_path.parent, addresses)


def configured_servers(store: Store) -> list[tuple[str, ServerConfig, SyncOptions]]:
    out = []
    for server_id, _url, data in store.servers.all():
        secrets = {field: (store.secrets.get(secret_key(server_id, field)) or b"").decode("utf-8") or None
                   for field in SECRET_FIELDS}
        config = ServerConfig.from_dict(data, **secrets)
        raw = store.settings.get(OPTIONS_KEY.format(server_id=server_id))
        out.append((server_id, config, SyncOptions.from_dict(json.loads(raw) if raw else None)))
    return out


def configured_server(store: Store) -> ServerConfig | None:
    servers = configured_servers(store)
    return servers[-1][1] if servers else None


def server_list(store: Store) -> list[ServerEntry]:
    """Every configured server with its name, authentication, role and last successful sync."""
    out = []
    for row in store.servers.rows():
        out.append(ServerEntry(row.id, row.name, row.base_url, str(row.config.get("auth_kind", "")),
                               str(row.config.get("role", "gp")),
                               store.settings.get(f"{LAST_SYNC_KEY}.{row.id}")))
    return out
