"""`consult-desktop demo-server`: run the synthetic demo hospital's FHIR server on this computer.

Main thread only. Prints the base URL, the demo OAuth client credentials and a ready bearer token (demo
credentials of a server that holds synthetic data only), then serves on 127.0.0.1 until Ctrl+C (exit 0).
With `--hospital NAME --seed S --shared-patients N`, two demo hospitals of different seeds share N persons
(matched by SSIN; different patient ids, stays and documents), and each accepts access reports
(`PUT AuditEvent/{id}`). The demo package is imported only when the command runs, so the rest of the
command line stays light.
"""

from __future__ import annotations

import argparse
import sys
import time

from consult_desktop import exit_codes


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def cmd_demo_server(args: argparse.Namespace) -> int:
    from consult_desktop.demo.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_PUBLIC_CLIENT_ID
    from consult_desktop.demo.hospital import DemoHospital
    from consult_desktop.demo.server import DemoServer

    started = time.perf_counter()
    hospital = DemoHospital(args.patients, args.seed, hospital_name=args.hospital,
                            shared_patients=args.shared_patients)
    server = DemoServer(hospital, port=args.port, auth=args.auth, admin=args.admin, latency_ms=args.latency_ms,
                        error_rate=args.error_rate, rate_limit=args.rate_limit, export_delay=args.export_delay)
    try:
        server.start()
    except OSError as exc:
        print(f"consult-desktop: cannot listen on 127.0.0.1:{args.port} ({exc.strerror or exc}).", file=sys.stderr)
        return exit_codes.ERROR
    practitioner = hospital.default_practitioner_id
    lines = [
        f"Demo hospital {hospital.name}: {args.patients} synthetic patients (seed {args.seed}, "
        f"{hospital.shared_patients} shared with other demo hospitals), "
        f"{hospital.resource_count():,} resources, ready in {time.perf_counter() - started:.1f} s",
        f"FHIR base URL:        {server.base_url}",
        f"Signed-in GP:         {practitioner} "
        f"({len(hospital.authorised_patient_ids(practitioner))} patients with an active relationship)",
    ]
    if args.auth == "token":
        lines += [
            f"Token endpoint:       {server.token_url}",
            f"Authorize endpoint:   {server.authorize_url}",
            f"Client (confidential): id {DEMO_CLIENT_ID}  secret {DEMO_CLIENT_SECRET}",
            f"Client (public, PKCE): id {DEMO_PUBLIC_CLIENT_ID}",
            f"Bearer token (1 h):   {server.issue_token(practitioner)}",
        ]
    else:
        lines.append("Authentication:       none (every request acts as the signed-in GP)")
    if server.admin is not None:
        lines.append(f"Admin endpoints:      {server.root_url}/admin/... with header "
                     f"X-Admin-Secret: {server.admin.secret}")
    lines.append("Serving until Ctrl+C.")
    print("\n".join(lines), flush=True)
    try:
        while True:
            time.sleep(0.5)  # time.sleep is interruptible by Ctrl+C on every platform
    except KeyboardInterrupt:
        print("Stopping the demo server.", file=sys.stderr)
    finally:
        server.stop()
    return exit_codes.OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "demo-server", parents=[common], help="run the synthetic demo hospital's FHIR server",
        description="Serve a deterministic synthetic Belgian hospital (FHIR R4, SMART/OAuth, Bulk Data) on "
        "127.0.0.1 until Ctrl+C. All data is invented; the printed credentials are demo credentials.")
    p.add_argument("--port", type=int, default=8765, help="TCP port on 127.0.0.1 (default 8765; 0 = any free port)")
    p.add_argument("--patients", type=int, default=40, metavar="N", help="number of patients (default 40)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed of the hospital (default 1)")
    p.add_argument("--hospital", metavar="NAME", default=None, help="the hospital's name (default: the demo "
                   "hospital of Brussels)")
    p.add_argument("--shared-patients", type=int, default=0, metavar="N",
                   help="the first N persons are the same people (name, birth date, SSIN) in every demo "
                   "hospital started with this option, with other stays and documents (default 0)")
    p.add_argument("--auth", choices=("token", "none"), default="token",
                   help="token: OAuth 2.0 bearer tokens (default); none: no authentication")
    p.add_argument("--latency-ms", type=float, default=0.0, metavar="MS", help="delay added to every answer")
    p.add_argument("--error-rate", type=_fraction, default=0.0, metavar="F",
                   help="fraction of requests answered 500/503")
    p.add_argument("--rate-limit", type=_fraction, default=0.0, metavar="F",
                   help="fraction of requests answered 429 (Retry-After: 1)")
    p.add_argument("--export-delay", type=float, default=2.0, metavar="S",
                   help="seconds before a bulk export is ready (default 2)")
    p.add_argument("--admin", action="store_true",
                   help="enable the /admin endpoints (tests), protected by a random secret printed at start")
    p.set_defaults(func=cmd_demo_server)
