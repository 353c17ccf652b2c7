"""`consult-desktop --selftest`: prove that this installation (pip or frozen bundle) really works, then exit.

Each check prints one line, `PASS <name>: <detail>` or `FAIL <name>: <reason>`, and the exit code is 0 only
when every check passed. The checks use a throw-away encrypted profile in a temporary directory (random
passphrase, never shown) holding one synthetic patient and one generated PDF; nothing is written to the
user's profile, preferences, caches or keychain, and the temporary directory is removed at the end.

Checks: encryption (SQLCipher 4.x, no plaintext header, the key file unwraps and refuses a wrong
passphrase), the medication knowledge base (two well-known interactions), FHIR validation (the R4B models
that are imported by name at run time), the keychain backend of this platform, TLS with the system trust
store, the translations, the main window rendered off screen, and a PDF that goes into the store, comes
back out and is shown by the document viewer. The window is drawn with the offscreen platform when no
display is available (and `QT_QPA_PLATFORM` is not set). Resources are found through importlib.resources,
which works the same installed and frozen.

Runs on the main thread, which becomes the GUI thread for the window checks.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TextIO

from consult_desktop import __version__, exit_codes
from consult_desktop.check_failed import CheckFailed

SERVER = "selftest"
PATIENT_ID = "selftest-patient"
PDF_ID = "selftest-pdf"
PDF_MARKER = "Consult Desktop self-test page"
LANGUAGES = ("en", "fr", "nl")
# The platform's own keychain backend (module names as in keyring's entry points).
KEYCHAIN_MODULES = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}
LINUX_KEYCHAIN_MODULE = "keyring.backends.SecretService"


@dataclass(frozen=True)
class Outcome:
    name: str
    passed: bool
    detail: str


@dataclass
class Context:
    """What later checks need from earlier ones."""

    directory: Path
    passphrase: str
    profile: object | None = None  # consult_desktop.store.Profile once the encryption check passed
    pdf: bytes | None = None  # the PDF as read back from the store


# -- plain checks ---------------------------------------------------------------------------------------------
def make_pdf() -> bytes:
    """A one-page PDF with a line of text, made in memory."""
    import datetime as dt

    from consult_desktop.demo.pdf_writer import SimplePdf

    pdf = SimplePdf("Consult Desktop self-test", dt.datetime(2024, 1, 1, tzinfo=dt.UTC), creator="Consult Desktop")
    pdf.set_font("", 16)
    pdf.line(PDF_MARKER, 12)
    return pdf.output()


def check_encryption(ctx: Context) -> str:
    from consult_desktop.store import KdfParams, Profile, WrongPassphrase

    profile = Profile.resolve(ctx.directory / "profile")
    pdf = make_pdf()
    with profile.create(ctx.passphrase, kdf=KdfParams()) as store:
        version = store.cipher_version()
        if not version.startswith("4."):
            raise CheckFailed(f"PRAGMA cipher_version is {version!r}, expected SQLCipher 4.x")
        store.resources.put_many(SERVER, [_synthetic_patient(), _synthetic_document()])
        store.resources.put_attachment(SERVER, "DocumentReference", PDF_ID, 0, content_type="application/pdf",
                                       url=None, data=pdf)
    with profile.db_path.open("rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise CheckFailed("the database file starts with a plaintext SQLite header")
    try:
        profile.unlock(ctx.passphrase + "-wrong").close()
    except WrongPassphrase:
        pass
    else:
        raise CheckFailed("a wrong passphrase opened the profile")
    with profile.unlock(ctx.passphrase) as store:
        attachment = store.resources.get_attachment(SERVER, "DocumentReference", PDF_ID)
        patients = len(store.patient_summaries())
    if attachment is None or attachment.data != pdf:
        raise CheckFailed("the PDF read back from the store differs from the one written")
    if patients != 1:
        raise CheckFailed(f"expected 1 patient in the profile, found {patients}")
    ctx.profile = profile
    ctx.pdf = attachment.data
    return f"SQLCipher {version}; file has no plaintext header; key file unlocks and refuses a wrong passphrase"


def _synthetic_patient() -> dict:
    return {"resourceType": "Patient", "id": PATIENT_ID,
            "meta": {"versionId": "1", "lastUpdated": "2024-01-01T00:00:00Z"},
            "name": [{"family": "Selftest", "given": ["Synthetic"]}], "gender": "unknown"}


def _synthetic_document() -> dict:
    return {"resourceType": "DocumentReference", "id": PDF_ID, "status": "current",
            "meta": {"versionId": "1", "lastUpdated": "2024-01-01T00:00:00Z"},
            "subject": {"reference": f"Patient/{PATIENT_ID}"},
            "content": [{"attachment": {"contentType": "application/pdf", "url": f"Binary/{PDF_ID}"}}]}


def check_knowledge_base(ctx: Context) -> str:
    from consult_desktop.meds.checker import check
    from consult_desktop.meds.knowledge_base import load_knowledge_base

    kb = load_knowledge_base()
    expected = (("warfarin 5 mg", "ibuprofen 400 mg", "major"),
                ("clarithromycin 500 mg", "simvastatin 40 mg", "contraindicated"))
    found = []
    for hospital, gp, severity in expected:
        result = check([_statement("h1", hospital)], [_statement("g1", gp)], kb=kb)
        flags = [f for f in result.flags if f.kind == "interaction" and f.severity == severity]
        if not flags:
            seen = ", ".join(f"{f.severity} {f.rule_id}" for f in result.flags) or "no flag"
            raise CheckFailed(f"{hospital} + {gp}: expected a {severity} interaction, got {seen}")
        found.append(f"{flags[0].summary} ({severity})")
    return f"{len(kb.ingredients)} ingredients; " + "; ".join(found)


def _statement(rid: str, text: str) -> dict:
    return {"resourceType": "MedicationStatement", "id": rid, "status": "active",
            "medicationCodeableConcept": {"text": text}}


def check_fhir_validation(ctx: Context) -> str:
    from consult_desktop.fhir.validation import model_class, validate_resource

    types = ("Patient", "DocumentReference", "DiagnosticReport", "Observation", "MedicationRequest",
             "AllergyIntolerance", "Encounter")
    missing = [rtype for rtype in types if model_class(rtype) is None]
    if missing:
        raise CheckFailed(f"R4B models not found: {', '.join(missing)}")
    error = validate_resource({"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1980-02-29"})
    if error is not None:
        raise CheckFailed(f"a valid Patient was rejected: {error}")
    if validate_resource({"resourceType": "Observation", "id": "o1", "status": "final"}) is None:
        raise CheckFailed("an Observation without its required code was accepted")
    from consult_desktop.fhir.validation_pool import PoolValidator

    pool = PoolValidator(2, ("Patient", "Observation"))  # the sync's worker processes start and answer
    try:
        results = pool.submit([{"resourceType": "Patient", "id": "p1", "gender": "female"},
                               {"resourceType": "Observation", "id": "o1", "status": "final"}]).result()
    finally:
        pool.close()
    if results[0] is not None or results[1] is None:
        raise CheckFailed("validation in worker processes disagrees with validation in this process")
    return (f"R4B models load by name ({len(types)} types); a valid Patient passes, an incomplete Observation "
            "fails, in this process and in worker processes")


def check_keychain(ctx: Context) -> str:
    import importlib

    from consult_desktop.store import keychain

    module = KEYCHAIN_MODULES.get(sys.platform, LINUX_KEYCHAIN_MODULE)
    importlib.import_module(module)
    state = "available" if keychain.available() else "not available on this computer (passphrase only)"
    return f"{module} present; system keychain {state}"


def check_tls(ctx: Context) -> str:
    import ssl

    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
        raise CheckFailed("the TLS context does not verify certificates and host names")
    return f"system trust store through truststore {truststore.__version__}; {ssl.OPENSSL_VERSION}"


def check_translations(ctx: Context) -> str:
    folder = resources.files("consult_desktop.resources") / "translations"
    kinds = []
    for language in LANGUAGES:
        base = f"consult_desktop_{language}"
        if (folder / f"{base}.qm").is_file():
            kinds.append(f"{language}.qm")
        elif (folder / f"{base}.ts").is_file():
            kinds.append(f"{language}.ts")
        else:
            raise CheckFailed(f"no translation for {language!r} in {folder}")
    return ", ".join(kinds)


# -- window checks (Qt lives in consult_desktop.ui) ---------------------------------------------------------
def choose_platform(environ: dict[str, str] | os._Environ = os.environ, platform: str = sys.platform) -> str | None:
    """The Qt platform to force: "offscreen" on Linux/BSD without a display, unless one is already chosen."""
    if environ.get("QT_QPA_PLATFORM"):
        return None
    if platform in ("win32", "darwin"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return "offscreen"


def _needs_profile(ctx: Context) -> object:
    if ctx.profile is None or ctx.pdf is None:
        raise CheckFailed("skipped: needs the encrypted profile from the encryption check")
    return ctx.profile


# -- running ----------------------------------------------------------------------------------------------------
def _run_check(name: str, fn: Callable[[], str]) -> Outcome:
    try:
        return Outcome(name, True, fn())
    except CheckFailed as exc:
        return Outcome(name, False, str(exc))
    except Exception as exc:  # a broken bundle shows up as ImportError, OSError ...: report, carry on
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(name, False, f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})")


def _emit(out: TextIO | None, text: str) -> None:
    if out is None:
        return
    try:
        out.write(text + "\n")
        out.flush()
    except (OSError, ValueError):
        pass


def run_selftest(out: TextIO | None = None) -> int:
    """Run every check, print one line each, and return 0 when all passed (1 otherwise)."""
    if out is None:
        out = sys.stdout or sys.stderr
        if out is not None and hasattr(out, "reconfigure"):
            out.reconfigure(errors="replace")  # a Windows console code page must not end the self-test
    platform = choose_platform()
    if platform is not None:
        os.environ["QT_QPA_PLATFORM"] = platform
    frozen = "frozen bundle" if getattr(sys, "frozen", False) else "Python installation"
    _emit(out, f"Consult Desktop {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, "
               f"{sys.platform})")
    started = time.monotonic()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="consult-selftest-", ignore_cleanup_errors=True) as tmp:
        ctx = Context(directory=Path(tmp), passphrase=secrets.token_urlsafe(24))
        plain: list[tuple[str, Callable[[Context], str]]] = [
            ("encryption", check_encryption),
            ("knowledge-base", check_knowledge_base),
            ("fhir-validation", check_fhir_validation),
            ("keychain", check_keychain),
            ("tls", check_tls),
            ("translations", check_translations),
        ]
        for name, check in plain:
            outcomes.append(_run_check(name, lambda check=check: check(ctx)))
            _report(out, outcomes[-1])
        for outcome in _window_checks(ctx):
            outcomes.append(outcome)
            _report(out, outcome)
    failed = [o.name for o in outcomes if not o.passed]
    elapsed = time.monotonic() - started
    if failed:
        _emit(out, f"Self-test FAILED: {len(failed)} of {len(outcomes)} checks ({', '.join(failed)}) "
                   f"in {elapsed:.1f} s")
        return exit_codes.ERROR
    _emit(out, f"Self-test passed: {len(outcomes)} checks in {elapsed:.1f} s")
    return exit_codes.OK


def _report(out: TextIO | None, outcome: Outcome) -> None:
    _emit(out, f"{'PASS' if outcome.passed else 'FAIL'} {outcome.name}: {outcome.detail}")


def _window_checks(ctx: Context) -> list[Outcome]:
    """The main window and the PDF viewer, sharing one QApplication and task runner."""
    try:
        from consult_desktop.ui.dialogs.selftest_window import WindowChecks
    except Exception as exc:  # Qt missing or unloadable: both checks fail with the reason
        reason = f"Qt could not be loaded: {type(exc).__name__}: {exc}"
        return [Outcome("main-window", False, reason), Outcome("pdf-viewer", False, reason)]
    outcomes: list[Outcome] = []
    with WindowChecks() as gui:
        outcomes.append(_run_check("main-window", lambda: gui.main_window(_needs_profile(ctx), ctx.passphrase)))
        outcomes.append(_run_check("pdf-viewer", lambda: gui.pdf_viewer(_needs_pdf(ctx), PDF_MARKER)))
    return outcomes


def _needs_pdf(ctx: Context) -> bytes:
    _needs_profile(ctx)
    return ctx.pdf or b""
