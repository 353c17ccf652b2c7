"""Exit codes of the command line, shared by every sub-command (documented in README.md).

Plain constants; safe to import from any thread or layer.
"""

OK = 0
ERROR = 1  # unexpected failure; the message says what happened
USAGE = 2  # bad arguments (argparse's own code)
BAD_PASSPHRASE = 3  # wrong passphrase, or no passphrase available
NO_PROFILE = 4  # no profile at the data directory (run `init`)
PROFILE_DAMAGED = 5  # key file tampered or damaged, database corrupt or from a newer version
STORAGE = 6  # cannot write: disk full, read-only directory, permission denied
SYNC_PARTIAL = 10  # sync finished, but some patients or resources could not be fetched
AUTH_FAILED = 11  # the server refused our credentials: sign in again / check the token
SERVER_UNREACHABLE = 12  # network down, DNS, TLS or timeouts: the cache is unchanged
INPUT_INVALID = 13  # an input file (JSON, CSV, Bundle) could not be read
PATIENT_MISMATCH = 14  # an imported file is about another patient (or does not say whose it is)
CANCELLED = 130  # interrupted by the user (Ctrl+C)
