"""Taking the journal elsewhere and bringing other journals in: `journal export` and `journal import`."""

from __future__ import annotations

import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journal.cli.common import (
    UserError,
    db_option,
    db_path,
    existing_journal,
    interactive,
    mark_saved,
    open_journal,
)
from journal.cli.query import filter_options, filter_query

if TYPE_CHECKING:
    from journal.usecases.imports import Options, Prepared

ENCRYPTED_NOTE = "This journal is encrypted, but the export is not: keep the file somewhere private."
#: Below this many records a progress bar would only flicker.
_PROGRESS_FROM = 2000


@click.command("export")
@filter_options
@click.option("--format", "fmt", default="json", show_default=True, metavar="FORMAT", help="json, md or csv.")
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE", help="Write to FILE (default: the screen).")
@click.option("--force", is_flag=True, help="Replace FILE if it already exists (a regular file only).")
@click.option("--excel", is_flag=True, help="CSV for Excel: a byte-order mark, and no cell read as a formula.")
@db_option
@click.pass_context
def export(
    ctx: click.Context,
    query: tuple[str, ...],
    tags: tuple[str, ...],
    kind: str | None,
    since: str | None,
    until: str | None,
    fmt: str,
    out: Path | None,
    force: bool,
    excel: bool,
) -> None:
    """Export everything (or what the filters match), oldest first: json (exact), md (to read), csv.

    \b
    Examples:
      journal export --out journal.json
      journal export --format md --since 2026-01 --out 2026.md
      journal export --format csv --excel --tag overtime --out overtime.csv
    """
    from journal.cli.render import for_terminal
    from journal.usecases.exchange import ExportProblem, export_file, export_formats, export_stream

    fmt = fmt.strip().lower()
    if fmt not in export_formats():
        raise UserError(f"The --format must be {', '.join(export_formats())}.")
    wanted = filter_query(query, tags, kind, since, until)
    if out is not None and out.is_file() and not force:  # a pipe or a device is written into, not replaced
        raise UserError(f"{out} already exists; choose another name, or add --force to replace it.")
    path = existing_journal(ctx)
    with open_journal(path, create=False) as store:
        if store.encrypted:
            click.echo(ENCRYPTED_NOTE, err=True)
        try:
            if out is None:
                export_stream(store, fmt, for_terminal(sys.stdout), query=wanted, excel=excel)
                return
            count = export_file(store, out, fmt, query=wanted, excel=excel, force=force, terminal=for_terminal)
        except ExportProblem as exc:
            raise UserError(str(exc)) from None
        except OSError as exc:
            reason = exc.strerror or "disk error"
            raise UserError(f"The export could not be written ({reason}); nothing was left behind.") from None
    click.echo(f"Exported {count} {'entry' if count == 1 else 'entries'} to {out}.")


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--from",
    "fmt",
    metavar="FORMAT",
    help="json (this app), jrnl, dayone or daylio; recognised from the content when left out.",
)
@click.option("--mood-map", metavar="MAP", help='Scores for Daylio moods, like "rad=5,good=4,meh=3,bad=2,awful=1".')
@click.option("--dry-run", is_flag=True, help="Check the file and say what would be imported, changing nothing.")
@db_option
@click.pass_context
def import_(ctx: click.Context, file: Path, fmt: str | None, mood_map: str | None, dry_run: bool) -> None:
    """Import this app's JSON export, a jrnl JSON export, a Day One export or a Daylio CSV, in one go.

    \b
    Examples:
      journal import --dry-run daylio_export.csv
      journal import jrnl.json --from jrnl
      journal import "Day One export.zip"
      journal import daylio_export.csv --mood-map "rad=5,good=4,meh=3,bad=2,awful=1"
    """
    from journal.usecases.imports import ImportProblem, Options, import_entries, parse_mood_map, summary

    data = _read_file(file)
    try:
        options = Options(parse_mood_map(mood_map))
        prepared = _prepare(data, fmt.strip().lower() if fmt else None, options)
    except ImportProblem as exc:
        raise UserError(str(exc)) from None
    with ExitStack() as stack:
        path = db_path(ctx)
        if dry_run and not path.exists():  # a dry run never creates the journal
            path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "dry-run.db"
        store = stack.enter_context(open_journal(path, create=True))
        progress = None
        if sys.stderr.isatty() and prepared.count >= _PROGRESS_FROM:
            bar = stack.enter_context(click.progressbar(length=prepared.count, label="Importing", file=sys.stderr))
            progress = bar.update
        try:  # each record is checked as it is imported: a bad one rolls the whole import back
            count = import_entries(store, prepared, dry_run=dry_run, progress=progress)
        except ImportProblem as exc:
            raise UserError(f"{exc} Nothing was imported.") from None
    if count.imported and not dry_run:
        mark_saved(ctx)
    click.echo(summary(count, dry_run=dry_run, notes=prepared.notes))


def _read_file(file: Path) -> bytes | Path:
    """The file's bytes, or its path for a zip (see `read_source`); one sentence when unreadable."""
    from journal.usecases.imports import ImportProblem, read_source

    try:
        return read_source(file)
    except ImportProblem as exc:
        raise UserError(str(exc)) from None


def _prepare(data: bytes | Path, fmt: str | None, options: Options) -> Prepared:
    """Read the file; at a terminal, ask for the score of each mood the file uses but we don't know."""
    from journal.usecases.imports import UnknownMoods, mood_key, prepare

    try:
        return prepare(data, fmt, options)
    except UnknownMoods as unknown:
        if not interactive():
            raise
        click.echo("This file uses moods of its own. Give each a score from 1 (awful) to 5 (great).", err=True)
        for label in unknown.labels:
            options.mood_map[mood_key(label)] = click.prompt(f'  "{label}"', type=click.IntRange(1, 5), err=True)
        return prepare(data, fmt, options)


EXCHANGE_COMMANDS = (export, import_)
