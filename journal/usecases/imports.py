"""Import another app's export (or this app's own) into the journal: the one way the app's Import
dialog and `journal import` do it.

Reading and preparing a file happen before the journal is touched (a file that cannot be read
changes nothing); `import_entries` then writes it in one transaction, checking each record as it
goes, so a bad record rolls the whole import back. The names a front end needs about an import
(its problems, options, the mood words to ask about, the summary) come from here too, so the
front ends never reach into journal.exchange.importers themselves (an import-linter contract).
"""

from __future__ import annotations

from collections.abc import Callable

from journal.domain.models import ImportCount
from journal.exchange.importers import (
    ImportProblem,
    Options,
    Prepared,
    UnknownMoods,
    mood_key,
    parse_mood_map,
    prepare,
    read_source,
    run_import,
    summary,
)
from journal.storage import Store

__all__ = [
    "ImportProblem",
    "Options",
    "Prepared",
    "UnknownMoods",
    "import_entries",
    "mood_key",
    "parse_mood_map",
    "prepare",
    "read_source",
    "summary",
]


def import_entries(
    store: Store, prepared: Prepared, *, dry_run: bool = False, progress: Callable[[int], None] | None = None
) -> ImportCount:
    """Import a prepared file in one transaction; entries already in the journal (or repeated in the
    file) are skipped. `dry_run` counts what would be imported and rolls everything back."""
    return run_import(store, prepared, dry_run=dry_run, progress=progress)
