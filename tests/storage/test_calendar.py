"""The calendar's queries: mood per day, rituals, the trash, and "on this day"."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from journal.domain.models import Entry, Kind
from journal.storage import Store
from journal.storage.calendar import DayMood, earlier_same_days

TZ = timezone(timedelta(hours=1))


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def test_day_moods_mean_count_and_ritual(store: Store) -> None:
    d1, d2, d3 = date(2026, 11, 3), date(2026, 11, 4), date(2026, 12, 1)
    store.save(Entry(Kind.MOOD, at(d1, 9), "a", mood=2))
    store.save(Entry(Kind.MOOD, at(d1, 23), "b", mood=5))
    store.save(Entry(Kind.BOUNDARY, at(d1), "c", boundary="overtime", outcome="held"))
    store.save(Entry(Kind.RITUAL, at(d2), "d", mood=3, ritual={}))
    gone = store.save(Entry(Kind.MOOD, at(d2, 8), "e", mood=1))
    store.delete(gone.id)
    store.save(Entry(Kind.MOOD, at(d3), "f", mood=4))  # the next month: outside the range
    moods = store.day_moods(date(2026, 11, 1), date(2026, 12, 1))
    assert moods == {d1: DayMood(3.5, 3, False), d2: DayMood(3.0, 1, True)}


def test_day_without_moods_has_no_mean(store: Store) -> None:
    day = date(2026, 11, 5)
    store.save(Entry(Kind.BOUNDARY, at(day), "late again", boundary="overtime", outcome="bent"))
    assert store.day_moods(day, day + timedelta(days=1)) == {day: DayMood(None, 1, False)}


def test_earlier_same_days_skip_short_months() -> None:
    assert earlier_same_days(date(2026, 3, 31), months=4) == [date(2026, 1, 31), date(2025, 12, 31)]
    assert earlier_same_days(date(2026, 11, 20), months=2) == [date(2026, 10, 20), date(2026, 9, 20)]


def test_on_this_day_earlier_months_and_years_only(store: Store) -> None:
    for day in (date(2026, 11, 20), date(2026, 10, 20), date(2025, 11, 20), date(2026, 10, 21)):
        store.save(Entry(Kind.MOOD, at(day), f"written {day}", mood=3))
    found = [e.text for e in store.on_this_day(date(2026, 11, 20))]
    assert found == ["written 2026-10-20", "written 2025-11-20"]
