"""The arithmetic of the boundary log: weekly held/bent/crossed, what gets crossed most, clear runs.

SQLite does the counting (one small grouped query of (local day, boundary, outcome, count) rows);
this module decides what those rows mean, so the pane, the CLI and the tests all agree. Nothing
here judges: a run of clear days is noticed when it exists and simply not mentioned when it does not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal.domain.insights import monday_of
from journal.domain.models import Outcome

__all__ = [
    "BoundarySummary",
    "ClearRuns",
    "DayCount",
    "WeekCounts",
    "clear_runs",
    "first_week",
    "most_crossed",
    "run_sentence",
    "summarise",
    "weekly_counts",
]

#: One aggregate row from storage: (local day, boundary slug, outcome, how many events).
DayCount = tuple[date, str, str, int]

#: How many weeks the pane looks back over, the current one included.
WEEKS = 8
#: A run this short is not worth a sentence; two clear days in a row is just a week.
MIN_RUN_TO_MENTION = 3


@dataclass(frozen=True, slots=True)
class WeekCounts:
    """Held / bent / crossed events in the week starting on Monday `start`."""

    start: date
    held: int = 0
    bent: int = 0
    crossed: int = 0

    @property
    def total(self) -> int:
        return self.held + self.bent + self.crossed


@dataclass(frozen=True, slots=True)
class ClearRuns:
    """Days in a row with nothing crossed: the longest in the window and the one still going."""

    longest: int
    longest_end: date | None
    current: int


@dataclass(frozen=True, slots=True)
class BoundarySummary:
    """Everything the pane shows beside the log, computed from one set of aggregate rows."""

    weeks: list[WeekCounts]
    most_crossed: list[tuple[str, int]]
    runs: ClearRuns


def first_week(today: date, weeks: int = WEEKS) -> date:
    """The Monday starting the oldest of the `weeks` weeks ending with this one."""
    if weeks < 1:
        raise ValueError("Look back over at least one week.")
    return monday_of(today) - timedelta(weeks=weeks - 1)


def weekly_counts(rows: Iterable[DayCount], first_monday: date, weeks: int = WEEKS) -> list[WeekCounts]:
    """One WeekCounts per week from `first_monday`, oldest first; empty weeks are kept (as zeros)
    so a quiet week shows as quiet instead of vanishing. Rows outside the weeks are ignored."""
    if first_monday.weekday() != 0:
        raise ValueError("Weeks start on a Monday.")
    tallies = [Counter[str]() for _ in range(weeks)]
    for day, _boundary, outcome, count in rows:
        index = (day - first_monday).days // 7
        if 0 <= index < weeks:
            tallies[index][Outcome(outcome).value] += count
    return [
        WeekCounts(
            first_monday + timedelta(weeks=i),
            held=t[Outcome.HELD.value],
            bent=t[Outcome.BENT.value],
            crossed=t[Outcome.CROSSED.value],
        )
        for i, t in enumerate(tallies)
    ]


def most_crossed(rows: Iterable[DayCount], limit: int = 3) -> list[tuple[str, int]]:
    """The boundaries crossed most often, (slug, times), most first; ties in slug order."""
    counts: Counter[str] = Counter()
    for _day, boundary, outcome, count in rows:
        if outcome == Outcome.CROSSED.value:
            counts[boundary] += count
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def clear_runs(crossed_days: Iterable[date], first: date, last: date) -> ClearRuns:
    """Runs of consecutive days in [first, last] on which nothing was crossed.

    `current` is the run ending on `last` (today); it is 0 when something was crossed today.
    """
    if last < first:
        return ClearRuns(0, None, 0)
    crossed = sorted({d for d in crossed_days if first <= d <= last})
    longest, longest_end = 0, None
    previous = first - timedelta(days=1)  # a virtual crossing just before the window
    for day in [*crossed, last + timedelta(days=1)]:  # ...and one just after it
        gap = (day - previous).days - 1
        if gap > longest:
            longest, longest_end = gap, day - timedelta(days=1)
        previous = day
    current = (last - crossed[-1]).days if crossed else (last - first).days + 1
    return ClearRuns(longest, longest_end, current)


def summarise(rows: Sequence[DayCount], today: date, weeks: int = WEEKS) -> BoundarySummary:
    """The pane's figures for the `weeks` weeks ending today.

    The clear-day runs start on the first day anything was logged in the window, so days before
    someone began keeping the log are not counted as "nothing crossed".
    """
    start = first_week(today, weeks)
    window = [r for r in rows if start <= r[0] <= today]
    logged = [r[0] for r in window]
    crossed = [r[0] for r in window if r[2] == Outcome.CROSSED.value]
    runs = clear_runs(crossed, min(logged), today) if logged else ClearRuns(0, None, 0)
    return BoundarySummary(weekly_counts(window, start, weeks), most_crossed(window), runs)


def run_sentence(runs: ClearRuns) -> str | None:
    """A gentle line about clear days, or None. Never mentions an ended run as a loss."""
    if runs.current >= MIN_RUN_TO_MENTION and runs.current >= runs.longest:
        return f"{runs.current} days in a row with nothing crossed — that's worth noticing."
    parts = []
    if runs.longest >= MIN_RUN_TO_MENTION and runs.longest_end is not None:
        end = runs.longest_end
        parts.append(
            f"Your longest stretch lately: {runs.longest} days with nothing crossed "
            f"(up to {end.day} {end.strftime('%b')})."
        )
    if runs.current > 0:
        parts.append("Nothing crossed today so far." if runs.current == 1 else f"{runs.current} days clear so far.")
    return " ".join(parts) or None
