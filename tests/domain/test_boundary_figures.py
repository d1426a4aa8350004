"""The boundary log's arithmetic on constructed rows: weekly buckets, most crossed, clear-day runs.

(Named apart from tests/ui/test_boundaries.py: test basenames must be unique in this suite.)
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.boundaries import (
    ClearRuns,
    WeekCounts,
    clear_runs,
    first_week,
    most_crossed,
    run_sentence,
    summarise,
    weekly_counts,
)
from journal.domain.tags import kind_slug

TODAY = date(2026, 11, 20)  # a Friday
MONDAY = date(2026, 11, 16)


def test_first_week_is_the_monday_seven_weeks_back() -> None:
    assert first_week(TODAY) == date(2026, 9, 28)
    assert first_week(MONDAY, 1) == MONDAY
    assert first_week(date(2026, 11, 22), 2) == date(2026, 11, 9)  # a Sunday is still its Monday's week


def test_weekly_counts_buckets_by_monday_and_keeps_quiet_weeks() -> None:
    start = first_week(TODAY)
    rows = [
        (date(2026, 9, 28), "overtime", "held", 2),  # Monday of the first week
        (date(2026, 10, 4), "overtime", "crossed", 1),  # Sunday of the first week
        (date(2026, 10, 5), "skipped-break", "bent", 3),  # second week
        (date(2026, 11, 20), "overtime", "crossed", 1),
        (date(2026, 11, 20), "after-hours-contact", "crossed", 2),
        (date(2026, 9, 27), "overtime", "crossed", 9),  # the day before the window: ignored
    ]
    weeks = weekly_counts(rows, start)
    assert [w.start for w in weeks] == [start + timedelta(weeks=i) for i in range(8)]
    assert weeks[0] == WeekCounts(date(2026, 9, 28), held=2, crossed=1)
    assert weeks[1] == WeekCounts(date(2026, 10, 5), bent=3)
    assert [w.total for w in weeks[2:7]] == [0] * 5
    assert weeks[7] == WeekCounts(MONDAY, crossed=3)


def test_weekly_counts_needs_a_monday() -> None:
    with pytest.raises(ValueError):
        weekly_counts([], TODAY)


def test_most_crossed_counts_only_crossings_most_first_ties_by_name() -> None:
    rows = [
        (TODAY, "overtime", "crossed", 2),
        (TODAY - timedelta(days=3), "overtime", "crossed", 1),
        (TODAY, "after-hours-contact", "crossed", 3),
        (TODAY, "skipped-break", "held", 9),
        (TODAY, "extra-responsibility", "bent", 4),
        (TODAY, "zz-mine", "crossed", 1),
        (TODAY, "aa-mine", "crossed", 1),
    ]
    assert most_crossed(rows) == [("after-hours-contact", 3), ("overtime", 3), ("aa-mine", 1)]
    assert most_crossed(rows, limit=10)[-1] == ("zz-mine", 1)
    assert most_crossed([(TODAY, "overtime", "held", 5)]) == []


def test_clear_runs_longest_and_current() -> None:
    first, last = date(2026, 11, 1), date(2026, 11, 20)
    crossed = [date(2026, 11, 3), date(2026, 11, 12), date(2026, 11, 16)]
    runs = clear_runs(crossed, first, last)
    # 4..11 is 8 clear days; 17..20 is the current run of 4.
    assert runs == ClearRuns(longest=8, longest_end=date(2026, 11, 11), current=4)


def test_clear_runs_crossed_today_and_nothing_crossed() -> None:
    first, last = date(2026, 11, 1), date(2026, 11, 20)
    assert clear_runs([last], first, last) == ClearRuns(19, date(2026, 11, 19), 0)
    assert clear_runs([], first, last) == ClearRuns(20, last, 20)
    assert clear_runs([first - timedelta(days=1)], first, last).current == 20  # outside the window
    assert clear_runs([], last, first) == ClearRuns(0, None, 0)


@given(
    st.sets(st.integers(min_value=0, max_value=59)),
    st.integers(min_value=0, max_value=59),
)
def test_clear_runs_match_a_day_by_day_walk(offsets: set[int], length: int) -> None:
    first = date(2026, 1, 1)
    last = first + timedelta(days=length)
    crossed = {first + timedelta(days=o) for o in offsets}
    run, longest = 0, 0
    for i in range(length + 1):
        run = 0 if first + timedelta(days=i) in crossed else run + 1
        longest = max(longest, run)
    result = clear_runs(crossed, first, last)
    assert (result.longest, result.current) == (longest, run)


def test_summarise_starts_runs_on_the_first_logged_day() -> None:
    rows = [
        (date(2026, 11, 10), "overtime", "held", 1),
        (date(2026, 11, 14), "overtime", "crossed", 1),
        (date(2026, 11, 14), "overtime", "held", 1),
    ]
    summary = summarise(rows, TODAY)
    # 10..13 is 4 clear days (not counted from the start of the eight weeks); 15..20 is 6.
    assert summary.runs == ClearRuns(6, TODAY, 6)
    assert summary.most_crossed == [("overtime", 1)]
    assert [w.total for w in summary.weeks] == [0, 0, 0, 0, 0, 0, 3, 0]
    assert summarise([], TODAY).runs == ClearRuns(0, None, 0)


def test_run_sentence_is_gentle_and_never_says_broken() -> None:
    assert run_sentence(ClearRuns(7, TODAY, 7)) == ("7 days in a row with nothing crossed — that's worth noticing.")
    after = run_sentence(ClearRuns(9, date(2026, 11, 14), 0))
    assert after == "Your longest stretch lately: 9 days with nothing crossed (up to 14 Nov)."
    assert run_sentence(ClearRuns(9, date(2026, 11, 14), 1)).endswith("Nothing crossed today so far.")
    assert run_sentence(ClearRuns(9, date(2026, 11, 14), 2)).endswith("2 days clear so far.")
    assert run_sentence(ClearRuns(2, TODAY, 0)) is None
    for runs in (ClearRuns(9, date(2026, 11, 14), 0), ClearRuns(0, None, 0), ClearRuns(4, TODAY, 4)):
        assert "broke" not in (run_sentence(runs) or "").lower()


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Covering for a colleague!", "covering-for-a-colleague"),
        ("  Weekend   e-mails ", "weekend-e-mails"),
        ("Überstunden am Wochenende", "überstunden-am-wochenende"),
        ("under_score", "under-score"),
        ("!!!", ""),
    ],
)
def test_kind_slug(label: str, slug: str) -> None:
    assert kind_slug(label) == slug
