"""The profile directory: where it is, creating it, unlocking it, changing the passphrase, wiping it.

One directory holds the SQLCipher database (`consult.db`, with its `-wal`/`-shm` companions), the key
file (`key.json`) and a plain copy of the server addresses (`servers.json`, see `server_addresses`). The
location is `--data-dir`, else `CONSULT_DATA_DIR`, else the per-user data directory.
Unlocking reads files and never writes into the profile: a wrong passphrase leaves every byte of it as it
was. Repeated failures wait increasingly long before the next attempt, also across processes: the attempt
counter lives in the user's state directory (`CONSULT_STATE_DIR`, else the platform's), keyed by the
profile's path. Call from the thread that will own
the returned Store's connection.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from consult_desktop.portable import PortableConfigError, portable_data_dir
from consult_desktop.store import keychain
from consult_desktop.store.database import open_database
from consult_desktop.store.errors import (
    PortableProfileInvalid,
    ProfileExists,
    ProfileNotFound,
    StorageFull,
    StorageNotWritable,
    StoreError,
    WrongPassphrase,
)
from consult_desktop.store.keyfile import KdfParams, KeyFile, write_atomic
from consult_desktop.store.migrations import LATEST, check_not_newer, migrate
from consult_desktop.store.server_addresses import SERVERS_NAME
from consult_desktop.store.store import Store

DB_NAME = "consult.db"
KEY_NAME = "key.json"
APP_NAME = "ConsultDesktop"
log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass
class UnlockThrottle:
    """Exponential wait after failed attempts: 0, 0, 1, 2, 4 ... 30 s before the next one.

    With a `path` (see `Profile.throttle`) the count and the time of the last failure live in that file,
    outside the profile, so the wait holds across processes (ten command-line runs in a row) while a wrong
    passphrase still writes nothing into the profile. The time already waited since the last failure counts.
    """

    sleep: Callable[[float], None] = time.sleep
    failures: int = 0
    path: Path | None = None
    clock: Callable[[], float] = time.time
    last_failure: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def delay(self) -> float:
        self._load()
        wait = 0.0 if self.failures < 2 else min(2.0 ** (self.failures - 2), 30.0)
        if wait and self.last_failure is not None:
            # What is left of the wait, in whole seconds (as the unlock dialog announces it).
            wait = float(math.ceil(max(0.0, min(wait, wait - (self.clock() - self.last_failure)))))
        return wait

    def before_attempt(self) -> None:
        wait = self.delay()
        if wait:
            self.sleep(wait)

    def record(self, ok: bool) -> None:
        with self._lock:
            self._load()
            self.failures = 0 if ok else self.failures + 1
            self.last_failure = None if ok or self.path is None else self.clock()
            self._save()

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.failures, self.last_failure = int(data["failures"]), float(data["last_failure"])
        except FileNotFoundError:
            self.failures, self.last_failure = 0, None
        except (OSError, ValueError, KeyError, TypeError):
            pass  # unreadable: keep what this process counted

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            if self.failures == 0:
                self.path.unlink(missing_ok=True)
                return
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, json.dumps({"failures": self.failures,
                                                "last_failure": self.last_failure}).encode())
        except (OSError, StoreError):
            log.warning("the unlock attempt counter could not be saved; it holds for this process only")


def state_dir() -> Path:
    """Per-user state outside any profile: `CONSULT_STATE_DIR`, else the platform's user state directory."""
    chosen = os.environ.get("CONSULT_STATE_DIR")
    return Path(chosen) if chosen else Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def attempts_file(directory: Path) -> Path:
    """Where the unlock attempt counter of the profile at `directory` is kept (keyed by its path)."""
    key = hashlib.sha256(str(directory).encode("utf-8")).hexdigest()[:32]
    return state_dir() / "unlock-attempts" / f"{key}.json"


_throttles: dict[Path, UnlockThrottle] = {}


@dataclass(frozen=True)
class Profile:
    directory: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Profile:
        """`--data-dir`, else `CONSULT_DATA_DIR`, else a portable file (locum mode), else the user data dir."""
        chosen: str | os.PathLike[str] | None = data_dir or os.environ.get("CONSULT_DATA_DIR")
        if not chosen:
            try:
                chosen = portable_data_dir()
            except PortableConfigError as exc:
                # Never fall back to this workstation's disk when a locum meant to use their drive.
                raise PortableProfileInvalid(str(exc)) from exc
        return cls(Path(chosen or default_data_dir()).expanduser().resolve())

    @property
    def db_path(self) -> Path:
        return self.directory / DB_NAME

    @property
    def key_path(self) -> Path:
        return self.directory / KEY_NAME

    @property
    def throttle(self) -> UnlockThrottle:
        return _throttles.setdefault(self.directory, UnlockThrottle(path=attempts_file(self.directory)))

    def exists(self) -> bool:
        return self.key_path.exists() or self.db_path.exists()

    def is_read_only(self) -> bool:
        """True when the profile cannot be written here (read-only medium or folder, read-only database)."""
        if not os.access(self.directory, os.W_OK):
            return True
        return self.db_path.exists() and not os.access(self.db_path, os.W_OK)

    def secure_permissions(self) -> None:
        """Owner-only access where the OS has POSIX modes: the directory 0700, its files 0600."""
        if os.name != "posix":
            return
        try:
            os.chmod(self.directory, 0o700)
            for path in self.files():
                if path.name.startswith((DB_NAME, KEY_NAME, SERVERS_NAME)):
                    os.chmod(path, 0o600)
        except OSError:
            log.info("the profile's permissions could not be tightened (read-only or not ours)")

    def files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.iterdir() if p.is_file())

    # -- lifecycle ---------------------------------------------------------------------------------------
    def create(self, passphrase: str, *, kdf: KdfParams | None = None) -> Store:
        if self.exists():
            raise ProfileExists(str(self.directory))
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StorageNotWritable(str(self.directory), exc.strerror or "") from exc
        self.secure_permissions()
        data_key = secrets.token_bytes(32)
        keyfile = KeyFile.wrap(data_key, passphrase, kdf or KdfParams())
        try:
            conn = open_database(self.db_path, data_key, create=True)
            migrate(conn, None)
        except BaseException:
            self._remove_files()
            raise
        try:
            keyfile.write(self.key_path)
        except (StorageFull, StorageNotWritable):
            conn.close()
            self._remove_files()
            raise
        return Store(conn, self.db_path, keyfile.profile_id, data_key)

    def unlock(self, passphrase: str) -> Store:
        if not self.exists():
            raise ProfileNotFound(str(self.directory))
        throttle = self.throttle
        throttle.before_attempt()
        keyfile = KeyFile.read(self.key_path)
        try:
            data_key = keyfile.unwrap(passphrase)
        except WrongPassphrase:
            throttle.record(False)
            raise
        throttle.record(True)
        return self.open(data_key)

    def unlock_from_keychain(self) -> Store | None:
        """Open with the data key kept in the OS keychain; None when there is no usable entry."""
        if not self.exists():
            raise ProfileNotFound(str(self.directory))
        keyfile = KeyFile.read(self.key_path)
        data_key = keychain.load_key(keyfile.profile_id)
        if data_key is None:
            return None
        return self.open(data_key)

    def open(self, data_key: bytes) -> Store:
        """A new connection with a data key already unwrapped (a second connection for a sync thread).

        A profile that cannot be written here opens read-only: reading works, every write is refused."""
        keyfile = KeyFile.read(self.key_path)
        read_only = self.is_read_only()
        if not read_only:
            self.secure_permissions()
        conn = open_database(self.db_path, data_key, read_only=read_only)
        try:
            if read_only:
                if check_not_newer(conn) < LATEST:
                    raise StorageNotWritable(str(self.directory), "read-only, and it needs a one-time upgrade "
                                             "by this version: open it once where it can be written")
            else:
                migrate(conn, self.db_path)
        except BaseException:
            conn.close()
            raise
        return Store(conn, self.db_path, keyfile.profile_id, data_key, read_only=read_only)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under the new passphrase; the database itself is not touched."""
        keyfile = KeyFile.read(self.key_path)
        keyfile.rewrap(old, new).write(self.key_path)

    def data_key(self, passphrase: str) -> bytes:
        return KeyFile.read(self.key_path).unwrap(passphrase)

    def enable_keychain(self, passphrase: str) -> None:
        keyfile = KeyFile.read(self.key_path)
        keychain.store_key(keyfile.profile_id, keyfile.unwrap(passphrase))

    def disable_keychain(self) -> bool:
        try:
            keyfile = KeyFile.read(self.key_path)
        except Exception:  # a damaged key file must not prevent removing the keychain entry
            return False
        return keychain.delete_key(keyfile.profile_id)

    def wipe(self) -> None:
        """Remove the keychain entry and every file of the profile, then the directory if it is empty."""
        self.disable_keychain()
        self._remove_files()
        try:
            self.directory.rmdir()
        except OSError:
            pass

    def _remove_files(self) -> None:
        for path in self.files():
            if path.name.startswith((DB_NAME, KEY_NAME, SERVERS_NAME)):
                path.unlink(missing_ok=True)
        for leftover in self.directory.glob("*.tmp"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
