"""`consult-desktop check [--json]`: look for damage in the encrypted database. Main thread only.

Runs the encryption (page authentication), consistency and search index checks of `store.integrity` and
says what is damaged and what to do. Exit codes: 0 no damage, 5 damage found (or the profile cannot be
opened at all).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from consult_desktop import exit_codes
from consult_desktop.commands.common import open_store, run_guarded
from consult_desktop.store.integrity import LAST_CHECK_KEY, check_integrity


@run_guarded
def cmd_check(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        report = check_integrity(store.conn)
        if not store.read_only and report.ok:
            store.settings.set(LAST_CHECK_KEY, datetime.now(UTC).isoformat(timespec="seconds"))
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.message())
    return exit_codes.OK if report.ok else exit_codes.PROFILE_DAMAGED


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("check", parents=[common], help="check the local database for damage",
                              description="Check every page's encryption, the database's consistency and the "
                              "document search index. Exit codes: 0 no damage, 5 damage found.")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.set_defaults(func=cmd_check)
