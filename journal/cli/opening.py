"""Opening the journal for a command or for the app, and the one sentence for whatever goes wrong.

Free of click, so that the bare `journal`, which only opens the app, starts without loading the
command line's parser (see `journal.cli.start`); click is loaded here only to prompt for a
passphrase on a terminal.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal.paths import ensure_folder, loose_mode_warning

if TYPE_CHECKING:
    from journal.storage import Store

PASSPHRASE_ENV = "JOURNAL_PASSPHRASE"


def interactive() -> bool:
    """Whether someone is at a terminal to answer a prompt (a script gets a sentence instead)."""
    return sys.stdin.isatty()


def open_journal(path: Path, *, create: bool = True, prompt: bool = True) -> Store:
    """Open the journal, asking for the passphrase of an encrypted one.

    The passphrase comes from $JOURNAL_PASSPHRASE or a no-echo prompt on a terminal; never from
    the command line, where other users could read it in the process list. Without `prompt` a locked
    journal raises WrongPassphrase instead (the app asks in its own dialog).
    """
    from journal.storage import WrongPassphrase, open_store

    if create:
        ensure_folder(path)
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:
        store = open_store(path, passphrase=passphrase, create=create)
    except WrongPassphrase:
        if passphrase is not None or not prompt or not interactive():
            raise
        import click

        typed = click.prompt("Passphrase for this journal", hide_input=True, err=True)
        store = open_store(path, passphrase=typed, create=create)
    for notice in store.notices:
        warn_once(notice)
    warn_once(loose_mode_warning(path))  # a journal, now that it opened
    return store


_said: set[str] = set()


def warn_once(line: str | None) -> None:
    """A line on stderr, once per process (a command may open the journal more than once)."""
    if line and line not in _said:
        _said.add(line)
        print(line, file=sys.stderr)


def plain_sentence(exc: Exception) -> str | None:
    """The user-facing sentence of an error we expect, else None."""
    from journal.domain.when import WhenError
    from journal.exchange.jsonshape import ShapeError

    if isinstance(exc, (WhenError, ShapeError)):
        return str(exc)
    if "journal.storage" in sys.modules:  # a store error can only come from a loaded store
        from journal.storage import StoreError

        if isinstance(exc, StoreError):
            return str(exc)
    return None


def failure_sentence(exc: Exception, *, saved: bool = False) -> str:
    """What to tell someone when `exc` ended a command: its own sentence if it has one, else its
    type only (never its message, which might quote an entry) and whether anything was written."""
    sentence = plain_sentence(exc)
    if sentence is not None:
        return sentence
    name = type(exc).__name__
    if saved:
        return f"Your entry was saved, but something went wrong afterwards: {name}."
    return f"Something went wrong: {name}. Nothing was changed."
