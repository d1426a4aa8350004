"""tag_stats on constructed data whose answers are known by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from journal.domain.models import Category, Entry, Kind, Outcome
from journal.storage import Store
from tests.storage.conftest import mood

UTC = UTC
SINCE = datetime(2026, 6, 1, tzinfo=UTC)
UNTIL = datetime(2026, 6, 11, tzinfo=UTC)  # a 10-day period; the previous one is May 22-31


def day(n: int, hour: int = 9) -> datetime:
    return SINCE + timedelta(days=n, hours=hour)


@pytest.fixture
def stats(store: Store) -> dict:
    entries = [
        mood("#alpha #beta", 1, at=day(0)),
        mood("#alpha", 3, at=day(0, 15)),  # same local day as the first
        mood("#alpha", 5, at=day(4)),
        mood("#beta", 4, at=day(5)),
        mood("no tags", 2, at=day(6)),
        mood("#alpha but no mood", None, at=day(7)),
        Entry(
            kind=Kind.BOUNDARY,
            created_at=day(8),
            text="#alpha",
            boundary="extra-responsibility",
            outcome=Outcome.BENT,
            cost=3,
            mood=1,
        ),  # not a mood entry: its mood is ignored (a kind with no tag)
        mood("#gamma", 1, at=day(9)),
        mood("#alpha at the very end", 1, at=UNTIL),  # outside: until is exclusive
        mood("#alpha before", 2, at=SINCE - timedelta(days=1)),  # previous period
        mood("#beta before", 2, at=SINCE - timedelta(days=2)),
        mood("#beta before", 2, at=SINCE - timedelta(days=3)),
        mood("#beta before", 2, at=SINCE - timedelta(days=4)),
        mood("#beta before", 2, at=SINCE - timedelta(days=5)),
        mood("#delta long before", 2, at=SINCE - timedelta(days=11)),  # before the previous period
    ]
    store.save_many(entries)
    trashed = store.save(mood("#alpha trashed", 5, at=day(1)))
    store.delete(trashed.id)
    rejected = store.save(mood("#gamma rejected", 5, at=day(2)))
    store.reject_tag(rejected.id, "gamma")
    return {s.name: s for s in store.tag_stats(SINCE, UNTIL)}


def test_counts_days_and_order(store: Store, stats: dict) -> None:
    assert list(stats) == ["alpha", "beta", "gamma"]  # count desc, then name
    assert (stats["alpha"].count, stats["alpha"].days) == (5, 4)
    assert (stats["beta"].count, stats["beta"].days) == (2, 2)
    assert (stats["gamma"].count, stats["gamma"].days) == (1, 1)
    assert stats["alpha"].category == Category.PERSONAL


def test_mood_with_and_without(stats: dict) -> None:
    # mood entries in the period with a mood: 1, 3, 5, 4, 2, 1 (gamma), 5 (rejected gamma) -> 7 entries
    assert stats["alpha"].mood_with == pytest.approx((1 + 3 + 5) / 3)
    assert stats["alpha"].mood_without == pytest.approx((4 + 2 + 1 + 5) / 4)
    assert stats["beta"].mood_with == pytest.approx((1 + 4) / 2)
    assert stats["beta"].mood_without == pytest.approx((3 + 5 + 2 + 1 + 5) / 5)
    assert stats["gamma"].mood_with == pytest.approx(1.0)


def test_previous_period_and_trend(stats: dict) -> None:
    assert (stats["alpha"].previous_count, stats["alpha"].trend) == (1, "rising")
    assert (stats["beta"].previous_count, stats["beta"].trend) == (4, "falling")
    assert (stats["gamma"].previous_count, stats["gamma"].trend) == (0, "new")
    assert "delta" not in stats


def test_category_filter_and_mood_none(store: Store, stats: dict) -> None:
    assert store.tag_stats(SINCE, UNTIL, categories=["symptom"]) == []
    assert [s.name for s in store.tag_stats(SINCE, UNTIL, categories=["personal"])] == ["alpha", "beta", "gamma"]
    only_no_mood = store.tag_stats(day(7), day(7, 10))
    assert [(s.name, s.mood_with, s.mood_without) for s in only_no_mood] == [("alpha", None, None)]


def test_unknown_category_is_a_plain_error(store: Store) -> None:
    from journal.storage import StoreError

    with pytest.raises(StoreError, match="not a tag category"):
        store.tag_stats(SINCE, UNTIL, categories=["feelings"])


def test_a_rituals_mood_counts_in_mood_with_and_without(plain_store: Store) -> None:
    """Issue 14: a tag that came only from rituals has a mood with it, as in the calendar."""
    plain_store.save_many(
        [
            Entry(kind=Kind.RITUAL, created_at=day(1, 18), text="#ritualonly long day", mood=2, ritual={}),
            Entry(kind=Kind.RITUAL, created_at=day(2, 18), text="#ritualonly", mood=4, ritual={}),
            mood("nothing here", 5, at=day(3)),
        ]
    )
    stats = {s.name: s for s in plain_store.tag_stats(SINCE, UNTIL)}
    assert stats["ritualonly"].mood_with == pytest.approx(3.0)
    assert stats["ritualonly"].mood_without == pytest.approx(5.0)
    assert stats["ritualonly"].mood_entries == 2
    weeks = plain_store.mood_weeks(SINCE, UNTIL)
    assert sum(w.entries for w in weeks) == 3
