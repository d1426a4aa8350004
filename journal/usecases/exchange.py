"""Exporting the journal: to a new file (written atomically, owner-only) or to an open stream.

The app's Export dialog and `journal export` both come here; the formats themselves live in
journal.exchange (export_json, export_md, export_csv).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TextIO

from journal.domain.models import EntryQuery
from journal.exchange.export import Exporter, ExportProblem, export_to, exporters, write_file
from journal.storage import Store

__all__ = ["ExportProblem", "export_file", "export_formats", "export_stream"]


def export_formats() -> dict[str, type[Exporter]]:
    """The formats an export can be written in, by name, the usual one first (each with its file
    suffix and a line describing it)."""
    return exporters()


def export_stream(
    store: Store,
    fmt: str,
    out: TextIO,
    *,
    query: EntryQuery | None = None,
    excel: bool = False,
    now: datetime | None = None,
) -> int:
    """Write the journal (or the entries matching `query`) to `out`; returns how many entries.
    `now` stamps the export (the app passes its clock; the CLI leaves it to the wall clock)."""
    return export_to(store, fmt, out, query=query, excel=excel, now=now)


def export_file(
    store: Store,
    path: Path,
    fmt: str,
    *,
    query: EntryQuery | None = None,
    excel: bool = False,
    force: bool = False,
    terminal: Callable[[TextIO], TextIO] | None = None,
    now: datetime | None = None,
) -> int:
    """Write a new file at `path`; an existing file is replaced only with `force`, and a failure
    leaves nothing behind (journal.exchange.export.write_file). Returns how many entries."""
    return write_file(
        path,
        lambda handle: export_to(store, fmt, handle, query=query, excel=excel, now=now),
        force=force,
        terminal=terminal,
    )
