"""journal.domain.when: every WHEN form, DST days, error sentences and properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.when import (
    DayRange,
    WhenError,
    day_start,
    local_tz,
    parse_moment,
    parse_range,
    since_bound,
    until_bound,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# A Wednesday afternoon, in British summer time.
NOW = datetime(2026, 7, 15, 16, 45, tzinfo=LONDON)


def day(text: str, now: datetime = NOW, tz: ZoneInfo = LONDON) -> tuple[date, date]:
    """The first and last day (inclusive) that `text` names."""
    r = parse_range(text, now=now, tz=tz)
    return r.start.date(), (r.end - timedelta(microseconds=1)).date()


def moment(text: str, now: datetime = NOW, tz: ZoneInfo = LONDON) -> datetime:
    return parse_moment(text, now=now, tz=tz)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2026-11-03", date(2026, 11, 3), date(2026, 11, 3)),
        ("2026/11/03", date(2026, 11, 3), date(2026, 11, 3)),
        ("2026-11-03 18:30", date(2026, 11, 3), date(2026, 11, 3)),
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("today", date(2026, 7, 15), date(2026, 7, 15)),
        ("Today", date(2026, 7, 15), date(2026, 7, 15)),
        ("now", date(2026, 7, 15), date(2026, 7, 15)),
        ("yesterday", date(2026, 7, 14), date(2026, 7, 14)),
        ("yesterday 18:00", date(2026, 7, 14), date(2026, 7, 14)),
        ("tomorrow", date(2026, 7, 16), date(2026, 7, 16)),
        ("3 days ago", date(2026, 7, 12), date(2026, 7, 12)),
        ("1 day ago", date(2026, 7, 14), date(2026, 7, 14)),
        ("2 weeks ago", date(2026, 7, 1), date(2026, 7, 1)),
        ("a week ago", date(2026, 7, 8), date(2026, 7, 8)),
        ("1 month ago", date(2026, 6, 15), date(2026, 6, 15)),
        ("a year ago", date(2025, 7, 15), date(2025, 7, 15)),
        ("3 hours ago", date(2026, 7, 15), date(2026, 7, 15)),
        ("20 hours ago", date(2026, 7, 14), date(2026, 7, 14)),
        ("last monday", date(2026, 7, 13), date(2026, 7, 13)),
        ("last wednesday", date(2026, 7, 8), date(2026, 7, 8)),  # today is a Wednesday
        ("wednesday", date(2026, 7, 15), date(2026, 7, 15)),
        ("thursday", date(2026, 7, 9), date(2026, 7, 9)),
        ("this friday", date(2026, 7, 17), date(2026, 7, 17)),
        ("last week", date(2026, 7, 6), date(2026, 7, 12)),
        ("this week", date(2026, 7, 13), date(2026, 7, 19)),
        ("last month", date(2026, 6, 1), date(2026, 6, 30)),
        ("this month", date(2026, 7, 1), date(2026, 7, 31)),
        ("last year", date(2025, 1, 1), date(2025, 12, 31)),
        ("this year", date(2026, 1, 1), date(2026, 12, 31)),
        ("nov 3", date(2025, 11, 3), date(2025, 11, 3)),  # most recent one not in the future
        ("jul 15", date(2026, 7, 15), date(2026, 7, 15)),  # today counts
        ("jul 16", date(2025, 7, 16), date(2025, 7, 16)),
        ("3 nov", date(2025, 11, 3), date(2025, 11, 3)),
        ("November 3rd", date(2025, 11, 3), date(2025, 11, 3)),
        ("the 3rd of November", date(2025, 11, 3), date(2025, 11, 3)),
        ("nov 3 2025", date(2025, 11, 3), date(2025, 11, 3)),
        ("Nov 3, 2027", date(2027, 11, 3), date(2027, 11, 3)),
        ("3 nov 2025", date(2025, 11, 3), date(2025, 11, 3)),
        ("sept 1", date(2025, 9, 1), date(2025, 9, 1)),
        ("feb 29", date(2024, 2, 29), date(2024, 2, 29)),
        ("november", date(2025, 11, 1), date(2025, 11, 30)),
        ("july", date(2026, 7, 1), date(2026, 7, 31)),
        ("nov 2026", date(2026, 11, 1), date(2026, 11, 30)),
        ("18:30", date(2026, 7, 15), date(2026, 7, 15)),
        ("  on   nov 3  ", date(2025, 11, 3), date(2025, 11, 3)),
    ],
)
def test_every_form_names_the_right_days(text: str, first: date, last: date) -> None:
    assert day(text) == (first, last)


def test_last_weekday_on_a_monday_is_a_week_back() -> None:
    monday = datetime(2026, 7, 13, 9, 0, tzinfo=LONDON)
    assert day("last monday", now=monday) == (date(2026, 7, 6), date(2026, 7, 6))
    assert day("monday", now=monday) == (date(2026, 7, 13), date(2026, 7, 13))


def test_last_month_in_january_is_last_december() -> None:
    january = datetime(2026, 1, 10, 9, 0, tzinfo=LONDON)
    assert day("last month", now=january) == (date(2025, 12, 1), date(2025, 12, 31))
    assert day("1 month ago", now=datetime(2026, 3, 31, tzinfo=LONDON)) == (
        date(2026, 2, 28),
        date(2026, 2, 28),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-03 18:30", datetime(2026, 11, 3, 18, 30, tzinfo=LONDON)),
        ("2026-11-03T18:30:15", datetime(2026, 11, 3, 18, 30, 15, tzinfo=LONDON)),
        ("yesterday 18:00", datetime(2026, 7, 14, 18, 0, tzinfo=LONDON)),
        ("yesterday at 6pm", datetime(2026, 7, 14, 18, 0, tzinfo=LONDON)),
        ("nov 3 6:30pm", datetime(2025, 11, 3, 18, 30, tzinfo=LONDON)),
        ("6pm", datetime(2026, 7, 15, 18, 0, tzinfo=LONDON)),
        ("6 pm", datetime(2026, 7, 15, 18, 0, tzinfo=LONDON)),
        ("12am", datetime(2026, 7, 15, 0, 0, tzinfo=LONDON)),
        ("12pm", datetime(2026, 7, 15, 12, 0, tzinfo=LONDON)),
        ("at noon", datetime(2026, 7, 15, 12, 0, tzinfo=LONDON)),
        ("yesterday midnight", datetime(2026, 7, 14, 0, 0, tzinfo=LONDON)),
        ("09:05", datetime(2026, 7, 15, 9, 5, tzinfo=LONDON)),
        ("now", NOW),
        ("today", NOW),  # a date alone that is today means now
        ("yesterday", datetime(2026, 7, 14, 12, 0, tzinfo=LONDON)),  # any other day means noon
        ("2026-11-03", datetime(2026, 11, 3, 12, 0, tzinfo=LONDON)),
        ("3 days ago", datetime(2026, 7, 12, 12, 0, tzinfo=LONDON)),
        ("3 hours ago", NOW - timedelta(hours=3)),
        ("45 minutes ago", NOW - timedelta(minutes=45)),
        ("2026-11-03T18:30:00+05:30", datetime(2026, 11, 3, 13, 0, tzinfo=UTC)),
        ("2026-11-03T18:30Z", datetime(2026, 11, 3, 18, 30, tzinfo=UTC)),
        ("1840-01-01T00:00:00-00:01:15", datetime(1840, 1, 1, 0, 1, 15, tzinfo=UTC)),
    ],
)
def test_moments(text: str, expected: datetime) -> None:
    got = moment(text)
    assert got == expected
    assert got.tzinfo is not None


def test_moments_carry_the_local_offset() -> None:
    assert moment("2026-11-03 18:30").utcoffset() == timedelta(0)
    assert moment("2026-07-03 18:30").utcoffset() == timedelta(hours=1)
    assert moment("2026-11-03 18:30", tz=NEW_YORK).utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize("text", ["2026-11", "last week", "this month", "2026", "november"])
def test_a_span_is_not_a_moment(text: str) -> None:
    with pytest.raises(WhenError, match="stretch of days"):
        moment(text)


@pytest.mark.parametrize(
    ("tz", "spring", "autumn"),
    [(LONDON, date(2026, 3, 29), date(2026, 10, 25)), (NEW_YORK, date(2026, 3, 8), date(2026, 11, 1))],
)
def test_dst_days_are_calendar_days(tz: ZoneInfo, spring: date, autumn: date) -> None:
    now = datetime(2026, 12, 1, 12, tzinfo=tz)
    short = parse_range(spring.isoformat(), now=now, tz=tz)
    long = parse_range(autumn.isoformat(), now=now, tz=tz)
    assert short.end.astimezone(UTC) - short.start.astimezone(UTC) == timedelta(hours=23)
    assert long.end.astimezone(UTC) - long.start.astimezone(UTC) == timedelta(hours=25)
    for r in (short, long):
        assert (r.start.hour, r.start.minute, r.end.hour, r.end.minute) == (0, 0, 0, 0)
    march = parse_range(f"{spring:%Y-%m}", now=now, tz=tz)
    assert march.days == 31
    assert march.end.astimezone(UTC) - march.start.astimezone(UTC) == timedelta(days=31, hours=-1)


def test_days_ago_across_dst_keep_the_wall_clock() -> None:
    after = datetime(2026, 3, 30, 9, 0, tzinfo=LONDON)  # the day after the clocks went forward
    assert moment("2 days ago", now=after) == datetime(2026, 3, 28, 12, 0, tzinfo=LONDON)
    assert moment("2 hours ago", now=after) == after - timedelta(hours=2)


def test_a_time_skipped_by_dst_becomes_the_real_moment() -> None:
    skipped = moment("2026-03-29 01:30")  # London jumps from 01:00 to 02:00
    assert skipped.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert skipped.hour == 2


def test_new_york_evening_is_the_new_york_day() -> None:
    evening = datetime(2026, 11, 3, 21, 0, tzinfo=NEW_YORK)  # 02:00 UTC on the 4th
    assert day("today", now=evening, tz=NEW_YORK) == (date(2026, 11, 3), date(2026, 11, 3))
    utc_now = evening.astimezone(UTC)
    assert day("today", now=utc_now, tz=NEW_YORK) == (date(2026, 11, 3), date(2026, 11, 3))


def test_bounds_are_inclusive_whole_days() -> None:
    assert since_bound("2026-11", now=NOW, tz=LONDON) == datetime(2026, 11, 1, tzinfo=LONDON)
    assert until_bound("2026-11", now=NOW, tz=LONDON) == datetime(2026, 12, 1, tzinfo=LONDON)
    assert until_bound("2026-01-31", now=NOW, tz=LONDON) == datetime(2026, 2, 1, tzinfo=LONDON)


def test_day_range_helpers() -> None:
    r = parse_range("2026-11", now=NOW, tz=LONDON)
    assert r.days == 30
    assert datetime(2026, 11, 30, 23, 59, tzinfo=LONDON) in r
    assert datetime(2026, 12, 1, tzinfo=LONDON) not in r
    assert day_start(date(2026, 11, 1), LONDON) == r.start


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("blorp", 'I couldn\'t understand the date "blorp"; try 2026-11-03, yesterday or 3 days ago.'),
        ("", "Please give a date; try 2026-11-03, yesterday or 3 days ago."),
        ("   ", "Please give a date; try 2026-11-03, yesterday or 3 days ago."),
    ],
)
def test_garbage_gets_one_plain_sentence(text: str, message: str) -> None:
    with pytest.raises(WhenError) as caught:
        parse_range(text, now=NOW, tz=LONDON)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "text",
    [
        "feb 30",
        "2026-13",
        "2026-02-30",
        "25:00",
        "13pm",
        "3/11/2026",
        "next week",
        "last fortnight",
        "yesterday today",
        "last week 18:00",
        "2026-11 18:00",
        "9999-12-31",
        "0000-01-01",
        "99999999999999 days ago",
        "3 days",
        "ago",
    ],
)
def test_impossible_or_unknown_dates_are_refused(text: str) -> None:
    for parse in (parse_range, parse_moment):
        with pytest.raises(WhenError) as caught:
            parse(text, now=NOW, tz=LONDON)
        assert str(caught.value).count(";") == 1 and str(caught.value).endswith(".")


def test_error_echo_is_printable_and_short() -> None:
    with pytest.raises(WhenError) as caught:
        parse_range("\x1b[31m" + "x" * 200, now=NOW, tz=LONDON)
    message = str(caught.value)
    assert "\x1b" not in message and len(message) < 140


def test_now_and_tz_default_to_the_local_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_tz() == NEW_YORK
    assert parse_range("today").start.utcoffset() in (timedelta(hours=-4), timedelta(hours=-5))
    before = datetime.now(UTC)
    assert before - timedelta(seconds=5) <= parse_moment("now") <= datetime.now(UTC)


def test_naive_now_is_read_as_local_wall_clock() -> None:
    assert day("today", now=datetime(2026, 7, 15, 23, 30)) == (date(2026, 7, 15), date(2026, 7, 15))


# --- properties --------------------------------------------------------------------------------

ZONES = st.sampled_from([LONDON, NEW_YORK, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")])
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
NOWS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1))
WORDS = st.sampled_from(
    [
        "nov",
        "3",
        "2026",
        "-",
        "ago",
        "days",
        "last",
        "week",
        "monday",
        "yesterday",
        "at",
        "6pm",
        "18:30",
        ":",
        "of",
        "the",
        "3rd",
        "month",
        "this",
        "now",
        "11",
        " ",
        "t",
        "z",
        "+05:00",
        "am",
        "0",
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=30), st.lists(WORDS, max_size=6).map(" ".join)), tz=ZONES, now=NOWS)
def test_arbitrary_text_only_ever_raises_when_error(text: str, tz: ZoneInfo, now: datetime) -> None:
    for parse in (parse_range, parse_moment):
        try:
            result = parse(text, now=now, tz=tz)
        except WhenError as error:
            assert str(error).endswith(".") and "\n" not in str(error)
        else:
            if isinstance(result, DayRange):
                assert result.start < result.end
                assert result.start.tzinfo is not None


@settings(max_examples=200, deadline=None)
@given(d=DAYS, tz=ZONES, now=NOWS)
def test_an_iso_date_covers_exactly_that_day(d: date, tz: ZoneInfo, now: datetime) -> None:
    r = parse_range(d.isoformat(), now=now, tz=tz)
    assert r.start.date() == d and r.end.date() == d + timedelta(days=1)
    assert r.start < r.end and r.days == 1
    assert since_bound(d.isoformat(), now=now, tz=tz) < until_bound(d.isoformat(), now=now, tz=tz)


@settings(max_examples=200, deadline=None)
@given(
    text=st.sampled_from(
        [
            "today",
            "yesterday",
            "last week",
            "this week",
            "last month",
            "this month",
            "last monday",
            "sunday",
            "nov 3",
            "feb 29",
            "march",
            "2 weeks ago",
            "1 month ago",
            "this year",
            "6pm",
            "now",
            "3 hours ago",
        ]
    ),
    tz=ZONES,
    now=NOWS,
)
def test_ranges_are_non_empty_and_contain_their_start(text: str, tz: ZoneInfo, now: datetime) -> None:
    r = parse_range(text, now=now, tz=tz)
    assert r.start < r.end and r.start in r
    assert until_bound(text, now=now, tz=tz) > since_bound(text, now=now, tz=tz)
    local_today = now.replace(tzinfo=tz).date()
    if text not in ("this week", "this month", "this year"):
        assert r.start.date() <= local_today  # nothing but "this ..." reaches into the future


@settings(max_examples=200, deadline=None)
@given(moment_=st.datetimes(min_value=datetime(1800, 1, 1), max_value=datetime(2200, 1, 1), timezones=ZONES))
def test_an_iso_datetime_round_trips(moment_: datetime) -> None:
    parsed = parse_moment(moment_.isoformat(), now=NOW, tz=LONDON)
    # compared in UTC: Python never calls a wall time inside a DST gap or fold equal across zones
    assert parsed.astimezone(UTC) == moment_.astimezone(UTC)
    assert parsed.utcoffset() == moment_.utcoffset()


def test_a_naive_iso_datetime_in_the_autumn_fold_is_the_first_one() -> None:
    first = moment("2026-10-25 01:30")  # London passes 01:30 twice that night
    assert first.utcoffset() == timedelta(hours=1)


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=0, max_value=5000), tz=ZONES, now=NOWS)
def test_days_ago_is_monotonic(n: int, tz: ZoneInfo, now: datetime) -> None:
    nearer = since_bound(f"{n} days ago", now=now, tz=tz)
    further = since_bound(f"{n + 1} days ago", now=now, tz=tz)
    assert further < nearer
    assert parse_moment(f"{n + 1} days ago", now=now, tz=tz) < parse_moment(f"{n} days ago", now=now, tz=tz)
