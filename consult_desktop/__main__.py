"""`python -m consult_desktop` runs the command line (the GUI when no command is given)."""

import multiprocessing

from consult_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # validation workers of a frozen build (no effect otherwise)
    raise SystemExit(main())
