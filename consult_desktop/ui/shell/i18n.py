"""Languages of the interface (English, French, Dutch): choosing one, compiling and installing translations.

Translations are kept as Qt Linguist sources (`resources/translations/consult_desktop_<lang>.ts`). The
compiled `.qm` files are not kept in version control: at start-up the program uses a `.qm` shipped next to the
`.ts` (an installer may compile them, see `compile_all`), else one in the per-user cache directory, and
compiles it there with `lrelease` (shipped with PySide6) when it is missing or older than its source. Without
`lrelease` the interface stays in English and a warning is logged.

The language follows the operating system (`QLocale.system()`) unless the preferences choose one. Qt's own
strings (standard buttons, file dialogs) come from the `qtbase_<lang>.qm` shipped with Qt. The English file
only holds plural forms ("1 patient" / "2 patients"); every other English text is the source text.

After changing interface texts, refresh the sources (new texts appear untranslated) and translate them:
    pyside6-lupdate -no-obsolete -locations none consult_desktop/app.py consult_desktop/ui/*/*.py \
        -ts resources/translations/consult_desktop_{en,fr,nl}.ts
A test fails while a text has no French or Dutch translation.

Call `install()` on the GUI thread before building windows. `compile_all()` is plain Python (any thread).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

SUPPORTED = ("en", "fr", "nl")
CACHE_ENV = "CONSULT_CACHE_DIR"
_installed: list = []  # QTranslator objects kept alive while installed


def source_dir() -> Path:
    import consult_desktop.resources as resources

    return Path(resources.__file__).resolve().parent / "translations"


def cache_dir() -> Path:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser() / "translations"
    import platformdirs

    return Path(platformdirs.user_cache_dir("ConsultDesktop", appauthor=False)) / "translations"


def lrelease_executable() -> str | None:
    """`lrelease` from the PySide6 package directory, else from PATH."""
    try:
        import PySide6

        package = Path(PySide6.__file__).resolve().parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease", "Qt/bin/lrelease"):
            candidate = package / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    except ImportError:
        pass
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def ts_file(language: str) -> Path:
    return source_dir() / f"consult_desktop_{language}.ts"


def _fresh(qm: Path, ts: Path) -> bool:
    try:
        return qm.is_file() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime)
    except OSError:
        return False


def compile_ts(ts: Path, qm: Path) -> bool:
    tool = lrelease_executable()
    if tool is None:
        log.warning("lrelease not found: translations cannot be compiled")
        return False
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, timeout=60,
                                check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("compiling %s failed: %s", ts.name, type(exc).__name__)
        return False
    if result.returncode != 0 or not qm.is_file():
        log.warning("compiling %s failed (exit code %s)", ts.name, result.returncode)
        return False
    return True


def compiled_translation(language: str) -> Path | None:
    """A usable `.qm` for `language` (shipped, cached, or compiled now); None on failure.

    English has one too: it holds the plural forms ("1 patient", "2 patients") of the source strings.
    """
    if language not in SUPPORTED:
        return None
    ts = ts_file(language)
    shipped = ts.with_suffix(".qm")
    if _fresh(shipped, ts):
        return shipped
    cached = cache_dir() / shipped.name
    if _fresh(cached, ts):
        return cached
    if ts.is_file() and compile_ts(ts, cached):
        return cached
    return None


def compile_all(destination: Path | None = None) -> list[Path]:
    """Compile every `.ts` into `destination` (default: next to the sources), for installers."""
    written: list[Path] = []
    for language in SUPPORTED:
        ts = ts_file(language)
        if not ts.is_file():
            continue
        qm = (destination or ts.parent) / ts.with_suffix(".qm").name
        if compile_ts(ts, qm):
            written.append(qm)
    return written


def system_language() -> str:
    from PySide6.QtCore import QLocale

    for tag in QLocale.system().uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def choose_language(preference: str) -> str:
    return preference if preference in SUPPORTED else system_language()


def install(app: object, preference: str = "") -> str:
    """Install the translators for the preferred (or the system's) language; returns the language used."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    language = choose_language(preference)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    qt_own = QTranslator(app)  # type: ignore[arg-type]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_own.load(QLocale(language), "qtbase", "_", qt_dir):
        QCoreApplication.installTranslator(qt_own)
        _installed.append(qt_own)
    qm = compiled_translation(language)
    if qm is None:
        log.warning("no compiled translation for %s; the interface uses its source texts", language)
        return language
    ours = QTranslator(app)  # type: ignore[arg-type]
    if ours.load(str(qm)):
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("translation file for %s could not be loaded", language)
    return language


def apply(app: object, preference: str = "") -> str:
    """Install the language and use it for the medication texts too (start-up, or a change in Settings: Qt
    then sends every widget a LanguageChange event)."""
    from consult_desktop.meds.language import set_process_language

    language = install(app, preference)
    set_process_language(language)
    return language


def main(argv: list[str] | None = None) -> int:
    """`python -m consult_desktop.ui.shell.i18n [DIR]`: compile the translations (packaging step)."""
    args = sys.argv[1:] if argv is None else argv
    written = compile_all(Path(args[0]) if args else None)
    for path in written:
        print(path)
    return 0 if written else 1


if __name__ == "__main__":
    raise SystemExit(main())
