"""Profile sub-commands: `init`, `passwd`, `stats`, `wipe`. Main thread only."""

from __future__ import annotations

import argparse
import json
import sys

from consult_desktop import exit_codes
from consult_desktop.commands.common import (
    CommandError,
    open_store,
    profile_of,
    read_new_passphrase,
    read_passphrase,
    run_guarded,
)
from consult_desktop.record import actions
from consult_desktop.store import KeychainUnavailable, ProfileNotFound, Store


@run_guarded
def cmd_init(args: argparse.Namespace) -> int:
    profile = profile_of(args)
    if profile.exists():
        raise CommandError(f"A profile already exists at {profile.directory}; it was left untouched.",
                           exit_codes.ERROR)
    passphrase = read_new_passphrase(args)
    actions.create_profile(profile, passphrase).close()
    print(f"Encrypted profile created at {profile.directory}")
    if args.keychain:
        try:
            profile.enable_keychain(passphrase)
            print("The key is also kept in the system keychain; this computer unlocks without a passphrase.")
        except KeychainUnavailable as exc:
            print(f"consult-desktop: {exc}. The profile works with its passphrase.", file=sys.stderr)
    return exit_codes.OK


@run_guarded
def cmd_passwd(args: argparse.Namespace) -> int:
    profile = profile_of(args)
    if not profile.exists():
        raise ProfileNotFound(str(profile.directory))
    old = read_passphrase(args, prompt="Current passphrase: ")
    new = read_new_passphrase(args, file_attr="new_passphrase_file", env="CONSULT_NEW_PASSPHRASE")
    profile.change_passphrase(old, new)
    with profile.unlock(new) as store:
        actions.passphrase_changed(store)
    print("Passphrase changed. The database was not re-encrypted; only the key file was rewritten.")
    return exit_codes.OK


@run_guarded
def cmd_stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.patient:
            matches = store.find_patient(args.patient)
            if not matches:
                raise CommandError("No patient with that id or SSIN in this profile.", exit_codes.ERROR)
            stats = _person_stats(store, store.person_keys(*matches[0]))
        else:
            stats = store.stats()
    if args.json:
        print(json.dumps(stats, indent=2))
        return exit_codes.OK
    print(f"Patients:     {stats['patients']}")
    print("Resources:")
    for rtype, count in stats["resources"].items():
        print(f"  {rtype:<22} {count:>8}")
    print(f"Quarantined:  {stats['quarantined']}")
    print(f"Attachments:  {stats['attachments']['count']} ({stats['attachments']['bytes']:,} bytes)")
    print(f"Last sync:    {stats['last_sync'] or 'never'}")
    return exit_codes.OK


def _person_stats(store: Store, keys: list[tuple[str, str]]) -> dict:
    """One person's counts, summed over the hospitals that know them (same SSIN)."""
    parts = [store.stats(pid, sid) for sid, pid in keys]
    out = parts[0]
    for more in parts[1:]:
        out["patients"] += more["patients"]
        out["quarantined"] += more["quarantined"]
        for rtype, n in more["resources"].items():
            out["resources"][rtype] = out["resources"].get(rtype, 0) + n
        for name in ("count", "bytes"):
            out["attachments"][name] += more["attachments"][name]
    out["resources"] = dict(sorted(out["resources"].items()))
    out["patients"] = 1 if out["patients"] else 0  # one person
    return out


@run_guarded
def cmd_wipe(args: argparse.Namespace) -> int:
    profile = profile_of(args)
    if not profile.exists():
        raise ProfileNotFound(str(profile.directory))
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise CommandError("Refusing to wipe without confirmation: add --yes.", exit_codes.USAGE)
        answer = input(f"Remove the profile at {profile.directory} and its keychain entry? Type 'wipe': ")
        if answer.strip().lower() != "wipe":
            print("Nothing was removed.")
            return exit_codes.CANCELLED
    actions.wipe_profile(profile)
    print(f"Profile removed from {profile.directory}.")
    return exit_codes.OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("init", parents=[common], help="create an encrypted profile",
                              description="Create the encrypted profile (database and key file).")
    p.add_argument("--keychain", action="store_true",
                   help="also keep the key in the system keychain (Windows/macOS) to unlock without typing")
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("passwd", parents=[common], help="change the passphrase",
                              description="Change the passphrase: the data key is re-wrapped, the database "
                              "is not re-encrypted. The new passphrase comes from --new-passphrase-file, "
                              "CONSULT_NEW_PASSPHRASE, or a prompt.")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE")
    p.set_defaults(func=cmd_passwd)

    p = subparsers.add_parser("stats", parents=[common], help="count what the profile holds",
                              description="Count patients, resources per type, quarantined resources and "
                              "attachments, and show the last successful sync.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--patient", metavar="ID", help="only this patient (resource id or SSIN)")
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser("wipe", parents=[common], help="remove the profile from this computer",
                              description="Remove the profile directory's database and key file, and the "
                              "keychain entry, after confirmation.")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_wipe)
