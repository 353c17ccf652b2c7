"""Entry script of the frozen program: the same command line as `consult-desktop` (the GUI without a command).

Runs on the main thread.
"""

from __future__ import annotations

import multiprocessing

from consult_desktop.cli import main

if __name__ == "__main__":
    # The sync's validation workers start this program again with spawn's arguments: run the worker then.
    multiprocessing.freeze_support()
    raise SystemExit(main())
