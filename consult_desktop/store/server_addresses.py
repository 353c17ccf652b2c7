"""A plain-text copy of the profile's hospital server addresses, beside the encrypted database.

It lets `consult-desktop sync` ask each server for its CapabilityStatement (`metadata`, a request without
credentials) while the passphrase's Argon2id key derivation runs, before anything is decrypted. It holds
configuration, not patient data: per server its id, FHIR base URL and CA bundle path; no name, secret or
token. It is only a copy: the encrypted settings stay the authority, and an answer obtained through it is
used only when the address and CA bundle read from the encrypted settings after unlocking are the same
(`sync.metadata_prefetch`). A missing, damaged or stale copy costs that head start, nothing else.

The file (`servers.json`, 0600 like every file of the profile) is rewritten when a server is added,
changed or removed, and after an unlock that finds it out of date; reading it never fails (no file or a
damaged one reads as no addresses). Any thread; writing is an atomic replace.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from consult_desktop.store.errors import StoreError
from consult_desktop.store.keyfile import write_atomic

SERVERS_NAME = "servers.json"
MAX_BYTES = 64 * 1024  # a few servers' addresses; anything larger is not ours
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerAddress:
    id: str
    base_url: str
    ca_bundle: str | None = None


def addresses_path(directory: Path) -> Path:
    return directory / SERVERS_NAME


def read_addresses(directory: Path) -> list[ServerAddress]:
    """The addresses in the copy; [] when there is none or it cannot be read as such."""
    try:
        raw = addresses_path(directory).read_bytes()[: MAX_BYTES + 1]
        data = json.loads(raw) if len(raw) <= MAX_BYTES else None
    except (OSError, ValueError):
        return []
    entries = data.get("servers") if isinstance(data, dict) else None
    out = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        sid, url, ca = entry.get("id"), entry.get("base_url"), entry.get("ca_bundle")
        if isinstance(sid, str) and isinstance(url, str) and (ca is None or isinstance(ca, str)):
            out.append(ServerAddress(sid, url, ca))
    return out


def write_addresses(directory: Path, addresses: list[ServerAddress]) -> None:
    """Replace the copy when it differs (nothing is written when it is up to date). A profile that cannot be
    written keeps its old copy: that only costs the head start."""
    if read_addresses(directory) == addresses:
        return
    body = {"servers": [{"id": a.id, "base_url": a.base_url, "ca_bundle": a.ca_bundle} for a in addresses]}
    try:
        write_atomic(addresses_path(directory), json.dumps(body, indent=1).encode("utf-8"))
    except StoreError:
        log.info("the plain copy of the server addresses could not be written")
