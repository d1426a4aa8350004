"""Gathering the supervision brief of a period from the journal, for the CLI and the app alike.

Each figure comes from the query its own screen uses: `Store.tag_stats` (what `journal stressors`
prints), `Store.boundary_day_counts` (what the Boundaries pane charts), `Store.mood_weeks` (the
Insights mood chart), `what_helps` and the early notice. The only entry text read is that of the
starred entries, and it passes the confidentiality guard before it is kept. Blocking: in the app,
call it from a thread worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from journal.domain.brief import (
    Brief,
    boundary_lines,
    boundary_weeks,
    parked_quote,
    quote,
    top_tags,
)
from journal.domain.confidentiality import NEVER_WRITE_SETTING, never_write_list
from journal.domain.insights import Period, week_starts
from journal.domain.models import BOUNDARY_KINDS, Category, EntryQuery
from journal.domain.patterns import mood_series, what_helps
from journal.exchange.notice import current_notice

#: The brief's default: the last four weeks, today included (as `journal stressors`).
DEFAULT_DAYS = 28
FORMATS = ("md", "html")


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """What the person chose: keep what the confidentiality check found as written (never-write
    names are replaced even then)."""

    keep_identifiers: bool = False


def default_period(now: datetime, days: int = DEFAULT_DAYS) -> Period:
    """The last `days` whole local days, today included."""
    return Period.last_days(days, now=now, tz=now.tzinfo)


def gather_brief(store: Any, period: Period, now: datetime, options: BriefOptions = BriefOptions()) -> Brief:
    """Everything the brief holds for `period`; the early notice is about the two weeks to `now`."""
    since, until = period.start, period.end
    stats = store.tag_stats(since, until)
    rows = store.boundary_day_counts(since, until)
    labels = {**BOUNDARY_KINDS, **store.boundary_kinds()}
    entries, days_written = store.days_written(since, until)
    never_write = never_write_list(store.get_setting(NEVER_WRITE_SETTING))
    today = now.date()
    keep = options.keep_identifiers
    starred = store.search(EntryQuery(since=since, until=until, starred=True, limit=None))
    return Brief(
        period=period,
        made_at=now,
        entries=entries,
        days_written=days_written,
        mood=store.mood_overview(since, until),
        mood_weeks=mood_series(store.mood_weeks(since, until), week_starts(period)),
        stressors=top_tags(stats, Category.STRESSOR),
        signs=top_tags(stats, Category.SYMPTOM),
        boundaries=boundary_lines(rows, store.boundary_costs(since, until), labels),
        boundary_weeks=boundary_weeks(rows, period),
        helpers=what_helps(stats),
        notice=current_notice(store, now),
        parked=[parked_quote(p, never_write, today, keep_identifiers=keep) for p in store.parked(status="open")],
        quotes=[quote(e, never_write, today, labels=labels, keep_identifiers=keep) for e in reversed(starred)],
        keep_identifiers=keep,
    )


def renderer(fmt: str) -> Callable[[Brief], str]:
    """The function that writes a brief as `fmt` ("md" or "html")."""
    if fmt == "md":
        from journal.exchange.brief_md import brief_markdown

        return brief_markdown
    if fmt == "html":
        from journal.exchange.brief_html import brief_html

        return brief_html
    from journal.exchange.export import ExportProblem

    raise ExportProblem(f"The format must be one of {', '.join(FORMATS)}.")


def write_brief(brief: Brief, fmt: str, path: Path, *, force: bool = False) -> Path:
    """Write the brief to a new private file (0600), atomically, never over a file unless `force`."""
    from journal.exchange.export import write_file

    text = renderer(fmt)(brief)

    def fill(handle: TextIO) -> int:
        handle.write(text)
        return 1

    write_file(path, fill, force=force)
    return Path(path).expanduser()


def suggested_name(brief: Brief, fmt: str) -> str:
    """`supervision-brief-2026-10-24-to-2026-11-20.html`."""
    return f"supervision-brief-{brief.first_day.isoformat()}-to-{brief.last_day.isoformat()}.{fmt}"
