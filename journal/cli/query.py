"""Reading the journal from a shell: `journal search` and `journal stressors`."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import click

from journal.cli.common import F, UserError, db_option, existing_journal, json_option, open_journal, period
from journal.cli.render import emit_json, emit_json_list, parked_lines, search_lines, stressor_lines
from journal.domain.models import Category, EntryQuery, Kind

if TYPE_CHECKING:
    from journal.domain.models import ParkedItem, TagStat
    from journal.storage import Store

#: `journal stressors` without dates looks at the last four weeks, today included.
DEFAULT_DAYS = 28
#: A --limit at or above this shows everything, as 0 does.
MAX_LIMIT = 1_000_000_000


def _limit(value: str) -> int | None:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise UserError("The --limit must be a whole number: how many entries to show (0 shows all).")
    # More than any journal holds means all of them (SQLite's integers stop at 2**63; issue 16).
    return number if 0 < number < MAX_LIMIT else None


def _kind(value: str | None) -> Kind | None:
    if value is None:
        return None
    try:
        return Kind(value.strip().lower())
    except ValueError:
        raise UserError("The --kind must be mood, boundary or ritual.") from None


def filter_options(func: F) -> F:
    """QUERY, --tag, --kind, --since, --until: the filters `search` and `export` share."""
    options = (
        click.argument("query", nargs=-1),
        click.option("--tag", "tags", multiple=True, metavar="T", help="Only entries with this tag (repeatable)."),
        click.option("--kind", metavar="K", help="Only mood, boundary or ritual entries."),
        click.option("--since", metavar="WHEN", help="From this day on (included)."),
        click.option("--until", metavar="WHEN", help="Up to this day (included)."),
    )
    for option in reversed(options):
        func = option(func)
    return func


def filter_query(
    query: tuple[str, ...],
    tags: tuple[str, ...],
    kind: str | None,
    since: str | None,
    until: str | None,
    limit: int | None = None,
) -> EntryQuery:
    """The EntryQuery for the shared filters, every value checked (one sentence when wrong)."""
    from journal.cli.common import tag_name

    start, end = period(since, until)
    # A shell cannot pass a NUL, but FTS5 stops reading a query at one; treat it as a space.
    words = " ".join(query).replace("\x00", " ").strip()
    return EntryQuery(
        text=words or None,
        tags=tuple(dict.fromkeys(tag_name(t) for t in tags)),
        kind=_kind(kind),
        since=start,
        until=end,
        limit=limit,
    )


def parked_matches(store: Store, wanted: EntryQuery) -> list[ParkedItem]:
    """Parked loops the words find, for a plain word search: they have no kind and no tags.

    The ritual entry that parked them holds the same words, but only here does a search say whether
    a loop was done, let go or is still open.
    """
    if not wanted.text or wanted.kind is not None or wanted.tags:
        return []
    found = store.search_parked(wanted.text, limit=wanted.limit or 1_000_000)
    since, until = wanted.since, wanted.until
    return [p for p in found if (since is None or p.created_at >= since) and (until is None or p.created_at < until)]


@click.command()
@filter_options
@click.option("--limit", default="50", show_default=True, metavar="N", help="How many, newest first (0: all).")
@json_option
@db_option
@click.pass_context
def search(
    ctx: click.Context,
    query: tuple[str, ...],
    tags: tuple[str, ...],
    kind: str | None,
    since: str | None,
    until: str | None,
    limit: str,
    as_json: bool,
) -> None:
    """Find entries by words ("exact phrase", prefix*) and filters, newest first.

    Without --kind or --tag, loops parked at the end of a shift that match the words are listed
    after the entries, each with where it stands (the JSON stays a list of entries).

    \b
    Examples:
      journal search supervision --since "last month"
      journal search '"nothing left"' --tag sleep --kind mood
      journal search --tag caseload --since 2026-09 --json
    """
    wanted = filter_query(query, tags, kind, since, until, _limit(limit))
    path = existing_journal(ctx)
    with open_journal(path, create=False) as store:
        if as_json:  # streamed: each entry is written as it is read, however many match
            from journal.exchange.jsonshape import entry_to_dict

            emit_json_list(entry_to_dict(e, snippet=True) for e in store.listing(wanted))
            return
        entries = list(store.listing(wanted))
        parked = parked_matches(store, wanted)
    if not entries:
        click.echo("No entries match.")
    else:
        click.echo("\n".join(search_lines(entries)))
        if wanted.limit is not None and len(entries) == wanted.limit:
            click.echo(f"(the newest {wanted.limit}; --limit 0 shows all)")
    if parked:
        click.echo("\n" + "\n".join(parked_lines(parked)))


def _stressor_period(since: str | None, until: str | None) -> tuple[datetime, datetime]:
    """[start, end) of whole local days; four weeks ending today, or four weeks around one end."""
    from journal.domain.when import day_start, local_tz

    start, end = period(since, until)
    tz = local_tz()
    if end is None:
        end = day_start(datetime.now(tz).date() + timedelta(days=1), tz)
        if start is not None and start >= end:
            raise UserError("The --since day is in the future; pick today or an earlier day.")
    if start is None:
        start = day_start(end.date() - timedelta(days=DEFAULT_DAYS), tz)
    return start, end


def _stat_dict(stat: TagStat) -> dict[str, object]:
    return {
        "name": stat.name,
        "category": str(stat.category),
        "count": stat.count,
        "days": stat.days,
        "mood_with": None if stat.mood_with is None else round(stat.mood_with, 2),
        "mood_without": None if stat.mood_without is None else round(stat.mood_without, 2),
        "trend": stat.trend,
    }


@click.command()
@click.option("--since", metavar="WHEN", help="From this day on (included; default: 4 weeks ago).")
@click.option("--until", metavar="WHEN", help="Up to this day (included; default: today).")
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="C",
    help="Only symptom, stressor, care or personal tags (repeatable).",
)
@json_option
@db_option
@click.pass_context
def stressors(
    ctx: click.Context,
    since: str | None,
    until: str | None,
    categories: tuple[str, ...],
    as_json: bool,
) -> None:
    """What keeps coming back over a period: every tag, most frequent first, with mood and trend.

    \b
    Examples:
      journal stressors
      journal stressors --since 2026-09 --category stressor
      journal stressors --since "last month" --json
    """
    chosen = []
    for raw in categories:
        try:
            chosen.append(str(Category(raw.strip().lower())))
        except ValueError:
            raise UserError("The --category must be symptom, stressor, care or personal.") from None
    start, end = _stressor_period(since, until)
    first: date = start.date()
    last: date = end.date() - timedelta(days=1)
    path = existing_journal(ctx)
    with open_journal(path, create=False) as store:
        stats: list[TagStat] = store.tag_stats(start, end, categories=tuple(dict.fromkeys(chosen)))
    days = (end.date() - start.date()).days
    if as_json:
        emit_json(
            {
                "since": first.isoformat(),
                "until": last.isoformat(),
                "days": days,
                "tags": [_stat_dict(s) for s in stats],
            }
        )
        return
    click.echo(f"From {first:%a %d %b %Y} to {last:%a %d %b %Y} ({days} days)")
    if not stats:
        click.echo("No tags in this period.")
    else:
        click.echo("\n".join(stressor_lines(stats)))
