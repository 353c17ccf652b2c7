"""Encrypted local storage (SQLCipher): profile, key file, migrations and repositories. No Qt."""

from consult_desktop.store.errors import (
    DatabaseCorrupt,
    KeychainUnavailable,
    KeyFileDamaged,
    MigrationFailed,
    PortableProfileInvalid,
    ProfileExists,
    ProfileNotFound,
    SchemaTooNew,
    StorageFull,
    StorageNotWritable,
    StoreError,
    WrongPassphrase,
)
from consult_desktop.store.keyfile import KdfParams
from consult_desktop.store.profile import Profile
from consult_desktop.store.store import LAST_SYNC_KEY, PatientSummary, Store

__all__ = [
    "DatabaseCorrupt",
    "KdfParams",
    "KeyFileDamaged",
    "KeychainUnavailable",
    "LAST_SYNC_KEY",
    "MigrationFailed",
    "PatientSummary",
    "PortableProfileInvalid",
    "Profile",
    "ProfileExists",
    "ProfileNotFound",
    "SchemaTooNew",
    "StorageFull",
    "StorageNotWritable",
    "Store",
    "StoreError",
    "WrongPassphrase",
]
