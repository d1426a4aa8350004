"""Shaping the insights figures: weekly series, weekday grids, tags that travel together, what helps.

Storage counts (in SQL, never loading entries); this module only arranges and ranks the small
aggregate rows it returns, so the figures' meaning is decided in one pure, testable place. Every
ranking has a minimum sample: with a handful of entries, a "pattern" is usually chance, and a journal
should not suggest one.
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from journal.domain.models import Category, TagStat

__all__ = [
    "MIN_LOWEST_ENTRIES",
    "WEEKDAY_NAMES",
    "ChartLowest",
    "Helper",
    "MoodWeek",
    "PairStat",
    "TagPair",
    "TagWeek",
    "TagWeekday",
    "busiest_weekday",
    "chart_lowest",
    "lowest_week",
    "merge_mood_weeks",
    "mood_series",
    "share_of_days",
    "sparkline",
    "travel_together",
    "weekday_grid",
    "weekly_series",
    "what_helps",
]

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
#: Pairs must have been together at least this often to be listed.
MIN_TOGETHER = 3
#: "What helps" needs this many mood entries with the tag (and without it) to compare means.
MIN_MOOD_ENTRIES = 5
#: A weekday is "the" day of a tag when it has at least this many entries...
MIN_PEAK = 4
#: ...and at least this share of all of them (twice a workday's fair share of 1/5).
PEAK_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class TagWeek:
    """How many entries carried `tag` in the week starting on Monday `week` (local days)."""

    tag: str
    week: date
    count: int


@dataclass(frozen=True, slots=True)
class TagWeekday:
    """How many entries carried `tag` on `weekday` (0 = Monday ... 6 = Sunday) over a period."""

    tag: str
    weekday: int
    count: int


@dataclass(frozen=True, slots=True)
class TagPair:
    """Two tags (`first` < `second`) on the same entry, `together` times over a period."""

    first: str
    second: str
    together: int


@dataclass(frozen=True, slots=True)
class MoodWeek:
    """Mean mood and energy of the mood entries in the week starting on Monday `week`."""

    week: date
    mood: float | None
    energy: float | None
    entries: int


@dataclass(frozen=True, slots=True)
class PairStat:
    """A pair worth showing: how often together, and how much more often than chance (lift)."""

    first: str
    second: str
    together: int
    lift: float
    #: of the entries with the rarer of the two tags, the share that also had the other
    share: float


@dataclass(frozen=True, slots=True)
class Helper:
    """A care tag and how mood went with it: `difference` = mood_with - mood_without."""

    name: str
    mood_with: float
    mood_without: float
    difference: float
    entries: int


def share_of_days(days: int, period_days: int) -> float:
    """The share (0..1) of the period's days on which a tag came up."""
    return days / period_days if period_days > 0 else 0.0


def weekly_series(rows: Iterable[TagWeek], weeks: Sequence[date]) -> dict[str, list[int]]:
    """Per tag, its count in each of `weeks` (zeros where it did not come up), oldest first."""
    index = {week: i for i, week in enumerate(weeks)}
    series: dict[str, list[int]] = {}
    for row in rows:
        if row.week in index:
            series.setdefault(row.tag, [0] * len(weeks))[index[row.week]] += row.count
    return series


def sparkline(values: Sequence[int | float], width: int) -> str:
    """Values as block characters, at most `width` of them (neighbours summed when there are more).

    Zero is a space-like lowest block only when something else is higher; an all-zero series is all
    lowest blocks, so the line never pretends to show a shape it does not have.
    """
    if not values or width < 1:
        return ""
    size = math.ceil(len(values) / width)
    buckets = [sum(values[i : i + size]) for i in range(0, len(values), size)]
    top = max(buckets)
    if top <= 0:
        return SPARK_BLOCKS[0] * len(buckets)
    last = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[round(v / top * last)] if v > 0 else " " for v in buckets)


def weekday_grid(rows: Iterable[TagWeekday], tags: Sequence[str]) -> dict[str, tuple[int, ...]]:
    """For each of `tags` (in that order), its counts Monday to Sunday."""
    grid = {tag: [0] * 7 for tag in tags}
    for row in rows:
        if row.tag in grid and 0 <= row.weekday < 7:
            grid[row.tag][row.weekday] += row.count
    return {tag: tuple(counts) for tag, counts in grid.items()}


def busiest_weekday(counts: Sequence[int]) -> int | None:
    """The weekday a tag clearly belongs to, or None when it is spread out.

    Clearly: at least MIN_PEAK entries on that day, and at least PEAK_SHARE of all the tag's entries
    (a tag spread evenly over the working week has a fifth on each day). Ties go to the earlier day.
    """
    if len(counts) != 7:
        raise ValueError("A week has seven days.")
    peak = max(range(7), key=lambda d: (counts[d], -d))
    if counts[peak] >= MIN_PEAK and counts[peak] >= PEAK_SHARE * sum(counts):
        return peak
    return None


def travel_together(
    pairs: Iterable[TagPair],
    counts: Mapping[str, int],
    total_entries: int,
    *,
    min_together: int = MIN_TOGETHER,
    limit: int = 6,
    exclude: Container[str] = (),
) -> list[PairStat]:
    """Pairs that come up together more often than chance, strongest first.

    Lift = together * total / (count_a * count_b): 1 means "as often as if unrelated". Only pairs with
    lift above 1 and at least `min_together` shared entries are kept; they are ranked by lift weighted
    by the evidence (lift * log2(1 + together)), so a pair seen 40 times at 2x outranks one seen 3 times
    at 2.2x. Tags in `exclude` are left out (the pane leaves out personal #hashtags, which mostly
    travel with the built-in tag they spell out).
    """
    found: list[PairStat] = []
    for pair in pairs:
        if pair.first in exclude or pair.second in exclude:
            continue
        a, b = counts.get(pair.first, 0), counts.get(pair.second, 0)
        if pair.together < min_together or a <= 0 or b <= 0 or total_entries <= 0:
            continue
        lift = pair.together * total_entries / (a * b)
        if lift <= 1.0:
            continue
        found.append(PairStat(pair.first, pair.second, pair.together, lift, pair.together / min(a, b)))
    found.sort(key=lambda p: (-p.lift * math.log2(1 + p.together), -p.together, p.first, p.second))
    return found[:limit]


def what_helps(stats: Iterable[TagStat], *, min_entries: int = MIN_MOOD_ENTRIES, limit: int = 5) -> list[Helper]:
    """Care tags whose entries had a better mean mood than the rest, biggest difference first.

    Needs `min_entries` mood entries with the tag; a tag on every mood entry has nothing to compare
    with and is left out. Only positive differences are listed: this is "what helps", not a verdict.
    """
    helpers = [
        Helper(s.name, s.mood_with, s.mood_without, s.mood_with - s.mood_without, s.mood_entries)
        for s in stats
        if s.category is Category.CARE
        and s.mood_with is not None
        and s.mood_without is not None
        and s.mood_entries >= min_entries
        and s.mood_with > s.mood_without
    ]
    helpers.sort(key=lambda h: (-h.difference, -h.entries, h.name))
    return helpers[:limit]


def mood_series(rows: Iterable[MoodWeek], weeks: Sequence[date]) -> list[MoodWeek]:
    """One MoodWeek per week in `weeks`, empty (None, 0 entries) where nothing was written."""
    by_week = {row.week: row for row in rows}
    return [by_week.get(week, MoodWeek(week, None, None, 0)) for week in weeks]


#: The mood chart's most rows; a longer period folds several weeks into each row.
MAX_CHART_ROWS = 13


def chart_step(weeks: int) -> int:
    """How many weeks one row of the mood chart stands for (the chart and its "lowest" agree on it)."""
    return max(1, math.ceil(weeks / MAX_CHART_ROWS))


def merge_mood_weeks(weeks: Sequence[MoodWeek], size: int) -> list[MoodWeek]:
    """Consecutive weeks merged `size` at a time, means weighted by entries (for long periods)."""
    if size <= 1:
        return list(weeks)
    merged: list[MoodWeek] = []
    for i in range(0, len(weeks), size):
        chunk = list(weeks[i : i + size])
        n = sum(w.entries for w in chunk)
        merged.append(MoodWeek(chunk[0].week, _weighted(chunk, "mood"), _weighted(chunk, "energy"), n))
    return merged


def _weighted(weeks: Sequence[MoodWeek], field: str) -> float | None:
    pairs = [(getattr(w, field), w.entries) for w in weeks if getattr(w, field) is not None and w.entries]
    total = sum(n for _, n in pairs)
    return sum(v * n for v, n in pairs) / total if total else None


def lowest_week(weeks: Sequence[MoodWeek], *, min_entries: int = 3) -> MoodWeek | None:
    """The week with the lowest mean mood among those with at least `min_entries` mood entries."""
    candidates = [w for w in weeks if w.mood is not None and w.entries >= min_entries]
    return min(candidates, key=lambda w: (w.mood, w.week)) if candidates else None


@dataclass(frozen=True, slots=True)
class ChartLowest:
    """The lowest of the rows a mood chart shows, and what was left out of the choice."""

    #: the lowest row (a week, or the first week of a merged row); None when there is no fair choice
    row: MoodWeek | None
    #: rows with a mood but fewer than `min_entries` entries, not considered
    left_out: int
    #: rows that were considered
    considered: int


#: a row of the mood chart is compared for "lowest" only with at least this many entries with a mood
MIN_LOWEST_ENTRIES = 3


def chart_lowest(rows: Sequence[MoodWeek], *, min_entries: int = MIN_LOWEST_ENTRIES) -> ChartLowest:
    """The lowest of exactly the rows shown (merged or not), among those with at least `min_entries`
    entries with a mood; none unless at least two rows can be compared (one week is not "lowest")."""
    candidates = [r for r in rows if r.mood is not None and r.entries >= min_entries]
    left_out = sum(1 for r in rows if r.mood is not None and r.entries < min_entries)
    row = min(candidates, key=lambda r: (r.mood, r.week)) if len(candidates) >= 2 else None
    return ChartLowest(row, left_out, len(candidates))
