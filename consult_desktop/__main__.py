"""`python -m consult_desktop` runs the command line (the GUI when no command is given)."""

from consult_desktop.cli import main

raise SystemExit(main())
