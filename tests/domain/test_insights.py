"""journal.domain.insights: trends, periods across DST, weekly buckets and baselines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.insights import (
    TREND_ARROWS,
    TREND_WORDS,
    Period,
    is_above_baseline,
    mean_or_none,
    monday_of,
    trend_of,
    week_starts,
)
from journal.domain.when import parse_range

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("count", "previous", "trend"),
    [
        (0, 0, "none"),
        (3, 0, "new"),
        (1, 0, "new"),
        (0, 4, "gone"),
        (5, 3, "rising"),  # +2 and 1.67x
        (4, 3, "steady"),  # +1 only
        (12, 10, "steady"),  # +2 but only 1.2x
        (13, 10, "rising"),  # +3 and 1.3x
        (10, 8, "rising"),  # exactly +2 and exactly 1.25x
        (3, 5, "falling"),
        (8, 10, "falling"),  # exactly -2 and exactly 0.8x
        (9, 11, "steady"),  # -2 but 0.82x
        (2, 3, "steady"),
        (7, 7, "steady"),
    ],
)
def test_trend_of(count: int, previous: int, trend: str) -> None:
    assert trend_of(count, previous) == trend


def test_trend_refuses_negative_counts() -> None:
    with pytest.raises(ValueError):
        trend_of(-1, 2)


def test_every_trend_has_an_arrow_and_words() -> None:
    trends = {trend_of(c, p) for c in range(8) for p in range(8)}
    assert trends == {"none", "new", "gone", "rising", "falling", "steady"}
    assert trends == set(TREND_ARROWS) == set(TREND_WORDS)


@settings(max_examples=300)
@given(st.integers(0, 1000), st.integers(0, 1000))
def test_trend_is_antisymmetric(a: int, b: int) -> None:
    opposite = {
        "rising": "falling",
        "falling": "rising",
        "new": "gone",
        "gone": "new",
        "steady": "steady",
        "none": "none",
    }
    forward, backward = trend_of(a, b), trend_of(b, a)
    if forward in ("rising", "falling"):
        # the thresholds are ratio-based, so reversing a big rise is a fall (and vice versa)
        assert backward == opposite[forward]
    if forward in ("new", "gone", "none"):
        assert backward == opposite[forward]
    if abs(a - b) < 2:
        assert forward in ("steady", "new", "gone", "none")


def test_mean_or_none() -> None:
    assert mean_or_none([]) is None
    assert mean_or_none([None, None]) is None
    assert mean_or_none([2, None, 4]) == 3
    assert mean_or_none(iter([1, 2])) == 1.5


def test_period_days_and_previous_across_the_autumn_dst_change() -> None:
    october = Period.of(parse_range("2026-10", tz=LONDON))
    assert october.days == 31
    september_ish = october.previous()
    assert september_ish.end == october.start
    assert september_ish.days == 31
    assert september_ish.start == datetime(2026, 8, 31, tzinfo=LONDON)
    # October has a 25-hour day, yet its previous period still starts at a local midnight
    assert september_ish.start.hour == 0


def test_last_days_ends_today() -> None:
    now = datetime(2026, 3, 30, 8, 0, tzinfo=LONDON)
    period = Period.last_days(7, now=now, tz=LONDON)
    assert period.days == 7
    assert period.local_days()[0] == date(2026, 3, 24)
    assert period.local_days()[-1] == date(2026, 3, 30)
    assert now in period and period.end == datetime(2026, 3, 31, tzinfo=LONDON)
    previous = period.previous()
    assert previous.days == 7 and previous.start == datetime(2026, 3, 17, tzinfo=LONDON)
    with pytest.raises(ValueError):
        Period.last_days(0, now=now, tz=LONDON)


def test_a_period_that_is_not_whole_days_keeps_its_exact_length() -> None:
    start = datetime(2026, 3, 29, 12, 0, tzinfo=LONDON)
    period = Period(start, start + timedelta(hours=30))
    previous = period.previous()
    assert previous.end == period.start
    utc = UTC
    assert previous.end.astimezone(utc) - previous.start.astimezone(utc) == timedelta(hours=30)
    assert period.days == 2


def test_period_validation() -> None:
    moment = datetime(2026, 1, 1, tzinfo=LONDON)
    with pytest.raises(ValueError):
        Period(moment, moment)
    with pytest.raises(ValueError):
        Period(datetime(2026, 1, 1), datetime(2026, 1, 2))


def test_week_starts_are_the_mondays_touched() -> None:
    november = Period.of(parse_range("2026-11", tz=LONDON))  # Sun 1st .. Mon 30th
    weeks = week_starts(november)
    assert weeks[0] == date(2026, 10, 26)
    assert weeks[-1] == date(2026, 11, 30)
    assert len(weeks) == 6
    assert all(w.weekday() == 0 for w in weeks)
    one_day = Period.of(parse_range("2026-11-04", tz=LONDON))
    assert week_starts(one_day) == [date(2026, 11, 2)]


@settings(max_examples=200, deadline=None)
@given(first=st.dates(date(2000, 1, 1), date(2100, 1, 1)), length=st.integers(1, 400))
def test_week_starts_cover_every_day_exactly_once(first: date, length: int) -> None:
    period = Period.of(parse_range(first.isoformat(), tz=LONDON))
    period = Period(period.start, parse_range((first + timedelta(days=length - 1)).isoformat(), tz=LONDON).end)
    assert period.days == length
    weeks = week_starts(period)
    assert {monday_of(d) for d in period.local_days()} == set(weeks)
    assert weeks == sorted(weeks) and len(weeks) == len(set(weeks))
    previous = period.previous()
    assert previous.days == length and previous.end == period.start


def test_is_above_baseline() -> None:
    assert not is_above_baseline(10, [1, 1, 1])  # too little history to have a baseline
    assert is_above_baseline(6, [2, 3, 2, 3])
    assert not is_above_baseline(4, [2, 3, 2, 3])  # within the ordinary ups and downs
    assert not is_above_baseline(9, [1, 9, 1, 9, 1, 9])  # a volatile baseline needs a bigger change
    assert not is_above_baseline(1, [0, 0, 0, 0])  # one entry is never "clearly" more
    assert is_above_baseline(2, [0, 0, 0, 0])
