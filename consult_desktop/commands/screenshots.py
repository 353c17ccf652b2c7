"""`consult-desktop screenshots --out DIR`: PNG screenshots of the program running on the demo hospital.

Main thread only. Everything Qt lives in `consult_desktop.ui.shell.screenshot_tour`, imported when the command runs
(the command line stays free of Qt otherwise). Without a display, Qt's offscreen platform is used.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from consult_desktop import exit_codes


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_screenshots(args: argparse.Namespace) -> int:
    if args.offscreen or _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from consult_desktop.ui.shell.screenshot_tour import TourError, run_tour

    out = Path(args.out).expanduser()
    try:
        saved = run_tour(out, patients=args.patients, language=args.language)
    except TourError as exc:
        print(f"consult-desktop: screenshots incomplete: {exc}", file=sys.stderr)
        return exit_codes.ERROR
    except OSError as exc:
        print(f"consult-desktop: cannot write screenshots to {out}: {exc.strerror or exc}", file=sys.stderr)
        return exit_codes.STORAGE
    for path in saved:
        print(path)
    return exit_codes.OK


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "screenshots", parents=[common], help="save screenshots of the program on the demo hospital",
        description="Start the demo hospital and a temporary demo profile, sync, and save PNG screenshots of "
        "the main screens. Nothing is written outside DIR and a temporary directory that is removed afterwards.")
    p.add_argument("--out", required=True, metavar="DIR", help="directory for the PNG files (created if needed)")
    p.add_argument("--patients", type=int, default=30, metavar="N", help="patients in the demo hospital (default 30)")
    p.add_argument("--language", choices=("en", "fr", "nl"), default="en", help="interface language (default en)")
    p.add_argument("--offscreen", action="store_true", help="render offscreen even when a display is available")
    p.set_defaults(func=cmd_screenshots)
