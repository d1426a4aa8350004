"""journal.storage.insights on constructed data whose answers are known by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from journal.domain.early_notice import WindowCounts, early_notice, windows
from journal.domain.models import Entry, Kind, Outcome
from journal.domain.patterns import MoodWeek, TagPair, TagWeek, TagWeekday
from journal.storage import Store
from tests.storage.conftest import mood

UTC = UTC
PLUS2 = timezone(timedelta(hours=2))
MON = datetime(2026, 6, 1, 9, tzinfo=UTC)  # a Monday
SINCE, UNTIL = MON, MON + timedelta(days=14)


def at(days: int, hour: int = 9, tz: timezone = UTC) -> datetime:
    return (MON + timedelta(days=days)).replace(hour=hour, tzinfo=tz)


@pytest.fixture
def filled(store: Store) -> Store:
    store.save_many(
        [
            mood("#alpha #beta", 2, at=at(0), energy=4),  # Mon week 1
            mood("#alpha #beta", 4, at=at(2), energy=2),  # Wed week 1
            mood("#alpha", 3, at=at(2, 15)),  # Wed week 1, energy unset
            mood("#beta #gamma", 5, at=at(9), energy=5),  # Wed week 2
            mood("#alpha late", 1, at=at(6, 23, PLUS2)),  # Sunday 23:00 local (+02): still week 1, Sunday
            mood("no tags", None, at=at(10)),
            # a kind and outcome that carry no tag of their own (issue 14), so only its words count here
            Entry(Kind.BOUNDARY, at(8), "#alpha #gamma", boundary="extra-responsibility", outcome=Outcome.BENT, cost=1),
            mood("#alpha outside", 5, at=UNTIL + timedelta(hours=1)),
            mood("#alpha before", 5, at=SINCE - timedelta(hours=1)),
        ]
    )
    trashed = store.save(mood("#alpha #beta trashed", 1, at=at(1)))
    store.delete(trashed.id)
    rejected = store.save(mood("#alpha #gamma", 1, at=at(3), energy=1))
    store.reject_tag(rejected.id, "gamma")
    return store


def test_tag_weeks(filled: Store) -> None:
    w1, w2 = date(2026, 6, 1), date(2026, 6, 8)
    assert filled.tag_weeks(SINCE, UNTIL) == [
        TagWeek("alpha", w1, 5),  # Mon, Wed, Wed, Thu (gamma rejected, alpha kept), Sun late
        TagWeek("alpha", w2, 1),  # boundary on Tue week 2
        TagWeek("beta", w1, 2),
        TagWeek("beta", w2, 1),
        TagWeek("gamma", w2, 2),
    ]
    assert filled.tag_weeks(SINCE, UNTIL, tags=["gamma"]) == [TagWeek("gamma", w2, 2)]
    assert filled.tag_weeks(SINCE, UNTIL, tags=[]) == []


def test_tag_weekdays_use_the_writers_local_day(filled: Store) -> None:
    rows = {(r.tag, r.weekday): r.count for r in filled.tag_weekdays(SINCE, UNTIL)}
    assert rows == {
        ("alpha", 0): 1,
        ("alpha", 1): 1,
        ("alpha", 2): 2,
        ("alpha", 3): 1,
        ("alpha", 6): 1,  # 21:00 UTC Sunday is 23:00 Sunday where it was written
        ("beta", 0): 1,
        ("beta", 2): 2,
        ("gamma", 1): 1,
        ("gamma", 2): 1,
    }
    assert filled.tag_weekdays(SINCE, UNTIL, tags=["beta"]) == [TagWeekday("beta", 0, 1), TagWeekday("beta", 2, 2)]


def test_tag_pairs_count_shared_entries(filled: Store) -> None:
    assert filled.tag_pairs(SINCE, UNTIL) == [
        TagPair("alpha", "beta", 2),
        TagPair("alpha", "gamma", 1),  # the boundary entry; the rejected gamma does not pair
        TagPair("beta", "gamma", 1),
    ]


def test_entry_count_and_mood_weeks(filled: Store) -> None:
    assert filled.entry_count(SINCE, UNTIL) == 8  # trash left out, both ends respected
    w1, w2 = date(2026, 6, 1), date(2026, 6, 8)
    weeks = filled.mood_weeks(SINCE, UNTIL)
    assert [w.week for w in weeks] == [w1, w2]
    # week 1 moods 2, 4, 3, 1, 1 (the rejected-tag entry counts: it is still a mood entry); energy 4, 2, 1
    assert weeks[0].mood == pytest.approx(11 / 5) and weeks[0].entries == 5
    assert weeks[0].energy == pytest.approx(7 / 3)
    assert weeks[1] == MoodWeek(w2, 5.0, 5.0, 1)  # the boundary has no mood; "no tags" has none either


def test_tag_windows_count_days_and_entries_on_each_side(filled: Store) -> None:
    middle = MON + timedelta(days=7)
    rows, active = filled.tag_windows(SINCE, middle, UNTIL)
    by_tag = {r.tag: r for r in rows}
    assert by_tag["alpha"] == WindowCounts("alpha", 4, 5, 1, 1)  # two entries on Wed are one day
    assert by_tag["beta"] == WindowCounts("beta", 2, 2, 1, 1)
    assert by_tag["gamma"] == WindowCounts("gamma", 0, 0, 2, 2)
    assert active == (4, 3)  # days with any entry: Mon Wed Thu Sun | Tue Wed Thu
    only, _ = filled.tag_windows(SINCE, middle, UNTIL, tags=["gamma", "nothing"])
    assert [r.tag for r in only] == ["gamma"]


def test_the_early_notice_on_a_stored_rising_history(plain_store: Store) -> None:
    today = date(2026, 11, 20)
    now = datetime(2026, 11, 20, 18, tzinfo=UTC)
    entries = [mood("an ordinary day #caseload", 3, at=now - timedelta(days=d)) for d in range(14, 70)]
    entries += [mood("an ordinary day #caseload", 3, at=now - timedelta(days=d)) for d in range(14)]
    entries += [mood("#sleep #numbness", 2, at=now - timedelta(days=d, hours=2)) for d in range(6)]
    plain_store.save_many(entries)
    start, middle, end = (datetime.combine(d, datetime.min.time(), UTC) for d in windows(today))
    rows, active = plain_store.tag_windows(start, middle, end, tags=["sleep", "numbness"])
    assert active == (56, 14)
    notice = early_notice(rows, active)
    assert notice is not None and set(notice.tags) == {"sleep", "numbness"}
