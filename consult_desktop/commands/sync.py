"""`consult-desktop server set ...` and `consult-desktop sync [--json] [--patient ID]`. Main thread only.

`sync` draws a progress bar on a terminal (stderr) and prints a summary; with `--json` it prints the
report as JSON. Exit codes: 0 ok, 10 partial, 11 sign in again / credentials refused, 12 server unreachable
(the cache is unchanged and usable), 130 cancelled, 1 other failures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from consult_desktop import exit_codes
from consult_desktop.commands.common import (
    CommandError,
    code_for,
    open_store,
    profile_of,
    report_unexpected,
    run_guarded,
)
from consult_desktop.fhir.errors import ConfigurationError, FhirError
from consult_desktop.store import StoreError
from consult_desktop.sync.progress import CancelToken, SyncProgress, SyncReport, SyncStage, SyncStatus

# The sync machinery (HTTP client, engine, record layer) is imported when a command runs, not at start-up;
# `sync` imports it on a helper thread, after the servers' `metadata` requests are answered (at most 0.3 s).
# The key derivation (Argon2id in `cryptography`) holds the GIL while it runs, so no Python thread overlaps
# it: the requests, which the sync needs first anyway, go before it.
SYNC_MODULES = ("consult_desktop.sync.setup", "consult_desktop.fhir.client", "consult_desktop.sync.engine",
                "consult_desktop.fhir.validation_pool")

STATUS_CODES = {
    SyncStatus.OK: exit_codes.OK,
    SyncStatus.PARTIAL: exit_codes.SYNC_PARTIAL,
    SyncStatus.AUTH_FAILED: exit_codes.AUTH_FAILED,
    SyncStatus.UNREACHABLE: exit_codes.SERVER_UNREACHABLE,
    SyncStatus.CANCELLED: exit_codes.CANCELLED,
    SyncStatus.FAILED: exit_codes.ERROR,
}
AUTH_CHOICES = {"none": "none", "bearer": "bearer", "client-credentials": "client-credentials", "smart": "smart"}


def _env_secret(name: str | None, what: str) -> str | None:
    if not name:
        return None
    value = os.environ.get(name)
    if not value:
        raise CommandError(f"The environment variable {name} ({what}) is not set.", exit_codes.USAGE)
    return value


def server_settings_from_args(args: argparse.Namespace) -> tuple[Any, dict]:
    """The server's settings and its secrets (client_secret, token, private_key_pem, options) from the
    options shared by `server set` and `server add`."""
    from consult_desktop.fhir.server_config import ServerConfig
    from consult_desktop.sync.options import SyncOptions

    private_key = None
    if args.private_key:
        try:
            private_key = Path(args.private_key).read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot read the private key {args.private_key}: {exc.strerror}",
                               exit_codes.USAGE) from exc
    try:
        config = ServerConfig(
            base_url=args.url, auth_kind=args.auth, client_id=args.client_id or "",
            client_auth="private_key_jwt" if private_key else (args.client_auth or "client_secret_basic"),
            key_id=args.key_id or "", token_url=args.token_url or "", authorize_url=args.authorize_url or "",
            scope=args.scope or "", ca_bundle=args.ca_bundle, role=args.role,
        )
    except ConfigurationError as exc:
        raise CommandError(str(exc), exit_codes.USAGE) from exc
    secret = _env_secret(args.client_secret_env, "client secret")
    token = _env_secret(args.token_env, "access token")
    if args.auth == "bearer" and not token:
        raise CommandError("Bearer authentication needs --token-env VAR.", exit_codes.USAGE)
    if args.auth == "client-credentials" and not (secret or private_key):
        raise CommandError("Client credentials need --client-secret-env VAR or --private-key FILE.",
                           exit_codes.USAGE)
    options = SyncOptions(strategy=args.strategy, group_id=args.group, general_practitioner=args.gp_reference)
    return config, {"client_secret": secret, "token": token, "private_key_pem": private_key, "options": options}


@run_guarded
def cmd_server_set(args: argparse.Namespace) -> int:
    from consult_desktop.record import actions

    config, secrets = server_settings_from_args(args)
    with open_store(args) as store:
        try:
            server_id = actions.save_server_settings(store, config, **secrets)
        except ConfigurationError as exc:
            raise CommandError(str(exc), exit_codes.USAGE) from exc
    print(f"Hospital server set: {config.base_url} (authentication: {config.auth_kind}, role: {config.role}, "
          f"id {server_id}).")
    if config.auth_kind == "smart":
        print("Sign in before the first sync: `consult-desktop server sign-in`, or Sign in in the application.")
    return exit_codes.OK


@run_guarded
def cmd_server_sign_in(args: argparse.Namespace) -> int:
    import webbrowser

    from consult_desktop.sync.setup import sign_in

    profile = profile_of(args)
    with open_store(args) as store:
        data_key = store.data_key
    assert data_key is not None

    def open_browser(url: str) -> bool:
        print("Sign in with the hospital in your browser. If it does not open, visit:")
        print(f"  {url}", flush=True)
        webbrowser.open(url)
        return True  # the printed address works too, on a machine without a browser

    try:
        sign_in(profile, data_key, open_browser, server_id=getattr(args, "server", None))
    except FhirError as exc:
        raise CommandError(str(exc), exit_codes.AUTH_FAILED) from exc
    print("Signed in. The sign-in is kept in the encrypted profile; sync can run unattended until it expires.")
    return exit_codes.OK


class ProgressLine:
    """A one-line progress bar on stderr when it is a terminal; nothing otherwise."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, p: SyncProgress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and p.stage != SyncStage.DONE:
            return
        self.last = now
        if p.total:
            width = 30
            filled = int(width * min(p.done, p.total) / p.total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total}"
        else:
            bar = f"{p.done}" if p.done else ""
        text = f"\r{p.stage:<12} {bar} {p.message}"[:100]
        sys.stderr.write(text.ljust(100))
        sys.stderr.flush()
        if p.stage == SyncStage.DONE:
            sys.stderr.write("\n")


def cmd_sync(args: argparse.Namespace) -> int:
    """`sync`; with `--json` a JSON report is printed whatever happens (a scheduled task reads it)."""
    if not args.json:
        return run_guarded(_sync)(args)
    try:
        return _sync(args)
    except KeyboardInterrupt:
        return _json_failure(SyncReport(SyncStatus.CANCELLED, "Sync cancelled; what was received so far is kept."))
    except CommandError as exc:
        return _json_failure(SyncReport(SyncStatus.FAILED, str(exc)), exc.code)
    except StoreError as exc:
        return _json_failure(SyncReport(SyncStatus.FAILED, str(exc)), code_for(exc))
    except Exception as exc:
        report_unexpected(exc)
        return _json_failure(SyncReport(SyncStatus.FAILED, f"Unexpected error ({type(exc).__name__}); everything "
                                        "stored before it is intact."))


def _json_failure(report: SyncReport, code: int | None = None) -> int:
    print(json.dumps(report.to_dict(), indent=2))
    return STATUS_CODES[report.status] if code is None else code


def run_sync(*args: Any, **kwargs: Any) -> SyncReport:
    """`sync.setup.run_sync`, imported when the command runs."""
    from consult_desktop.sync.setup import run_sync as run

    return run(*args, **kwargs)


def configured_servers(store: Any) -> list:
    from consult_desktop.sync.setup import configured_servers as servers

    return servers(store)


def _import_sync_modules(metadata: Any = None) -> None:
    import importlib

    if metadata is not None:
        metadata.wait(timeout=0.3)  # the servers' `metadata` requests go out first
    for name in SYNC_MODULES:
        importlib.import_module(name)


def _start_metadata_requests(profile: Any) -> Any:
    """Each configured server's CapabilityStatement, asked for while the passphrase is being checked (from
    the plain copy of the addresses; no credentials; used only if the encrypted settings agree)."""
    from consult_desktop.sync.metadata_prefetch import MetadataPrefetch

    return MetadataPrefetch.start(profile.directory)


def _sync(args: argparse.Namespace) -> int:
    profile = profile_of(args)
    metadata = _start_metadata_requests(profile) if profile.exists() else None
    loader = threading.Thread(target=_import_sync_modules, args=(metadata,), name="consult-imports", daemon=True)
    loader.start()
    if metadata is not None:
        metadata.wait(timeout=0.3)  # before the key derivation, which lets no other thread run
    from consult_desktop.domain.roles import ALL_RESOURCE_TYPES
    from consult_desktop.fhir import validation_pool

    if profile.exists():  # worker processes (if there are cores for them) load the models while this one unlocks
        validation_pool.start_early(ALL_RESOURCE_TYPES)
    try:
        return _unlocked_sync(args, profile, loader, metadata)
    finally:
        validation_pool.discard_early()


def _unlocked_sync(args: argparse.Namespace, profile: Any, loader: threading.Thread, metadata: Any) -> int:
    with open_store(args) as store:
        loader.join()
        data_key = store.data_key
        from consult_desktop.sync.server_settings import refresh_addresses

        refresh_addresses(store)  # a profile from an older version gets its copy; a stale one is renewed
        if not configured_servers(store):
            raise CommandError("No hospital server is configured: run `consult-desktop server set URL` first.",
                               exit_codes.USAGE)
        server_id = args.server
        if server_id is not None and server_id not in {s[0] for s in configured_servers(store)}:
            raise CommandError(f"No server {server_id} in this profile: see `consult-desktop server list`.",
                               exit_codes.USAGE)
        patient = None
        if args.patient:
            matches = [m for m in store.find_patient(args.patient) if server_id is None or m[0] == server_id]
            patient = matches[0][1] if matches else args.patient
            server_id = matches[0][0] if matches else server_id
    assert data_key is not None
    cancel = CancelToken()
    try:
        report = run_sync(profile, data_key, None if args.json else ProgressLine(), cancel, patient,
                          server_id=server_id, metadata=metadata)
    except KeyboardInterrupt:
        cancel.cancel()
        raise
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(f"{report.message} Strategy: {report.strategy or '-'}; {report.patients} patients; "
              f"{report.resources_written} resources stored, {report.resources_deleted} removed, "
              f"{report.resources_hidden} hidden, {report.quarantined} quarantined, {report.attachments} "
              f"attachments; {report.patients_purged} patients no longer authorised; "
              f"{report.requests} requests in {report.seconds:.1f} s.")
        for each in report.servers if len(report.servers) > 1 else ():
            print(f"  {each.name} ({each.server_id}): {each.report.status.value}, {each.report.patients} patients, "
                  f"{each.report.resources_written} resources stored")
        if report.audit_events_sent or report.audit_events_pending:
            print(f"  access reports: {report.audit_events_sent} sent, {report.audit_events_pending} pending"
                  + (f" ({report.audit_problem})" if report.audit_problem else ""))
        for problem in report.problems[:20]:
            print(f"  problem: {problem}")
    if report.status == SyncStatus.UNREACHABLE and not args.json:
        print("The local copy is unchanged and can be used offline.", file=sys.stderr)
    if report.status == SyncStatus.AUTH_FAILED and not args.json:
        print("Sign in again, or check the server credentials.", file=sys.stderr)
    return STATUS_CODES[report.status]


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    server = subparsers.add_parser("server", parents=[common], help="configure the hospital server",
                                   description="Configure the hospital FHIR server of this profile.")
    server_sub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    p = server_sub.add_parser("set", parents=[common], help="set the server address and authentication",
                              description="Set the hospital FHIR R4 server when the profile has one server "
                              "(another address replaces it). Secrets are read from environment "
                              "variables or files and stored only in the encrypted profile.")
    add_server_options(p)
    p.set_defaults(func=cmd_server_set)
    p = server_sub.add_parser("sign-in", parents=[common], help="sign in with the hospital (SMART, system browser)",
                              description="Open the hospital's sign-in page in the system browser (SMART App "
                              "Launch with PKCE); the refresh token is kept in the encrypted profile.")
    p.add_argument("--server", metavar="ID", help="the server to sign in with (default: the last one added)")
    p.set_defaults(func=cmd_server_sign_in)
    from consult_desktop.commands import servers

    servers.register_actions(server_sub, common)

    p = subparsers.add_parser("sync", parents=[common], help="fetch what changed at the hospital",
                              description="Sync the authorised patients' records into the encrypted profile. "
                              "Exit codes: 0 ok, 10 partial, 11 authentication failed, 12 server unreachable.")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--patient", metavar="ID", help="only this patient (resource id or SSIN)")
    p.add_argument("--server", metavar="ID", help="only this server (see `server list`; default: every server)")
    p.set_defaults(func=cmd_sync)


def add_server_options(p: argparse.ArgumentParser) -> None:
    """The address, authentication, role and sync options of `server set` and `server add`."""
    p.add_argument("url", help="FHIR base URL (https; plain http only to this computer)")
    p.add_argument("--auth", choices=list(AUTH_CHOICES), default="smart", help="authentication (default: smart)")
    p.add_argument("--client-id", metavar="ID")
    p.add_argument("--client-secret-env", metavar="VAR", help="environment variable holding the client secret")
    p.add_argument("--client-auth", choices=["client_secret_basic", "client_secret_post"], default=None,
                   help="how the client secret is sent (default: basic)")
    p.add_argument("--private-key", metavar="FILE", help="PEM private key for private_key_jwt (SMART Backend)")
    p.add_argument("--key-id", metavar="KID", help="key id (kid) of the private key")
    p.add_argument("--token-env", metavar="VAR", help="environment variable holding a static bearer token")
    p.add_argument("--token-url", metavar="URL", help="token endpoint (default: SMART discovery)")
    p.add_argument("--authorize-url", metavar="URL", help="authorization endpoint (default: SMART discovery)")
    p.add_argument("--scope", metavar="S", help="OAuth scopes (default for SMART: openid fhirUser "
                   "offline_access user/*.rs)")
    p.add_argument("--ca-bundle", metavar="FILE", help="extra CA bundle (default: the system trust store)")
    p.add_argument("--role", choices=["gp", "nurse", "physio"], default="gp",
                   help="what is fetched and shown (default: gp, everything)")
    p.add_argument("--group", metavar="ID", help="authorised patients = members of Group/ID (enables Bulk export)")
    p.add_argument("--gp-reference", metavar="REF",
                   help="authorised patients = Patient?general-practitioner=REF")
    p.add_argument("--strategy", choices=["auto", "export", "type-search", "patient-search", "everything"],
                   default="auto", help="how changes are fetched (default: chosen from server capabilities)")
