"""The Insights pane's aggregates, counted by SQLite: weekly and weekday counts per tag, tags that share
an entry, weekly mood and energy, and per-tag counts in two adjacent windows (for the early notice).

Each is one grouped query over the period's slice of `entries_by_time`, joined to `entry_tags` by its
primary key; the rows returned are aggregates (a few hundred at most for a year), never entries, so
memory stays flat however large the journal grows. Weeks start on Monday and days are the writer's
local days (`local_day`), like everywhere else in the journal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from journal.storage.base import StoreBase
from journal.storage.rows import aware, to_utc_text

if TYPE_CHECKING:
    from journal.domain.early_notice import WindowCounts
    from journal.domain.patterns import MoodWeek, TagPair, TagWeek, TagWeekday

#: SQLite's %w counts from Sunday = 0; the journal counts from Monday = 0.
_WEEKDAY = "((CAST(strftime('%w', {day}) AS INTEGER) + 6) % 7)"
_MONDAY = "date({day}, '-' || " + _WEEKDAY + " || ' days')"

_LIVE = "e.deleted_utc IS NULL AND e.created_utc >= :since AND e.created_utc < :until"
_TAGGED = f"""
FROM entries e JOIN entry_tags et ON et.entry_id = e.id AND et.rejected = 0
WHERE {_LIVE} {{tag_filter}}
"""

_TAG_WEEKS = (
    f"SELECT et.tag, {_MONDAY.format(day='e.local_day')} AS week, count(*) {_TAGGED} "
    "GROUP BY et.tag, week ORDER BY et.tag, week"
)
_TAG_WEEKDAYS = (
    f"SELECT et.tag, {_WEEKDAY.format(day='e.local_day')} AS weekday, count(*) {_TAGGED} "
    "GROUP BY et.tag, weekday ORDER BY et.tag, weekday"
)
_TAG_PAIRS = f"""
SELECT a.tag, b.tag, count(*)
FROM entries e
JOIN entry_tags a ON a.entry_id = e.id AND a.rejected = 0
JOIN entry_tags b ON b.entry_id = e.id AND b.rejected = 0 AND a.tag < b.tag
WHERE {_LIVE}
GROUP BY a.tag, b.tag
ORDER BY a.tag, b.tag
"""
_ENTRY_COUNT = f"SELECT count(*) FROM entries e WHERE {_LIVE}"
_MOOD_WEEKS = f"""
SELECT {_MONDAY.format(day="e.local_day")} AS week, avg(e.mood), avg(e.energy), count(e.mood)
FROM entries e
WHERE e.kind IN ('mood', 'ritual') AND {_LIVE}
GROUP BY week ORDER BY week
"""
_WINDOWS = f"""
SELECT et.tag,
       count(DISTINCT CASE WHEN e.created_utc < :middle THEN e.local_day END),
       total(e.created_utc < :middle),
       count(DISTINCT CASE WHEN e.created_utc >= :middle THEN e.local_day END),
       total(e.created_utc >= :middle)
{_TAGGED}
GROUP BY et.tag ORDER BY et.tag
"""
_ACTIVE_DAYS = f"""
SELECT count(DISTINCT CASE WHEN e.created_utc < :middle THEN e.local_day END),
       count(DISTINCT CASE WHEN e.created_utc >= :middle THEN e.local_day END)
FROM entries e WHERE {_LIVE}
"""


def _bounds(since: datetime, until: datetime) -> dict[str, object]:
    return {"since": to_utc_text(aware(since)), "until": to_utc_text(aware(until))}


def _tag_filter(tags: Sequence[str] | None, params: dict[str, object]) -> str:
    """`AND et.tag IN (...)` for the given tags (none given: every tag)."""
    if tags is None:
        return ""
    names = list(dict.fromkeys(tags))
    params.update({f"tag{i}": name for i, name in enumerate(names)})
    # The unary + keeps SQLite from driving the query by the tag index (every entry with those tags,
    # across the whole journal); the period's slice of the time index is always the smaller side.
    return "AND +et.tag IN (" + ", ".join(f":tag{i}" for i in range(len(names))) + ")" if names else "AND 0"


class InsightsMixin(StoreBase):
    """Store methods behind the Insights pane and the early notice (see the module docstring).

    The result types are imported inside each method: only the Insights pane and the early notice
    need them, and opening a journal should not load their modules."""

    def tag_weeks(self, since: datetime, until: datetime, *, tags: Sequence[str] | None = None) -> list[TagWeek]:
        """Entries per tag per week (Monday-started local weeks) in [since, until)."""
        from journal.domain.patterns import TagWeek

        params = _bounds(since, until)
        sql = _TAG_WEEKS.format(tag_filter=_tag_filter(tags, params))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [TagWeek(tag, date.fromisoformat(week), n) for tag, week, n in rows]

    def tag_weekdays(self, since: datetime, until: datetime, *, tags: Sequence[str] | None = None) -> list[TagWeekday]:
        """Entries per tag per weekday (0 = Monday) in [since, until)."""
        from journal.domain.patterns import TagWeekday

        params = _bounds(since, until)
        sql = _TAG_WEEKDAYS.format(tag_filter=_tag_filter(tags, params))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        return [TagWeekday(tag, weekday, n) for tag, weekday, n in rows]

    def tag_pairs(self, since: datetime, until: datetime) -> list[TagPair]:
        """Every pair of tags sharing an entry in [since, until), with how many entries they shared."""
        from journal.domain.patterns import TagPair

        with self._read() as conn:
            rows = conn.execute(_TAG_PAIRS, _bounds(since, until)).fetchall()
        return [TagPair(a, b, n) for a, b, n in rows]

    def entry_count(self, since: datetime, until: datetime) -> int:
        """Live entries of every kind in [since, until)."""
        with self._read() as conn:
            return int(conn.execute(_ENTRY_COUNT, _bounds(since, until)).fetchone()[0])

    def mood_weeks(self, since: datetime, until: datetime) -> list[MoodWeek]:
        """Mean mood and energy of the mood entries and rituals of each week in [since, until) that has any."""
        from journal.domain.patterns import MoodWeek

        with self._read() as conn:
            rows = conn.execute(_MOOD_WEEKS, _bounds(since, until)).fetchall()
        return [MoodWeek(date.fromisoformat(week), mood, energy, n) for week, mood, energy, n in rows]

    def tag_windows(
        self, since: datetime, middle: datetime, until: datetime, *, tags: Sequence[str] | None = None
    ) -> tuple[list[WindowCounts], tuple[int, int]]:
        """Per tag, its days and entries in [since, middle) and in [middle, until); and the number of
        days with any entry at all in each window (how much the person wrote, to compare rates)."""
        from journal.domain.early_notice import WindowCounts

        params = _bounds(since, until)
        params["middle"] = to_utc_text(aware(middle))
        sql = _WINDOWS.format(tag_filter=_tag_filter(tags, params))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
            before, recent = conn.execute(_ACTIVE_DAYS, params).fetchone()
        counts = [WindowCounts(tag, bd, int(be), rd, int(re)) for tag, bd, be, rd, re in rows]
        return counts, (int(before), int(recent))
