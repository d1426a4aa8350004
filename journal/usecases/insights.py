"""Insights for one period, gathered from the Store in one go: what the Insights pane draws.

A handful of grouped SQL queries (journal.storage.insights and `Store.tag_stats`, the very query
`journal stressors` prints), shaped by journal.domain.patterns. Blocking: the pane calls it from a
thread worker; the benchmarks time it without starting the UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from journal.domain.early_notice import EarlyNotice
from journal.domain.insights import Period, week_starts
from journal.domain.models import Category, TagStat
from journal.domain.patterns import (
    Helper,
    MoodWeek,
    PairStat,
    busiest_weekday,
    chart_lowest,
    chart_step,
    merge_mood_weeks,
    mood_series,
    share_of_days,
    travel_together,
    weekday_grid,
    weekly_series,
    what_helps,
)
from journal.exchange.notice import current_notice
from journal.storage.face import InsightsReads

#: The categories the main table lists (care and personal tags appear in "what helps" and pairs).
TABLE_CATEGORIES = (Category.STRESSOR, Category.SYMPTOM)
#: How many stressors get a weekday row (the most frequent, and any with a day of their own).
WEEKDAY_TAGS = 5


@dataclass(frozen=True, slots=True)
class TagRow:
    """One line of the main table: the SQL figures plus share of days and the weekly counts."""

    stat: TagStat
    share: float
    weekly: list[int]


@dataclass(frozen=True, slots=True)
class WeekdayRow:
    tag: str
    counts: tuple[int, ...]
    peak: int | None


@dataclass(slots=True)
class Figures:
    """One period's insights, ready to draw."""

    period: Period
    weeks: list[date]
    entries: int
    rows: list[TagRow] = field(default_factory=list)
    weekdays: list[WeekdayRow] = field(default_factory=list)
    pairs: list[PairStat] = field(default_factory=list)
    helpers: list[Helper] = field(default_factory=list)
    mood: list[MoodWeek] = field(default_factory=list)
    #: the lowest row of the mood chart, as the chart shows it (None when there is no fair choice)
    lowest: MoodWeek | None = None
    notice: EarlyNotice | None = None

    @property
    def stats(self) -> list[TagStat]:
        return [row.stat for row in self.rows]


def gather(store: InsightsReads, period: Period, now: datetime, *, notice: bool = True) -> Figures:
    """All of the pane's figures over `period`; the early notice is about the last two weeks to `now`."""
    since, until = period.start, period.end
    weeks = week_starts(period)
    stats = store.tag_stats(since, until)
    listed = [s for s in stats if s.category in TABLE_CATEGORIES]
    series = weekly_series(store.tag_weeks(since, until, tags=[s.name for s in listed]), weeks)
    rows = [TagRow(s, share_of_days(s.days, period.days), series.get(s.name, [0] * len(weeks))) for s in listed]
    stressors = [s.name for s in listed if s.category is Category.STRESSOR]
    grid = weekday_grid(store.tag_weekdays(since, until, tags=stressors), stressors)
    entries = store.entry_count(since, until)
    moods = mood_series(store.mood_weeks(since, until), weeks)
    return Figures(
        period=period,
        weeks=weeks,
        entries=entries,
        rows=rows,
        weekdays=_weekday_rows(grid),
        pairs=travel_together(
            store.tag_pairs(since, until),
            {s.name: s.count for s in stats},
            entries,
            exclude={s.name for s in stats if s.category is Category.PERSONAL},
        ),
        helpers=what_helps(stats),
        mood=moods,
        lowest=chart_lowest(merge_mood_weeks(moods, chart_step(len(weeks)))).row,
        notice=current_notice(store, now) if notice else None,
    )


def _weekday_rows(grid: dict[str, tuple[int, ...]]) -> list[WeekdayRow]:
    """The most frequent stressors, plus any that clearly belong to one weekday, most frequent first
    (`grid` is in frequency order)."""
    rows = [WeekdayRow(tag, counts, busiest_weekday(counts)) for tag, counts in grid.items()]
    chosen = {r.tag for r in rows[:WEEKDAY_TAGS]} | {r.tag for r in rows if r.peak is not None}
    return [r for r in rows if r.tag in chosen][: WEEKDAY_TAGS + 2]
