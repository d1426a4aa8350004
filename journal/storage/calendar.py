"""Days rather than entries: the month calendar's mood per day, and "on this day" in earlier months.

Both read the `local_day` column (the writer's own calendar day, indexed), so a month costs one small
grouped query however big the journal is, and an entry written at 23:30 in Lisbon stays on that day
when it is read in Berlin.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from journal.domain.models import DayMood, Entry
from journal.storage.entry_tags import load_tags
from journal.storage.rows import ENTRY_SELECT, row_to_entry

#: "On this day" looks back this many months at most (ten years).
ON_THIS_DAY_MONTHS = 120


__all__ = ["ON_THIS_DAY_MONTHS", "DayMood", "day_moods", "earlier_same_days", "on_this_day"]


def day_moods(conn: sqlite3.Connection, start: date, end: date) -> dict[date, DayMood]:
    """Every day in `[start, end)` that has live entries."""
    rows = conn.execute(
        "SELECT local_day, avg(mood), count(*), max(kind = 'ritual') FROM entries "
        # unary + keeps the planner off the (deleted_utc, created_utc) index, which would read every
        # live entry; the local_day index reads only the month
        "WHERE local_day >= ? AND local_day < ? AND +deleted_utc IS NULL GROUP BY local_day",
        (start.isoformat(), end.isoformat()),
    )
    return {date.fromisoformat(d): DayMood(mean, n, bool(ritual)) for d, mean, n, ritual in rows}


def earlier_same_days(day: date, months: int = ON_THIS_DAY_MONTHS) -> list[date]:
    """The same day of the month in each of the `months` before `day`'s (months without it skipped)."""
    from dateutil.relativedelta import relativedelta  # imported here: only "on this day" needs it

    days = []
    for back in range(1, months + 1):
        first = day.replace(day=1) - relativedelta(months=back)
        try:
            days.append(first.replace(day=day.day))
        except ValueError:  # no 31st in this month
            continue
    return days


def on_this_day(conn: sqlite3.Connection, day: date, limit: int = 30) -> list[Entry]:
    """Live entries written on the same date in earlier months and years, newest first."""
    days = [d.isoformat() for d in earlier_same_days(day)]
    marks = ", ".join("?" * len(days))
    rows = conn.execute(
        f"SELECT {ENTRY_SELECT} FROM entries e WHERE e.local_day IN ({marks}) AND +e.deleted_utc IS NULL "
        "ORDER BY e.created_utc DESC, e.id DESC LIMIT ?",
        (*days, limit),
    ).fetchall()
    tags = load_tags(conn, [r[0] for r in rows])
    return [row_to_entry(r, tags[r[0]]) for r in rows]
