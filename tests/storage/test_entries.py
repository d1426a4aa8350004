"""Saving, reading, editing and trashing entries, and the rules for their tags."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from journal.domain.models import Category, Entry, EntryTag, Kind, Outcome, Source
from journal.storage import Store, StoreError
from journal.storage.errors import EntryNotFound
from tests.by_hand import add_by_hand
from tests.storage.conftest import T0, mood


def names(entry: Entry) -> list[str]:
    return sorted(t.name for t in entry.visible_tags)


def test_round_trip_keeps_every_field_and_the_local_offset(store: Store) -> None:
    at = datetime(2026, 1, 1, 0, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-5)))
    saved = store.save(
        Entry(
            kind=Kind.BOUNDARY,
            created_at=at,
            text="Answered a client text at 11pm",
            boundary="after-hours-contact",
            outcome=Outcome.CROSSED,
            cost=4,
            ritual=None,
        )
    )
    got = store.get(saved.id)
    assert got == saved
    assert got.created_at == at and got.created_at.utcoffset() == timedelta(hours=-5)
    assert got.local_day.isoformat() == "2026-01-01"  # not the UTC day (Jan 1 05:30Z is the same here)
    assert (got.kind, got.boundary, got.outcome, got.cost) == (Kind.BOUNDARY, "after-hours-contact", Outcome.CROSSED, 4)
    ritual = store.save(
        Entry(
            kind=Kind.RITUAL,
            created_at=T0,
            text="",
            mood=2,
            energy=1,
            ritual={"good_thing": "a thank-you card", "steps": [1, 2]},
        )
    )
    assert store.get(ritual.id).ritual == {"good_thing": "a thank-you card", "steps": [1, 2]}


def test_local_day_is_the_writers_day_not_utc(store: Store) -> None:
    late = datetime(2026, 5, 1, 23, 50, tzinfo=timezone(timedelta(hours=-7)))  # 06:50Z on May 2
    saved = store.save(mood("late", at=late))
    row = store._conn.execute("SELECT local_day FROM entries WHERE id = ?", (saved.id,)).fetchone()
    assert row[0] == "2026-05-01"


def test_save_tags_automatically_with_spans(store: Store) -> None:
    saved = store.save(mood("Couldn't sleep again #nights"))
    tags = {t.name: t for t in saved.tags}
    assert {"sleep", "nights"} <= set(tags)
    assert tags["nights"].category == Category.PERSONAL and tags["nights"].source == Source.AUTO
    assert tags["nights"].spans[0].text == "#nights"
    assert tags["sleep"].category == Category.SYMPTOM


def test_manual_tags_are_kept_and_rejected_auto_tags_stay_rejected_on_edit(store: Store) -> None:
    saved = store.save(
        mood(
            "long day #paperwork-mountain #nights",
            tags=[EntryTag("Team Lunch", Category.PERSONAL, source=Source.MANUAL)],
        )
    )
    assert "team-lunch" in names(saved)
    store.reject_tag(saved.id, "nights")
    edited = store.get(saved.id)
    assert "nights" not in names(edited)
    edited.text = "long long day #nights still"
    again = store.save(edited)
    assert "nights" not in names(again)
    assert any(t.name == "nights" and t.rejected for t in again.tags)
    assert "team-lunch" in names(again)
    assert "paperwork-mountain" not in names(again)  # gone from the text, so gone from the tags
    store.unreject_tag(saved.id, "nights")
    assert "nights" in names(store.get(saved.id))


def test_rejecting_a_manual_tag_removes_it_and_a_hand_tag_is_personal(store: Store) -> None:
    saved = store.save(mood("quiet"))
    add_by_hand(store, saved.id, "#Garden Time")
    assert names(store.get(saved.id)) == ["garden-time"]
    assert store.get(saved.id).tags[0].category == Category.PERSONAL
    store.reject_tag(saved.id, "garden-time")
    assert store.get(saved.id).tags == []


def test_an_auto_tag_rejected_before_the_first_save_stays_rejected(store: Store) -> None:
    saved = store.save(mood("#nights", tags=[EntryTag("nights", Category.PERSONAL, rejected=True)]))
    assert names(saved) == [] and saved.tags[0].rejected


def test_update_sets_updated_at_and_unknown_id_fails_plainly(store: Store) -> None:
    saved = store.save(mood("first"))
    assert saved.updated_at is None
    saved.text = "second"
    assert store.save(saved).updated_at is not None
    saved.id = 424242
    with pytest.raises(EntryNotFound):
        store.save(saved)


def test_trash_restore_purge(store: Store) -> None:
    saved = store.save(mood("to the trash #bin"))
    store.delete(saved.id)
    assert store.get(saved.id).deleted_at is not None
    store.restore(saved.id)
    assert store.get(saved.id).deleted_at is None
    with pytest.raises(StoreError):
        store.purge(saved.id)  # live entries are not purged
    store.delete(saved.id)
    store.purge(saved.id)
    assert store.get(saved.id) is None
    assert store._conn.execute("SELECT count(*) FROM entry_tags").fetchone()[0] == 0
    with pytest.raises(EntryNotFound):
        store.delete(saved.id)


def test_save_many_tags_and_counts(store: Store) -> None:
    entries = [mood(f"entry {i} #batch{i % 3}", at=T0 + timedelta(minutes=i)) for i in range(2500)]
    assert store.save_many(entries) == 2500
    got = store.get(2500)
    assert got.text == "entry 2499 #batch0" and "batch0" in names(got)
    assert store._conn.execute("SELECT count(*) FROM entry_tags WHERE tag LIKE 'batch_'").fetchone()[0] == 2500


def test_save_many_without_tagging_stores_tags_as_given_and_keeps_ids(store: Store) -> None:
    e = mood("Couldn't sleep", id=77, tags=[EntryTag("custom", Category.STRESSOR, source=Source.AUTO)])
    store.save_many([e], tag=False, keep_ids=True)
    got = store.get(77)
    assert [(t.name, t.category, t.source) for t in got.tags] == [("custom", Category.STRESSOR, Source.AUTO)]
    with pytest.raises(StoreError):
        store.save_many([e], tag=False, keep_ids=True)
    assert store._conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1


def test_a_failed_save_many_writes_nothing(store: Store) -> None:
    bad = [mood("fine"), mood("bad mood score", score=9)]
    with pytest.raises(StoreError, match="out of range"):
        store.save_many(bad)
    with pytest.raises(StoreError, match="out of range"):
        store.save(mood("bad", score=0))
    assert store._conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0
