"""The profile's key file: the random data key, wrapped under a passphrase-derived key.

Key hierarchy: a random 256-bit *data key* opens the SQLCipher database. On disk it exists only wrapped
with AES-256-GCM under a *key-encryption key* derived from the passphrase with Argon2id (RFC 9106). The key
file holds the Argon2id salt and parameters, the wrapped key, a passphrase verifier and a checksum:

- the checksum (SHA-256 of the canonical body) detects a damaged or edited file before any key derivation;
- the verifier (HMAC-SHA-256 under the derived key) tells a wrong passphrase from a modified wrapped key:
  if the verifier matches but AES-GCM authentication fails, the file was tampered with.

Changing the passphrase re-wraps the same data key; the database is not re-encrypted. Pure functions and
atomic file writes; callable from any thread.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from consult_desktop.store.errors import KeyFileDamaged, StorageFull, StorageNotWritable, WrongPassphrase

FORMAT = "consult-desktop-keyfile"
VERSION = 1
_VERIFIER_LABEL = b"consult-desktop passphrase verifier v1"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters. Default: RFC 9106 section 4, second recommended option (t=3, p=4, m=64 MiB)."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024



def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, field: str) -> bytes:
    if not isinstance(text, str):
        raise KeyFileDamaged(f"field {field} is missing")
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError) as exc:
        raise KeyFileDamaged(f"field {field} is not valid base64") from exc


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """A 256-bit key from the passphrase with Argon2id (the key file's and the backup file's)."""
    kdf = Argon2id(
        salt=salt, length=32, iterations=params.iterations, lanes=params.lanes, memory_cost=params.memory_kib
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _header(body: dict) -> bytes:
    """Associated data for AES-GCM: everything that is not the ciphertext itself."""
    return _canonical({k: body[k] for k in ("format", "version", "profile_id", "kdf")})


@dataclass(frozen=True)
class KeyFile:
    """Parsed, checksum-verified key file content."""

    body: dict

    @property
    def profile_id(self) -> str:
        return str(self.body["profile_id"])

    @property
    def kdf(self) -> KdfParams:
        k = self.body["kdf"]
        return KdfParams(iterations=k["iterations"], lanes=k["lanes"], memory_kib=k["memory_kib"])

    # -- creation and wrapping ---------------------------------------------------------------------------
    @classmethod
    def wrap(
        cls, data_key: bytes, passphrase: str, params: KdfParams, profile_id: str | None = None
    ) -> KeyFile:
        salt = secrets.token_bytes(16)
        body: dict = {
            "format": FORMAT,
            "version": VERSION,
            "profile_id": profile_id or str(uuid.uuid4()),
            "kdf": {"name": "argon2id", "salt": _b64(salt), **asdict(params)},
        }
        kek = derive_key(passphrase, salt, params)
        nonce = secrets.token_bytes(12)
        body["wrapped_key"] = {
            "alg": "AES-256-GCM",
            "nonce": _b64(nonce),
            "ciphertext": _b64(AESGCM(kek).encrypt(nonce, data_key, _header(body))),
        }
        body["verifier"] = _b64(hmac.new(kek, _VERIFIER_LABEL, hashlib.sha256).digest())
        return cls(body)

    def unwrap(self, passphrase: str) -> bytes:
        """Return the data key; WrongPassphrase or KeyFileDamaged otherwise. Writes nothing."""
        salt = _unb64(self.body["kdf"].get("salt"), "kdf.salt")
        kek = derive_key(passphrase, salt, self.kdf)
        expected = _unb64(self.body.get("verifier"), "verifier")
        if not hmac.compare_digest(hmac.new(kek, _VERIFIER_LABEL, hashlib.sha256).digest(), expected):
            raise WrongPassphrase()
        wrapped = self.body.get("wrapped_key")
        if not isinstance(wrapped, dict):
            raise KeyFileDamaged("wrapped key missing")
        nonce = _unb64(wrapped.get("nonce"), "wrapped_key.nonce")
        ciphertext = _unb64(wrapped.get("ciphertext"), "wrapped_key.ciphertext")
        try:
            key = AESGCM(kek).decrypt(nonce, ciphertext, _header(self.body))
        except InvalidTag as exc:
            raise KeyFileDamaged("the wrapped key fails authentication") from exc
        if len(key) != 32:
            raise KeyFileDamaged("the data key has the wrong length")
        return key

    def rewrap(self, old_passphrase: str, new_passphrase: str, params: KdfParams | None = None) -> KeyFile:
        data_key = self.unwrap(old_passphrase)
        return KeyFile.wrap(data_key, new_passphrase, params or self.kdf, self.profile_id)

    # -- serialisation -------------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        body = dict(self.body)
        body["checksum"] = hashlib.sha256(_canonical(self.body)).hexdigest()
        return json.dumps(body, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KeyFileDamaged("not readable JSON") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileDamaged("not a Consult Desktop key file")
        if data.get("version") != VERSION:
            raise KeyFileDamaged(f"unknown key file version {data.get('version')!r}")
        checksum = data.pop("checksum", None)
        if not isinstance(checksum, str) or not hmac.compare_digest(
            hashlib.sha256(_canonical(data)).hexdigest(), checksum
        ):
            raise KeyFileDamaged("checksum mismatch")
        kdf = data.get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise KeyFileDamaged("unknown key derivation")
        for field, low, high in (("iterations", 1, 100), ("lanes", 1, 64), ("memory_kib", 8, 4 * 1024 * 1024)):
            value = kdf.get(field)
            if not isinstance(value, int) or not low <= value <= high:
                raise KeyFileDamaged(f"key derivation parameter {field} out of range")
        return cls(data)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileDamaged("the key file is missing") from exc
        except OSError as exc:
            raise KeyFileDamaged(f"cannot read it: {exc.strerror}") from exc
        return cls.from_bytes(raw)

    def write(self, path: Path) -> None:
        """Atomic replace: write a sibling temp file, fsync, rename. The old file survives any failure."""
        write_atomic(path, self.to_bytes())


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".new")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        if exc.errno == 28:  # ENOSPC
            raise StorageFull() from exc
        raise StorageNotWritable(str(path.parent), exc.strerror or "") from exc
