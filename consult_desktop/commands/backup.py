"""`consult-desktop backup --out FILE` and `consult-desktop restore FILE`. Main thread only.

`backup` writes the GP's own data (prescriptions, medication decisions, acknowledgements, access log, server
settings without secrets) to FILE, encrypted under the profile's passphrase (see `store.backup`); on a
damaged database it saves whatever is still readable and names what was not (exit 5). `restore` creates a
fresh profile at the data directory, with the backup's passphrase, and puts that data back; hospital data
then comes back with a sync. Exit codes: 0 ok, 1 the target profile already exists, 3 wrong passphrase,
5 partly unreadable database, 13 the backup file cannot be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from consult_desktop import exit_codes
from consult_desktop.commands.common import CommandError, profile_of, read_passphrase, run_guarded
from consult_desktop.store.backup import BackupUnreadable, export_own_data, import_own_data, read_backup, write_backup

LABELS = {"gp_prescriptions": "prescriptions", "flag_acks": "decisions and acknowledgements",
          "audit_log": "access log entries", "servers": "server settings"}


@run_guarded
def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists():
        raise CommandError(f"{out} already exists; choose another file name (it was left untouched).",
                           exit_codes.USAGE)
    profile = profile_of(args)
    passphrase = read_passphrase(args)
    with profile.unlock(passphrase) as store:  # the backup is sealed with the profile's own passphrase
        data, unreadable = export_own_data(store)
        write_backup(out, {"tables": data}, passphrase)
        store.audit.write("backup-written", detail=f"{sum(len(rows) for rows in data.values())} rows")
    counts = ", ".join(f"{len(data[t])} {LABELS[t]}" for t in LABELS)
    print(f"Encrypted backup written to {out} ({counts}); it opens only with this profile's passphrase.")
    if unreadable:
        print("consult-desktop: these parts could not be read completely because the database is damaged: "
              f"{', '.join(LABELS[t] for t in unreadable)}. What was readable is in the backup.")
        return exit_codes.PROFILE_DAMAGED
    return exit_codes.OK


@run_guarded
def cmd_restore(args: argparse.Namespace) -> int:
    profile = profile_of(args)
    if profile.exists():
        raise CommandError(f"A profile already exists at {profile.directory}; a backup is restored into a fresh "
                           "profile: give another --data-dir (or wipe this one first).", exit_codes.ERROR)
    passphrase = read_passphrase(args, prompt="Passphrase of the backup: ")
    try:
        data = read_backup(Path(args.file), passphrase)
    except BackupUnreadable as exc:
        raise CommandError(str(exc), exit_codes.INPUT_INVALID) from exc
    tables = data.get("tables") if isinstance(data.get("tables"), dict) else {}
    with profile.create(passphrase) as store:
        counts = import_own_data(store, tables)
        store.audit.write("backup-restored", detail=f"{sum(counts.values())} rows")
    print(f"Restored into a fresh profile at {profile.directory}: "
          + ", ".join(f"{counts[t]} {LABELS[t]}" for t in LABELS)
          + ". Sign in again if needed (secrets are never in a backup), then sync to fetch the hospital data.")
    return exit_codes.OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("backup", parents=[common], help="export your own data, encrypted",
                              description="Write your prescriptions, medication decisions, acknowledgements, "
                              "access log and server settings to FILE, encrypted under this profile's "
                              "passphrase. Hospital data is not included: a sync fetches it again.")
    p.add_argument("--out", metavar="FILE", required=True, help="the backup file to create")
    p.set_defaults(func=cmd_backup)
    p = subparsers.add_parser("restore", parents=[common], help="restore a backup into a fresh profile",
                              description="Create a fresh profile at the data directory, with the backup's "
                              "passphrase, and put the backed-up data into it.")
    p.add_argument("file", metavar="FILE", help="a file written by `consult-desktop backup`")
    p.set_defaults(func=cmd_restore)
