"""Errors raised by the encrypted store, each with a message fit to show a GP as it is.

Messages never contain patient data or key material. Safe to import from any thread.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something about the local profile prevents the operation."""


class ProfileNotFound(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(f"No Consult Desktop profile at {path}. Create one with `consult-desktop init`.")


class ProfileExists(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(f"A profile already exists at {path}; it was left untouched.")


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__("Wrong passphrase. Nothing was changed.")


class KeyFileDamaged(StoreError):
    """The key file is unreadable, or was modified: it is reported, never repaired."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The key file of this profile is damaged or was modified ({detail}). "
            "It was not changed. Restore it from a backup, or wipe the profile and sync again."
        )


class DatabaseCorrupt(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The local database cannot be read ({detail}). It was not changed. "
            "Restore it from a backup, or wipe the profile and sync again."
        )


class SchemaTooNew(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This profile was written by a newer version of Consult Desktop (database schema {found}; "
            f"this version knows up to {supported}). Install the newer version; the profile was not changed."
        )


class MigrationFailed(StoreError):
    """Upgrading the database schema failed; the copy taken before it is kept for a manual restore."""

    def __init__(self, backup: str, detail: str) -> None:
        self.backup = backup
        super().__init__(
            f"Upgrading the local database failed ({detail}). Its state before the upgrade is kept in {backup}; "
            "copy that file over consult.db to go back, or wipe the profile and sync again."
        )


class StorageFull(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The disk is full: the last change was not saved, and everything stored before it is intact. "
            "Free some space and try again."
        )


class StorageNotWritable(StoreError):
    def __init__(self, path: str, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(f"Cannot write to {path}{extra}. Check that the folder exists and is writable.")


class KeychainUnavailable(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"The system keychain cannot be used: {detail}")


class PortableProfileInvalid(StoreError):
    """A portable-mode file names a profile location that cannot be used (it is not silently ignored)."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"{detail} The profile was not opened anywhere else.")
