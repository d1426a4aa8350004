"""The command line: quick capture and scripting (`journal mood 2 rough night`), and the way in to
the app (`journal`). A thin layer: it parses, calls the store, and prints.

`main` sends an empty command line (the bare `journal`, how most days begin) straight to the app
without loading click; every other command line is parsed by the click group in `journal.cli.app`,
which loads on first use (also as `journal.cli.cli`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

__all__ = ["cli", "main"]

#: The variable click's shell completion sets (see `journal help` and the README).
COMPLETE_ENV = "_JOURNAL_COMPLETE"


def main(argv: list[str] | None = None) -> None:
    """The console script `journal` and `python -m journal`."""
    args = sys.argv[1:] if argv is None else argv
    # The shell's completion script calls `journal` with no arguments and this variable set: that
    # is click's business (bash, zsh and fish completion), never a reason to open the app.
    if not args and COMPLETE_ENV not in os.environ:
        from journal.cli.start import start_without_arguments

        start_without_arguments()
        return
    from journal.cli.app import main as parse_and_run

    parse_and_run(args)


def __getattr__(name: str) -> Any:
    if name == "cli":
        from journal.cli.app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
