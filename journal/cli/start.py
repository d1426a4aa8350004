"""The bare `journal`: open the app on the user's journal.

`journal` with nothing after it is how most days begin, so it does not load the command line's
parser at all (click and its options cost the app's start about 20 ms of CPU): `journal.cli.main`
sends an empty command line straight here. Everything else, `--db`, `--demo` and every command,
goes through click, whose group calls `start_app` for the app in the same way.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

from journal.cli.opening import PASSPHRASE_ENV, failure_sentence, open_journal


def start_app(db_path: Path, *, demo: bool = False) -> None:
    """Run the app on `db_path` (or a throwaway demo journal); Textual loads only here."""
    from journal.ui.app import run_app

    if demo:
        run_app(db_path, demo=True)
    else:  # a locked journal is unlocked in the app's own dialog, unless $JOURNAL_PASSPHRASE is set
        run_app(
            db_path,
            opener=partial(open_journal, prompt=False),
            unlock=not os.environ.get(PASSPHRASE_ENV),
        )


def start_without_arguments() -> None:
    """`journal`: the app on the journal `$JOURNAL_DB` or the user's data folder names; anything
    that goes wrong is one sentence on stderr and exit code 1, as from the command line's group."""
    from journal.paths import resolve_db_path

    try:
        start_app(resolve_db_path(None))
    except Exception as exc:  # every failure becomes one sentence
        print(failure_sentence(exc), file=sys.stderr)
        raise SystemExit(1) from None
