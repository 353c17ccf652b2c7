"""Entry script of the frozen program: the same command line as `consult-desktop` (the GUI without a command).

Runs on the main thread.
"""

from __future__ import annotations

from consult_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
