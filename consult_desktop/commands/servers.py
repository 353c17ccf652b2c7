"""`consult-desktop server add URL ...`, `server list [--json]`, `server remove ID`: the list of hospital
servers of a profile. Main thread only.

`server set` (in `commands.sync`) stays the single-server command; `add` keeps the servers already there.
Removing a server asks for confirmation (or `--yes`) and purges its cached data in one transaction.
"""

from __future__ import annotations

import argparse
import json
import sys

from consult_desktop import exit_codes
from consult_desktop.commands.common import CommandError, open_store, run_guarded
from consult_desktop.fhir.errors import ConfigurationError

# The record layer is imported by the handlers that use it: `sync` registers these commands too, and its
# start-up should not pay for them.


@run_guarded
def cmd_server_add(args: argparse.Namespace) -> int:
    from consult_desktop.commands.sync import server_settings_from_args
    from consult_desktop.record import actions, queries

    config, secrets = server_settings_from_args(args)
    with open_store(args) as store:
        try:
            server_id = actions.add_server(store, config, name=args.name, **secrets)
        except ConfigurationError as exc:
            raise CommandError(str(exc), exit_codes.USAGE) from exc
        count = len(queries.servers(store))
    print(f"Hospital server added: {config.base_url} (authentication: {config.auth_kind}, role: {config.role}, "
          f"id {server_id}); {count} server(s) in this profile.")
    if config.auth_kind == "smart":
        print(f"Sign in before the first sync: `consult-desktop server sign-in --server {server_id}`.")
    return exit_codes.OK


@run_guarded
def cmd_server_list(args: argparse.Namespace) -> int:
    from consult_desktop.record import queries

    with open_store(args) as store:
        entries = queries.servers(store)
    if args.json:
        print(json.dumps([e.to_dict() for e in entries], indent=2))
        return exit_codes.OK
    if not entries:
        print("No hospital server is configured: `consult-desktop server add URL`.")
    for e in entries:
        print(f"{e.id}  {e.name}  {e.base_url}  auth {e.auth_kind}, role {e.role}, "
              f"last sync {e.last_sync or 'never'}")
    return exit_codes.OK


@run_guarded
def cmd_server_remove(args: argparse.Namespace) -> int:
    from consult_desktop.record import actions, queries

    with open_store(args) as store:
        known = {e.id: e for e in queries.servers(store)}
        entry = known.get(args.id)
        if entry is None:
            raise CommandError(f"No server {args.id} in this profile: see `consult-desktop server list`.",
                               exit_codes.USAGE)
        if not args.yes:
            if not sys.stdin or not sys.stdin.isatty():
                raise CommandError("Refusing to remove a server without confirmation: add --yes.",
                                   exit_codes.USAGE)
            answer = input(f"Remove {entry.name} ({entry.base_url}) and every record cached from it? "
                           "Type 'remove': ")
            if answer.strip().lower() != "remove":
                print("Nothing was removed.")
                return exit_codes.CANCELLED
        actions.remove_server(store, entry.id)
    print(f"Server {entry.id} removed, with the records cached from it.")
    return exit_codes.OK


def register_actions(server_sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from consult_desktop.commands.sync import add_server_options

    p = server_sub.add_parser("add", parents=[common], help="add a hospital server to the profile",
                              description="Add a hospital FHIR R4 server; the servers already configured are "
                              "kept. Same authentication options as `server set`.")
    add_server_options(p)
    p.add_argument("--name", metavar="NAME", help="the name shown beside its records (default: its host)")
    p.set_defaults(func=cmd_server_add)
    p = server_sub.add_parser("list", parents=[common], help="list the hospital servers",
                              description="List the configured servers: id, name, address, authentication, "
                              "role and last successful sync.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_server_list)
    p = server_sub.add_parser("remove", parents=[common], help="remove a hospital server and its records",
                              description="Remove a server and, in one transaction, every record cached from "
                              "it, after confirmation.")
    p.add_argument("id", metavar="ID", help="the server id (see `server list`)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_server_remove)
