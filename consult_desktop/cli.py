"""Command line entry point: argparse sub-commands; no command starts the desktop application.

Runs on the main thread. An unexpected exception never prints a traceback: its type and code location are
logged (as the window's crash guard does), a clear message is printed, and the exit code is 1.
Each sub-command lives in `consult_desktop.commands.<name>` and exposes `register(subparsers, common)`,
where `common` is the parent parser carrying the options every command accepts (`--data-dir`,
`--passphrase-file`). Handlers return an exit code from `exit_codes`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from consult_desktop import __version__, exit_codes

# Sub-command modules, in the order they appear in --help.
COMMAND_MODULES = (
    "consult_desktop.commands.profile",
    "consult_desktop.commands.sync",
    "consult_desktop.commands.check",
    "consult_desktop.commands.backup",
    "consult_desktop.commands.interactions",
    "consult_desktop.commands.prescriptions",
    "consult_desktop.commands.demo_server",
    "consult_desktop.commands.screenshots",
)


def common_options() -> argparse.ArgumentParser:
    """Options accepted before and after the sub-command name (`consult-desktop --data-dir D stats`)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="profile directory (default: CONSULT_DATA_DIR, else the per-user data directory)",
    )
    parent.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the passphrase from the first line of FILE (else CONSULT_PASSPHRASE, else a prompt)",
    )
    parent.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log progress to standard error (ids and counts only)")
    return parent


# Which module registers each command name: a command imports only its own module (fast start). A name not
# listed here (or no name, or --help) registers every module, so a new command works before it is listed.
COMMAND_OWNERS = {
    "init": "profile", "passwd": "profile", "stats": "profile", "wipe": "profile",
    "server": "sync", "sync": "sync", "check": "check", "backup": "backup", "restore": "backup",
    "interactions": "interactions", "prescriptions": "prescriptions", "demo-server": "demo_server",
    "screenshots": "screenshots",
}
_VALUE_OPTIONS = frozenset({"--data-dir", "--passphrase-file"})


def command_name(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line (the first word that is neither an option nor its value)."""
    expect_value = False
    for arg in argv:
        if expect_value:
            expect_value = False
        elif arg in _VALUE_OPTIONS:
            expect_value = True
        elif arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def command_modules(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules to register for this command line: its command's own, or all of them."""
    name = command_name(sys.argv[1:] if argv is None else argv)
    owner = COMMAND_OWNERS.get(name or "")
    if owner is None:
        return COMMAND_MODULES
    return (f"consult_desktop.commands.{owner}",)


def build_parser(argv: Sequence[str] | None = None, *, every_command: bool = True) -> argparse.ArgumentParser:
    """The parser; with `every_command` False, only the commands of the module that owns `argv`'s command."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="consult-desktop",
        description="Hospital records for your patients, offline, in an encrypted local profile. "
        "Without a command, the desktop application starts.",
        parents=[common],
        epilog="Exit codes: 0 ok, 1 error, 2 usage, 3 wrong passphrase, 4 no profile, 5 profile damaged, "
        "6 storage (disk full, read-only), 10 partial sync, 11 authentication failed, "
        "12 server unreachable, 13 invalid input file, 14 file about another patient, 130 cancelled.",
    )
    parser.add_argument("--version", action="version", version=f"consult-desktop {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="start the embedded demo hospital with a demo profile, sync, and open the app")
    parser.add_argument("--selftest", action="store_true",
                        help="check encryption, knowledge base, rendering and PDF viewing, then exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if every_command else command_modules(argv):
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv, every_command=False)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if getattr(args, "selftest", False):
            from consult_desktop.selftest import run_selftest

            return run_selftest()
        if args.command is None:
            from consult_desktop.app import run_gui

            return run_gui(args)
        return int(args.func(args))
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return exit_codes.CANCELLED
    except Exception as exc:  # the command line's crash guard: no traceback, no message text
        from consult_desktop.commands.common import report_unexpected

        report_unexpected(exc)
        return exit_codes.ERROR



if __name__ == "__main__":
    raise SystemExit(main())
