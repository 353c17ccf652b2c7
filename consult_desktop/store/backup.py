"""An encrypted export of the GP's own data, and its restore into a fresh profile.

Hospital data can always be synced again; what the GP wrote cannot: their prescriptions, medication decisions
(`line_decisions`) and flag acknowledgements (`flag_acks`), the access log (`audit_log`) and the configured
servers (settings only, never secrets). `export_own_data` reads them table by table, so a damaged database
gives whatever is still readable plus the names of the tables that were not; `write_backup` encrypts them with
AES-256-GCM under a key derived from the passphrase with Argon2id (the key file's parameters), so the file is
readable only with the passphrase. Runs on the store's thread.
"""

from __future__ import annotations

import base64
import gzip
import json
import secrets
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from consult_desktop.store.database import DatabaseError, transaction
from consult_desktop.store.errors import StoreError, WrongPassphrase
from consult_desktop.store.keyfile import KdfParams, derive_key, write_atomic
from consult_desktop.store.store import Store

FORMAT = "consult-desktop-backup"
VERSION = 1
TABLES: dict[str, tuple[str, ...]] = {
    "servers": ("id", "base_url", "config", "added_at"),
    "gp_prescriptions": ("id", "server_id", "patient_id", "json", "created_at", "updated_at"),
    "flag_acks": ("server_id", "patient_id", "flag_key", "reason", "acked_at"),
    "line_decisions": ("server_id", "patient_id", "line_key", "decision", "note", "decided_at"),
    "audit_log": ("at", "action", "server_id", "patient_id", "object_type", "object_id", "detail"),
}


class BackupUnreadable(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"The backup file cannot be read ({detail}). Nothing was changed.")


def export_own_data(store: Store) -> tuple[dict[str, list[list[Any]]], list[str]]:
    """(rows per table, names of tables that could not be read completely)."""
    data: dict[str, list[list[Any]]] = {}
    unreadable: list[str] = []
    for table, columns in TABLES.items():
        rows: list[list[Any]] = []
        try:
            for row in store.conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                rows.append(list(row))
        except DatabaseError:
            unreadable.append(table)
        data[table] = rows
    return data, unreadable


def import_own_data(store: Store, data: dict[str, list[list[Any]]]) -> dict[str, int]:
    """Insert the exported rows into a (fresh) profile in one transaction; counts per table."""
    counts: dict[str, int] = {}
    with transaction(store.conn):
        for table, columns in TABLES.items():
            rows = [row for row in data.get(table, []) if isinstance(row, list) and len(row) == len(columns)]
            store.conn.executemany(
                f"INSERT OR REPLACE INTO {table}({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})",
                rows)
            counts[table] = len(rows)
    return counts


def write_backup(path: Path, data: dict[str, Any], passphrase: str, kdf: KdfParams | None = None) -> None:
    kdf = kdf or KdfParams()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = {"format": FORMAT, "version": VERSION, "created": datetime.now(UTC).isoformat(timespec="seconds"),
              "kdf": {"name": "argon2id", "salt": _b64(salt), **asdict(kdf)}}
    plain = gzip.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    sealed = AESGCM(derive_key(passphrase, salt, kdf)).encrypt(nonce, plain, _aad(header))
    body = {**header, "nonce": _b64(nonce), "ciphertext": _b64(sealed)}
    write_atomic(path, json.dumps(body).encode("utf-8"))


def read_backup(path: Path, passphrase: str) -> dict[str, Any]:
    """The exported data; WrongPassphrase, or BackupUnreadable for a damaged or foreign file."""
    try:
        body = json.loads(path.read_bytes())
        header = {k: body[k] for k in ("format", "version", "created", "kdf")}
        kdf_fields = body["kdf"]
        kdf = KdfParams(iterations=int(kdf_fields["iterations"]), lanes=int(kdf_fields["lanes"]),
                        memory_kib=int(kdf_fields["memory_kib"]))
        salt, nonce = _unb64(kdf_fields["salt"]), _unb64(body["nonce"])
        sealed = _unb64(body["ciphertext"])
    except OSError as exc:
        raise BackupUnreadable(exc.strerror or "cannot open it") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise BackupUnreadable("not a Consult Desktop backup") from exc
    if header["format"] != FORMAT or header["version"] != VERSION:
        raise BackupUnreadable("not a Consult Desktop backup of a known version")
    if not (1 <= kdf.iterations <= 100 and 1 <= kdf.lanes <= 64 and 8 <= kdf.memory_kib <= 4 * 1024 * 1024):
        raise BackupUnreadable("key derivation parameters out of range")
    try:
        plain = AESGCM(derive_key(passphrase, salt, kdf)).decrypt(nonce, sealed, _aad(header))
    except InvalidTag as exc:
        raise WrongPassphrase() from exc  # a damaged file looks the same: both are refused unchanged
    try:
        data = json.loads(gzip.decompress(plain))
    except (OSError, ValueError) as exc:
        raise BackupUnreadable("its content is damaged") from exc
    if not isinstance(data, dict):
        raise BackupUnreadable("its content is damaged")
    return data


def _aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)
