"""A warm parent for store-API writers: imports the app and builds the tagger once, then forks.

    python tests/reliability/forker.py      then, on stdin, one line per writer:  DB RUN ACKFILE

Each line forks a child that opens its own connection (nothing SQLite is open before the fork) and
runs writer.main, writing its acknowledgements to ACKFILE; the child's pid comes back on stdout. The
kill test SIGKILLs those pids directly. Forking from a warm parent saves a second of start-up per
writer, which is what lets thirty kills fit in a CI-sized test.
"""

from __future__ import annotations

import os
import signal
import sys

from journal.domain.tagging import default_tagger
from journal.storage import open_store  # noqa: F401  (imported now so children start warm)
from tests.reliability.writer import main as write_until_killed


def serve() -> None:
    default_tagger()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reap themselves
    print("ready", flush=True)
    for line in sys.stdin:
        db, run, ack = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                with open(ack, "w", encoding="utf-8") as out:
                    try:
                        write_until_killed(db, run, out)
                    except BaseException as exc:  # the test reads this line and fails loudly
                        out.write(f"FAILED {type(exc).__name__}: {exc}\n")
            finally:
                os._exit(1)
        print(pid, flush=True)


if __name__ == "__main__":
    serve()
