"""Optional keeping of the data key in the OS keychain (Windows Credential Locker, macOS Keychain).

Off by default. Only a real, secure OS backend is accepted: never a plaintext or "null" keyring, so a
profile can never silently end up with its key in a readable file. Callable from any thread.
"""

from __future__ import annotations

import keyring
import keyring.errors

from consult_desktop.store.errors import KeychainUnavailable

SERVICE = "Consult Desktop"
_INSECURE_MARKERS = ("fail", "null", "plaintext", "keyrings.alt", "chainer")


def _backend() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    priority = getattr(backend, "priority", 0)
    if any(marker in name for marker in _INSECURE_MARKERS) or not priority or priority < 1:
        raise KeychainUnavailable("no secure system keychain is available on this computer")
    return backend


def available() -> bool:
    try:
        _backend()
    except KeychainUnavailable:
        return False
    return True


def store_key(profile_id: str, data_key: bytes) -> None:
    try:
        _backend().set_password(SERVICE, profile_id, data_key.hex())
    except keyring.errors.KeyringError as exc:
        raise KeychainUnavailable(str(exc)) from exc


def load_key(profile_id: str) -> bytes | None:
    try:
        value = _backend().get_password(SERVICE, profile_id)
    except KeychainUnavailable:
        return None
    except keyring.errors.KeyringError as exc:
        raise KeychainUnavailable(str(exc)) from exc
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def delete_key(profile_id: str) -> bool:
    """Remove the entry if there is one; True when something was removed."""
    try:
        _backend().delete_password(SERVICE, profile_id)
    except (KeychainUnavailable, keyring.errors.PasswordDeleteError):
        return False
    except keyring.errors.KeyringError:
        return False
    return True
