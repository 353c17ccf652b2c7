"""Build the Consult Desktop bundle for this operating system, prove that it works, and archive it.

    python packaging/build.py [--dist DIR] [--work DIR]

1. PyInstaller builds the one-folder bundle (Windows, Linux) or the .app (macOS) from
   `packaging/consult_desktop.spec`, in `--work` (default `build/pyinstaller`).
2. The bundle's own `--selftest` runs from a clean environment: only PATH (system folders), a fresh empty
   HOME / user profile folders and TMP, no PYTHONPATH, in an empty temporary working directory. Without a
   display on Linux the self-test draws off screen.
3. The archive is written to `--dist` (default `dist`): `ConsultDesktop-<version>-<os>-<arch>.tar.gz` on
   Linux and macOS (the .app on macOS; symbolic links kept), `.zip` on Windows.

Prints the bundle size (sum of file sizes) and the time each step took; exits non-zero when the build or
the self-test fails. Needs `consult_desktop` installed in this Python (`pip install .` or `-e .`) and
PyInstaller (`pip install pyinstaller`). Runs on the main thread of a plain Python process.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "consult_desktop.spec"
FOLDER_NAME = "ConsultDesktop"
APP_NAME = "Consult Desktop.app"
CLI_NAME = "consult-desktop"
SELFTEST_TIMEOUT_S = 600
# Environment variables the operating system itself needs to start a program (Windows especially).
_SYSTEM_VARIABLES = ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "NUMBER_OF_PROCESSORS",
                     "PROCESSOR_ARCHITECTURE", "LANG")


@dataclass(frozen=True)
class Bundle:
    root: Path  # the folder (or .app) that is archived
    executable: Path  # the command-line executable inside it


def version() -> str:
    for line in (ROOT / "consult_desktop" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("no __version__ in consult_desktop/__init__.py")


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def bundle_in(dist: Path) -> Bundle:
    if sys.platform == "darwin":
        app = dist / APP_NAME
        return Bundle(app, app / "Contents" / "MacOS" / CLI_NAME)
    folder = dist / FOLDER_NAME
    return Bundle(folder, folder / (CLI_NAME + (".exe" if sys.platform == "win32" else "")))


def tree_size(path: Path) -> int:
    """Sum of the sizes of the files (symbolic links count as links, not as what they point to)."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def describe_size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB ({size:,} bytes)"


def run_pyinstaller(work: Path) -> Bundle:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise SystemExit("PyInstaller is not installed in this Python: pip install 'pyinstaller>=6.5'") from exc
    dist = work / "dist"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work / "build"), str(SPEC)]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    bundle = bundle_in(dist)
    if not bundle.executable.is_file():
        raise SystemExit(f"the build did not produce {bundle.executable}")
    return bundle


def clean_environment(home: Path) -> dict[str, str]:
    """PATH with system folders only, a fresh HOME and user folders, TMP: nothing from this Python or user."""
    if sys.platform == "win32":
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        path = os.pathsep.join([rf"{system_root}\System32", system_root, rf"{system_root}\System32\Wbem"])
    else:
        path = os.pathsep.join(["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"])
    temp = home / "tmp"
    temp.mkdir(parents=True, exist_ok=True)
    env = {"PATH": path, "HOME": str(home), "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    if sys.platform == "win32":
        for name, sub in (("USERPROFILE", ""), ("APPDATA", "AppData/Roaming"), ("LOCALAPPDATA", "AppData/Local")):
            folder = home / sub
            folder.mkdir(parents=True, exist_ok=True)
            env[name] = str(folder)
    for name in _SYSTEM_VARIABLES:
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def run_selftest(bundle: Bundle, *, offscreen: bool = False) -> tuple[int, str]:
    """The bundle's `--selftest` from a clean environment and an empty working directory."""
    with tempfile.TemporaryDirectory(prefix="consult-bundle-test-") as tmp:
        home, cwd = Path(tmp) / "home", Path(tmp) / "cwd"
        cwd.mkdir()
        env = clean_environment(home)
        if offscreen:
            env["QT_QPA_PLATFORM"] = "offscreen"
        result = subprocess.run([str(bundle.executable), "--selftest"], cwd=cwd, env=env, capture_output=True,
                                text=True, encoding="utf-8", errors="replace", timeout=SELFTEST_TIMEOUT_S,
                                check=False)
    output = result.stdout + (f"\n[stderr]\n{result.stderr}" if result.stderr.strip() else "")
    return result.returncode, output


def write_archive(bundle: Bundle, dist: Path) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    stem = f"{FOLDER_NAME}-{version()}-{platform_tag()}"
    if sys.platform == "win32":
        archive = dist / f"{stem}.zip"
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(bundle.root.rglob("*")):
                if path.is_file():
                    zf.write(path, Path(bundle.root.name) / path.relative_to(bundle.root))
        return archive
    archive = dist / f"{stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tf:
        tf.add(bundle.root, arcname=bundle.root.name)  # symbolic links stay links (macOS frameworks)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, self-test and archive the Consult Desktop bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the archive goes (default: dist)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work and output folder (default: build/pyinstaller)")
    parser.add_argument("--offscreen", action="store_true",
                        help="run the self-test with the offscreen Qt platform even where there is a display")
    args = parser.parse_args(argv)
    work, dist = args.work.resolve(), args.dist.resolve()
    started = time.monotonic()
    bundle = run_pyinstaller(work)
    built = time.monotonic()
    print(f"Built {bundle.root} in {built - started:.0f} s", flush=True)
    size = tree_size(bundle.root)
    print(f"Bundle size: {describe_size(size)}", flush=True)
    code, output = run_selftest(bundle, offscreen=args.offscreen)
    print(output.rstrip(), flush=True)
    tested = time.monotonic()
    if code != 0:
        print(f"The bundle's self-test FAILED (exit code {code}); no archive written.", file=sys.stderr)
        return 1
    print(f"Self-test of the bundle passed in {tested - built:.0f} s", flush=True)
    archive = write_archive(bundle, dist)
    print(f"Archive: {archive} ({describe_size(archive.stat().st_size)})", flush=True)
    print(f"Total: {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
