"""A brief to bring to supervision, and starring the entries it quotes: `journal brief`,
`journal star ID`, `journal unstar ID`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from journal.cli.common import UserError, db_option, db_path, mark_saved, now, open_journal

FORMATS = ("md", "html")


@click.command()
@click.option("--since", metavar="WHEN", help="From this day on (included; default: 4 weeks ago).")
@click.option("--until", metavar="WHEN", help="Up to this day (included; default: today).")
@click.option("--format", "fmt", default="md", show_default=True, metavar="FORMAT", help="md or html.")
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE", help="Write to FILE (default: the screen).")
@click.option("--force", is_flag=True, help="Replace FILE if it already exists.")
@click.option(
    "--keep-identifiers",
    is_flag=True,
    help="Quote starred entries as written, without replacing phone numbers, e-mails and the like "
    "(names on your never-write list are still replaced).",
)
@db_option
@click.pass_context
def brief(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    fmt: str,
    out: Path | None,
    force: bool,
    keep_identifiers: bool,
) -> None:
    """A one-page brief of a period to bring to supervision: figures, boundaries, what helped, and
    the entries you starred (quoted with identifying details replaced). Default: the last 4 weeks.

    \b
    Examples:
      journal brief
      journal brief --since 2026-11-01 --until 2026-11-30 --format html --out november.html
      journal brief --since "last month" --out brief.md
    """
    from journal.cli.query import _stressor_period
    from journal.domain.insights import Period
    from journal.exchange.brief import BriefOptions, gather_brief, renderer, write_brief
    from journal.usecases.exchange import ExportProblem

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise UserError("The --format must be md or html.")
    start, end = _stressor_period(since, until)  # the very period `journal stressors` reads
    if out is not None and out.exists() and not force:
        raise UserError(f"{out} already exists; choose another name, or add --force to replace it.")
    path = db_path(ctx)
    if not path.exists():
        raise UserError(f"There is no journal at {path} yet, so there is nothing to bring.")
    with open_journal(path, create=False) as store:
        made = gather_brief(store, Period(start, end), now(), BriefOptions(keep_identifiers=keep_identifiers))
        encrypted = store.encrypted
    if out is None:
        sys.stdout.write(renderer(fmt)(made))
        return
    try:
        written = write_brief(made, fmt, out, force=force)
    except ExportProblem as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        reason = exc.strerror or "disk error"
        raise UserError(f"The brief could not be written ({reason}); nothing was left behind.") from None
    if encrypted:
        click.echo("This journal is encrypted, but the brief is not: keep the file somewhere private.", err=True)
    click.echo(f"Wrote the brief to {written} (only you can read it).")


def _entry_id(raw: str) -> int:
    try:
        value = int(raw.strip().lstrip("#"))
    except ValueError:
        value = 0
    if value <= 0:
        raise UserError("The ID is an entry's number, as `journal search` shows with --json (like 42).")
    return value


def _set_star(ctx: click.Context, raw: str, starred: bool) -> None:
    from journal.cli.render import safe
    from journal.domain.brief import entry_heading
    from journal.domain.models import BOUNDARY_KINDS
    from journal.usecases.entries import star

    entry_id = _entry_id(raw)
    path = db_path(ctx)
    if not path.exists():
        raise UserError(f"There is no journal at {path} yet, so there is no entry {entry_id}.")
    with open_journal(path, create=False) as store:
        entry = star(store, entry_id, starred)
        labels = {**BOUNDARY_KINDS, **store.boundary_kinds()}
    mark_saved(ctx)
    said = "Starred for supervision" if starred else "No longer starred"
    trash = " (it is in the trash, so no brief quotes it)" if entry.deleted_at is not None else ""
    click.echo(safe(f"{said}: entry {entry_id}, {entry_heading(entry, labels)}{trash}."))


@click.command()
@click.argument("entry_id", metavar="ID")
@db_option
@click.pass_context
def star(ctx: click.Context, entry_id: str) -> None:
    """Mark an entry to bring to supervision: `journal brief` quotes it in full.

    \b
    Examples:
      journal search "thank-you card" --json     (to find the entry's id)
      journal star 42
    """
    _set_star(ctx, entry_id, True)


@click.command()
@click.argument("entry_id", metavar="ID")
@db_option
@click.pass_context
def unstar(ctx: click.Context, entry_id: str) -> None:
    """Take the supervision star off an entry.

    \b
    Examples:
      journal unstar 42
    """
    _set_star(ctx, entry_id, False)
