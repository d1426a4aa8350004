"""The pure arithmetic behind the insights view: periods, trends, weekly buckets, baselines.

The counting itself happens in SQL (storage); this module decides what the numbers *mean*, so the
CLI, the TUI and the tests all agree on when a stressor is "rising" or a symptom is above the user's
own usual level. Thresholds are deliberately conservative: a change of one entry is noise, and a
journal should not alarm anyone over noise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from journal.domain.when import DayRange, WhenError, day_start, local_tz, parse_range

__all__ = [
    "DEFAULT_WEEKS",
    "QUICK_WEEKS",
    "TREND_ARROWS",
    "TREND_WORDS",
    "Period",
    "is_above_baseline",
    "mean_or_none",
    "monday_of",
    "parse_period",
    "trend_of",
    "trend_text",
    "week_starts",
]

#: The periods Insights (and the brief) offer at one key, in weeks, in the order of their keys 1-4.
QUICK_WEEKS = (2, 4, 12, 52)
#: The period Insights opens on, in weeks.
DEFAULT_WEEKS = 12

#: a change must be at least this many entries...
MIN_CHANGE = 2
#: ...and at least this ratio up (or its inverse down) to count as rising or falling.
RISE_RATIO = 1.25

TREND_ARROWS: dict[str, str] = {
    "rising": "↑",
    "falling": "↓",
    "steady": "→",
    "new": "+",
    "gone": "−",
    "none": " ",
}
#: plain words beside the arrows, so a trend is never conveyed by a symbol alone.
TREND_WORDS: dict[str, str] = {
    "rising": "more often",
    "falling": "less often",
    "steady": "about the same",
    "new": "new this time",
    "gone": "not this time",
    "none": "",
}


def trend_of(count: int, previous_count: int) -> str:
    """How a tag's count compares with the previous period of equal length.

    'new' (none before), 'gone' (none now), 'rising'/'falling' when the difference is at least
    MIN_CHANGE entries *and* at least RISE_RATIO times (or at most 1/RISE_RATIO), else 'steady';
    'none' when both are zero.
    """
    if count < 0 or previous_count < 0:
        raise ValueError("Counts cannot be negative.")
    if count == 0 and previous_count == 0:
        return "none"
    if previous_count == 0:
        return "new"
    if count == 0:
        return "gone"
    diff = count - previous_count
    if diff >= MIN_CHANGE and count >= RISE_RATIO * previous_count:
        return "rising"
    if -diff >= MIN_CHANGE and count * RISE_RATIO <= previous_count:
        return "falling"
    return "steady"


def mean_or_none(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are present, or None when there are none (never a zero that
    would read as "awful mood")."""
    from statistics import fmean  # loaded when used: `journal stressors` needs only the trends

    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def monday_of(day: date) -> date:
    """The Monday starting the week that `day` is in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    """A stretch of time `[start, end)` the insights are computed over, usually whole local days."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("A period needs time-zone-aware bounds.")
        if self.end <= self.start:
            raise ValueError("A period must end after it starts.")

    @classmethod
    def of(cls, days: DayRange) -> Period:
        return cls(days.start, days.end)

    @classmethod
    def last_days(cls, count: int, *, now: datetime | None = None, tz: tzinfo | None = None) -> Period:
        """The `count` whole local days ending with today (the insights view's default window)."""
        if count < 1:
            raise ValueError("A period covers at least one day.")
        tz = tz or local_tz()
        today = (now.astimezone(tz) if now else datetime.now(tz)).date()
        return cls(day_start(today - timedelta(days=count - 1), tz), day_start(today + timedelta(days=1), tz))

    @property
    def _tz(self) -> tzinfo:
        assert self.start.tzinfo is not None
        return self.start.tzinfo

    def _is_whole_days(self) -> bool:
        tz = self._tz
        end = self.end.astimezone(tz)
        return self.start == day_start(self.start.date(), tz) and end == day_start(end.date(), tz)

    @property
    def days(self) -> int:
        """Whole local days touched by the period (a period ending at a midnight stops the day before)."""
        tz = self._tz
        first = self.start.date()
        end = self.end.astimezone(tz)
        last = end.date() - timedelta(days=1) if end == day_start(end.date(), tz) else end.date()
        return (last - first).days + 1

    def previous(self) -> Period:
        """The period of equal length just before this one.

        For whole days the length is counted in calendar days, so the previous "30 days" is 30 days
        even when a DST change makes one of them 23 hours; otherwise it is the exact duration.
        """
        if self._is_whole_days():
            tz = self._tz
            first = self.start.date() - timedelta(days=self.days)
            return Period(day_start(first, tz), self.start)
        start, end = self.start.astimezone(UTC), self.end.astimezone(UTC)
        return Period((start - (end - start)).astimezone(self._tz), self.start)

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def local_days(self) -> list[date]:
        """Every local date the period touches, in order."""
        first = self.start.date()
        return [first + timedelta(days=i) for i in range(self.days)]


def week_starts(period: Period) -> list[date]:
    """The Mondays of every week the period touches, oldest first, for weekly bar charts."""
    days = period.local_days()
    first, last = monday_of(days[0]), monday_of(days[-1])
    return [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]


def is_above_baseline(current: float, history: Sequence[float], *, min_history: int = 4) -> bool:
    """Whether this period's figure (e.g. symptom tags per week) is clearly above the user's usual.

    "Clearly" means above the mean of earlier periods by more than one standard deviation and by
    at least MIN_CHANGE, so a gentle notice appears for a real change, not for an ordinary bad week.
    With fewer than `min_history` earlier periods there is no baseline yet, and no notice.
    """
    if len(history) < min_history:
        return False
    from statistics import fmean, pstdev

    rise = current - fmean(history)
    return rise >= MIN_CHANGE and rise > pstdev(history)


def trend_text(count: int, previous_count: int, trend: str | None = None) -> str:
    """A trend as arrow, word and numbers, e.g. '↑ rising (5 → 9)': never a symbol alone."""
    trend = trend or trend_of(count, previous_count)
    if trend == "none":
        return ""
    return f"{TREND_ARROWS[trend]} {trend} ({previous_count} → {count})"


#: Range separators people type between two WHEN forms, longest first.
_RANGE_WORDS = ("..", " to ", " until ", " - ", " – ")
_SINCE_WORDS = ("since ", "from ")


def parse_period(text: str, *, now: datetime, tz: tzinfo | None = None) -> Period:
    """A period typed as WHEN forms: '2026-09..2026-10', 'since last month', 'last month', 'nov 3 to
    nov 20'. Whole local days, both ends included; nothing after today (an open end stops today).

    Raises WhenError (one plain sentence) for anything that does not read as dates.
    """
    tz = tz or now.tzinfo or local_tz()
    today_end = day_start(now.astimezone(tz).date() + timedelta(days=1), tz)
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower()
    if not cleaned:
        raise WhenError("Type a period, e.g. last month, since 2026-09 or 2026-09..2026-10.")
    start: datetime
    end: datetime
    for word in _SINCE_WORDS:
        if lowered.startswith(word):
            start, end = parse_range(cleaned[len(word) :], now=now, tz=tz).start, today_end
            break
    else:
        for word in _RANGE_WORDS:
            head, sep, tail = lowered.partition(word)
            if sep and head.strip() and tail.strip():
                first, second = cleaned[: len(head)], cleaned[len(head) + len(sep) :]
                start = parse_range(first, now=now, tz=tz).start
                end = parse_range(second, now=now, tz=tz).end
                break
        else:
            days = parse_range(cleaned, now=now, tz=tz)
            start, end = days.start, days.end
    end = min(end, today_end)
    if end <= start:
        raise WhenError("That period is empty or in the future; the second date should come after the first.")
    return Period(start, end)
