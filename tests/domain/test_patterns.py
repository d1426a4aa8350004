"""journal.domain.patterns and the insights additions (trend_text, parse_period): known answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.insights import parse_period, trend_text
from journal.domain.models import Category, TagStat
from journal.domain.patterns import (
    SPARK_BLOCKS,
    MoodWeek,
    TagPair,
    TagWeek,
    TagWeekday,
    busiest_weekday,
    lowest_week,
    merge_mood_weeks,
    mood_series,
    share_of_days,
    sparkline,
    travel_together,
    weekday_grid,
    weekly_series,
    what_helps,
)
from journal.domain.when import WhenError

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 20, 18, 40, tzinfo=LONDON)
W1, W2, W3 = date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)


def stat(name: str, category: Category, mood_with: float | None, mood_without: float | None, n: int) -> TagStat:
    return TagStat(name, category, None, n, n, mood_with, mood_without, 0, "new", mood_entries=n)


# --- trend text and periods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "previous", "text"),
    [
        (9, 5, "↑ rising (5 → 9)"),
        (4, 9, "↓ falling (9 → 4)"),
        (9, 8, "→ steady (8 → 9)"),
        (3, 0, "+ new (0 → 3)"),
        (0, 3, "− gone (3 → 0)"),
        (0, 0, ""),
    ],
)
def test_trend_text_has_arrow_word_and_numbers(count: int, previous: int, text: str) -> None:
    assert trend_text(count, previous) == text


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2026-09..2026-10", date(2026, 9, 1), date(2026, 10, 31)),
        ("since last month", date(2026, 10, 1), date(2026, 11, 20)),
        ("last month", date(2026, 10, 1), date(2026, 10, 31)),
        ("nov 3 to nov 10", date(2026, 11, 3), date(2026, 11, 10)),
        ("From 2026-11-01", date(2026, 11, 1), date(2026, 11, 20)),
        ("2026", date(2026, 1, 1), date(2026, 11, 20)),  # nothing after today
    ],
)
def test_parse_period_reads_when_forms(typed: str, first: date, last: date) -> None:
    period = parse_period(typed, now=NOW)
    assert period.local_days()[0] == first
    assert period.local_days()[-1] == last


@pytest.mark.parametrize("typed", ["", "someday", "2026-12..2027-01", "2026-11-10..2026-11-01"])
def test_parse_period_refuses_in_one_sentence(typed: str) -> None:
    with pytest.raises(WhenError) as problem:
        parse_period(typed, now=NOW)
    assert str(problem.value).endswith(".") and "\n" not in str(problem.value)


# --- weekly series and sparklines -------------------------------------------------------------------


def test_weekly_series_zero_fills_and_ignores_weeks_outside() -> None:
    rows = [
        TagWeek("sleep", W1, 2),
        TagWeek("sleep", W3, 5),
        TagWeek("crisis", W2, 1),
        TagWeek("sleep", date(2026, 1, 5), 9),
    ]
    assert weekly_series(rows, [W1, W2, W3]) == {"sleep": [2, 0, 5], "crisis": [0, 1, 0]}


def test_sparkline_scales_to_the_highest_and_blanks_zero() -> None:
    assert sparkline([0, 4, 8], 3) == " " + SPARK_BLOCKS[4] + SPARK_BLOCKS[-1]
    assert sparkline([0, 0], 5) == SPARK_BLOCKS[0] * 2
    assert sparkline([], 5) == ""


def test_sparkline_sums_neighbours_when_too_long() -> None:
    assert sparkline([1, 1, 0, 0, 2, 2], 3) == SPARK_BLOCKS[4] + " " + SPARK_BLOCKS[-1]


@given(st.lists(st.integers(0, 50), min_size=1, max_size=60), st.integers(1, 20))
def test_sparkline_never_wider_than_asked(values: list[int], width: int) -> None:
    line = sparkline(values, width)
    assert 1 <= len(line) <= width
    assert set(line) <= set(SPARK_BLOCKS) | {" "}


def test_share_of_days() -> None:
    assert share_of_days(7, 28) == 0.25
    assert share_of_days(3, 0) == 0.0


# --- weekdays -----------------------------------------------------------------------------------------


def test_weekday_grid_keeps_the_asked_order_and_fills_zeros() -> None:
    rows = [TagWeekday("paperwork", 2, 12), TagWeekday("paperwork", 0, 1), TagWeekday("other", 1, 3)]
    grid = weekday_grid(rows, ["caseload", "paperwork"])
    assert list(grid) == ["caseload", "paperwork"]
    assert grid["paperwork"] == (1, 0, 12, 0, 0, 0, 0)
    assert grid["caseload"] == (0,) * 7


@pytest.mark.parametrize(
    ("counts", "peak"),
    [
        ((1, 0, 12, 2, 1, 0, 0), 2),  # paperwork Wednesdays
        ((3, 6, 5, 8, 5, 3, 1), None),  # spread over the week: 8 of 31 is no pattern
        ((0, 0, 3, 0, 0, 0, 0), None),  # too few to say
        ((0, 0, 0, 0, 4, 4, 0), 4),  # a tie goes to the earlier day
        ((0,) * 7, None),
    ],
)
def test_busiest_weekday(counts: tuple[int, ...], peak: int | None) -> None:
    assert busiest_weekday(counts) == peak


# --- pairs ----------------------------------------------------------------------------------------------


def test_travel_together_lift_share_and_order() -> None:
    counts = {"crisis": 10, "sleep": 10, "caseload": 50, "choir": 5}
    pairs = [
        TagPair("crisis", "sleep", 6),  # lift 6*100/(10*10) = 6
        TagPair("caseload", "sleep", 5),  # lift 5*100/(50*10) = 1: as chance, left out
        TagPair("caseload", "crisis", 2),  # too few
        TagPair("choir", "crisis", 4),  # excluded tag
    ]
    found = travel_together(pairs, counts, 100, exclude={"choir"})
    assert [(p.first, p.second) for p in found] == [("crisis", "sleep")]
    assert found[0].lift == pytest.approx(6.0)
    assert found[0].share == pytest.approx(0.6)


def test_travel_together_weighs_evidence_over_a_slightly_higher_lift() -> None:
    counts = {"a": 40, "b": 40, "c": 3, "d": 3}
    pairs = [TagPair("a", "b", 32), TagPair("c", "d", 3)]  # lifts 2.0 and 33.3 at 100 entries
    found = travel_together(pairs, counts, 100)
    assert found[0].first == "c"  # 33x on 3 entries beats 2x on 32
    found = travel_together([TagPair("a", "b", 32), TagPair("c", "d", 3)], {"a": 40, "b": 40, "c": 12, "d": 12}, 100)
    assert found[0].first == "a"  # 2x on 32 beats 2.08x on 3


# --- what helps -------------------------------------------------------------------------------------------


def test_what_helps_ranks_care_tags_by_difference_with_a_minimum_sample() -> None:
    stats = [
        stat("exercise", Category.CARE, 4.0, 3.0, 20),
        stat("supervision", Category.CARE, 3.9, 3.2, 6),
        stat("hobby", Category.CARE, 4.9, 3.0, 2),  # too few mood entries
        stat("rest", Category.CARE, 2.9, 3.1, 30),  # worse: not "what helps"
        stat("connection", Category.CARE, None, 3.1, 9),
        stat("crisis", Category.STRESSOR, 4.5, 2.0, 40),  # not a care tag
    ]
    helpers = what_helps(stats)
    assert [h.name for h in helpers] == ["exercise", "supervision"]
    assert helpers[0].difference == pytest.approx(1.0)
    assert helpers[0].entries == 20


# --- mood over time ---------------------------------------------------------------------------------------


def test_mood_series_fills_empty_weeks_and_finds_the_lowest() -> None:
    rows = [MoodWeek(W1, 3.5, 3.0, 10), MoodWeek(W3, 1.5, 2.0, 7)]
    series = mood_series(rows, [W1, W2, W3])
    assert series[1] == MoodWeek(W2, None, None, 0)
    assert lowest_week(series) == rows[1]
    assert lowest_week(series, min_entries=8) == rows[0]
    assert lowest_week([]) is None


def test_merge_mood_weeks_weights_by_entries() -> None:
    weeks = [MoodWeek(W1, 4.0, 3.0, 3), MoodWeek(W2, 2.0, None, 1), MoodWeek(W3, None, None, 0)]
    merged = merge_mood_weeks(weeks, 2)
    assert merged[0].week == W1 and merged[0].entries == 4
    assert merged[0].mood == pytest.approx((4.0 * 3 + 2.0) / 4)
    assert merged[0].energy == pytest.approx(3.0)
    assert merged[1] == MoodWeek(W3, None, None, 0)
    assert merge_mood_weeks(weeks, 1) == weeks


def test_weeks_helpers_agree_with_period_weeks() -> None:
    period = parse_period("2026-11-02..2026-11-22", now=NOW + timedelta(days=5))
    from journal.domain.insights import week_starts

    assert week_starts(period) == [W1, W2, W3]


def test_chart_lowest_compares_only_the_rows_shown_and_says_what_it_left_out() -> None:
    """Issue 14, point 4: one week is not "lowest"; thin weeks are counted as left out."""
    from journal.domain.patterns import chart_lowest

    one = [MoodWeek(date(2026, 11, 2), 2.0, 3.0, 5)]
    assert chart_lowest(one).row is None
    thin = [
        MoodWeek(date(2026, 11, 2), 1.0, 3.0, 2),
        MoodWeek(date(2026, 11, 9), 3.0, 3.0, 4),
        MoodWeek(date(2026, 11, 16), 2.5, 3.0, 3),
        MoodWeek(date(2026, 11, 23), None, None, 0),
    ]
    found = chart_lowest(thin)
    assert (found.row, found.left_out, found.considered) == (thin[2], 1, 2)
