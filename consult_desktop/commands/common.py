"""Helpers shared by the sub-commands: profile location, passphrase sources, error-to-exit-code mapping.

Runs on the command line's main thread.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from consult_desktop import exit_codes
from consult_desktop.crash_report import safe_report
from consult_desktop.store import (
    DatabaseCorrupt,
    KeychainUnavailable,
    KeyFileDamaged,
    MigrationFailed,
    PortableProfileInvalid,
    Profile,
    ProfileExists,
    ProfileNotFound,
    SchemaTooNew,
    StorageFull,
    StorageNotWritable,
    Store,
    StoreError,
    WrongPassphrase,
)

PASSPHRASE_ENV = "CONSULT_PASSPHRASE"
MIN_PASSPHRASE = 8


class CommandError(Exception):
    """A message for the user and the exit code that goes with it."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def profile_of(args: argparse.Namespace) -> Profile:
    return Profile.resolve(getattr(args, "data_dir", None))


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Cannot read the passphrase file {path}: {exc.strerror}", exit_codes.USAGE) from exc
    line = text.splitlines()[0] if text else ""
    if not line:
        raise CommandError(f"The passphrase file {path} is empty.", exit_codes.BAD_PASSPHRASE)
    return line


def read_passphrase(args: argparse.Namespace, *, prompt: str = "Passphrase: ", confirm: bool = False,
                    file_attr: str = "passphrase_file", env: str = PASSPHRASE_ENV) -> str:
    """--passphrase-file, else the environment variable, else an interactive prompt."""
    path = getattr(args, file_attr, None)
    if path:
        return _from_file(path)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(
            f"No passphrase: give --passphrase-file FILE or set {env} when there is no terminal.",
            exit_codes.BAD_PASSPHRASE,
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat: ") != first:
        raise CommandError("The two passphrases differ; nothing was changed.", exit_codes.BAD_PASSPHRASE)
    return first


def read_new_passphrase(args: argparse.Namespace, *, prompt: str = "New passphrase: ",
                        file_attr: str = "passphrase_file", env: str = PASSPHRASE_ENV, attempts: int = 5) -> str:
    """A new passphrase, long enough. From a file or the environment a short one ends the command (exit code 3);
    at the prompt the user is told why and asked again (also when the repetition differs)."""
    if getattr(args, file_attr, None) or os.environ.get(env) or not sys.stdin or not sys.stdin.isatty():
        passphrase = read_passphrase(args, prompt=prompt, confirm=True, file_attr=file_attr, env=env)
        check_strength(passphrase)
        return passphrase
    for _attempt in range(attempts):
        try:
            passphrase = read_passphrase(args, prompt=prompt, confirm=True, file_attr=file_attr, env=env)
            check_strength(passphrase)
            return passphrase
        except CommandError as exc:
            print(f"{exc} Please try again.", file=sys.stderr)
    raise CommandError("No passphrase was chosen; nothing was changed.", exit_codes.BAD_PASSPHRASE)


def check_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise CommandError(
            f"The passphrase is too short: use at least {MIN_PASSPHRASE} characters "
            "(a few unrelated words are easy to type and hard to guess).",
            exit_codes.BAD_PASSPHRASE,
        )


def code_for(exc: StoreError) -> int:
    if isinstance(exc, WrongPassphrase):
        return exit_codes.BAD_PASSPHRASE
    if isinstance(exc, ProfileNotFound):
        return exit_codes.NO_PROFILE
    if isinstance(exc, KeyFileDamaged | DatabaseCorrupt | SchemaTooNew | PortableProfileInvalid | MigrationFailed):
        return exit_codes.PROFILE_DAMAGED
    if isinstance(exc, StorageFull | StorageNotWritable):
        return exit_codes.STORAGE
    if isinstance(exc, ProfileExists | KeychainUnavailable):
        return exit_codes.ERROR
    return exit_codes.ERROR


def open_store(args: argparse.Namespace) -> Store:
    """Unlock the profile: keychain first when it holds the key, else the passphrase."""
    profile = profile_of(args)
    if not profile.exists():
        raise ProfileNotFound(str(profile.directory))
    if not getattr(args, "passphrase_file", None) and not os.environ.get(PASSPHRASE_ENV):
        store = profile.unlock_from_keychain()
        if store is not None:
            return store
    return profile.unlock(read_passphrase(args))


def run_guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Wrap a handler so store errors and CommandErrors become a message on stderr and an exit code."""

    def wrapped(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except CommandError as exc:
            print(f"consult-desktop: {exc}", file=sys.stderr)
            return exc.code
        except StoreError as exc:
            print(f"consult-desktop: {exc}", file=sys.stderr)
            return code_for(exc)

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__
    return wrapped


def report_unexpected(exc: BaseException) -> None:
    """Log the type and code location of an unexpected error (never its message) and tell the user."""
    logging.getLogger("consult_desktop.crash").error("unexpected error: %s",
                                                     safe_report(type(exc), exc.__traceback__))
    print(f"consult-desktop: the command stopped because of an unexpected error ({type(exc).__name__}). "
          "Everything stored before it is intact. If it happens again, tell your support; the line above "
          "holds no patient data.", file=sys.stderr)
