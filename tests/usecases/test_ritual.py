"""Closing a ritual without the app: the entries it makes, and that doing it twice changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from journal.domain.models import Category, EntryQuery, Kind, Source
from journal.domain.ritual import RitualState, Step
from journal.storage import Store
from journal.usecases.ritual import close_ritual, off_shift_since

START = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)


def _closed() -> RitualState:
    return (
        RitualState.start(START)
        .answer(Step.CHECKIN, {"mood": 2, "energy": 3})
        .answer(Step.UNLOAD, "a hard visit, could not stop thinking about it")
        .answer(Step.PARK, ["call the team lead", "file the notes"])
        .answer(Step.BOUNDARIES, {"worked_late": True})
        .close(START + timedelta(minutes=6))
    )


#: what the Unload editor kept beside its answer: a tag added by hand (one the journal knows, one
#: it does not) and an auto tag turned down
EXTRAS = {str(Step.UNLOAD): {"editor": {"manual": ["sleep", "choir"], "rejected": ["rumination"]}}}


def test_closing_saves_the_ritual_its_boundaries_and_parks_its_lines(store: Store) -> None:
    state = _closed()
    store.save_ritual_state(state.to_dict())
    entry = close_ritual(store, state, EXTRAS)
    assert entry.kind is Kind.RITUAL and entry.mood == 2 and entry.energy == 3
    assert "Parked for tomorrow: call the team lead; file the notes" in entry.text
    tags = {t.name: t for t in entry.tags}
    assert (tags["sleep"].category, tags["sleep"].source) == (Category.SYMPTOM, Source.MANUAL)
    assert (tags["choir"].category, tags["choir"].source) == (Category.PERSONAL, Source.MANUAL)
    assert tags["rumination"].rejected and "rumination" not in [t.name for t in entry.visible_tags]
    assert [e.boundary for e in store.search(EntryQuery(kind=Kind.BOUNDARY))] == ["overtime"]
    assert sorted(p.text for p in store.parked()) == ["call the team lead", "file the notes"]
    assert {p.ritual_entry_id for p in store.parked()} == {entry.id}
    assert store.ritual_state() is None


def test_closing_again_after_a_crash_adds_nothing(store: Store) -> None:
    state = _closed()
    first = close_ritual(store, state, EXTRAS)
    store.save_ritual_state(state.to_dict())  # as if the crash came before the state was cleared
    again = close_ritual(store, state, EXTRAS)
    assert again.id == first.id
    assert len(store.search(EntryQuery(kind=Kind.RITUAL))) == 1
    assert len(store.search(EntryQuery(kind=Kind.BOUNDARY))) == 1
    assert len(store.parked(status=None)) == 2
    assert store.ritual_state() is None


def test_the_shift_is_off_from_today_s_ritual_only(store: Store) -> None:
    """Only a ritual entry closes the shift: the `off_shift_since` setting that earlier versions read
    (and nothing ever wrote) no longer counts."""
    later = START + timedelta(hours=3)
    store.set_setting("off_shift_since", (START + timedelta(hours=1)).isoformat())
    assert off_shift_since(store, later) is None
    close_ritual(store, _closed(), {})
    assert off_shift_since(store, later) == START + timedelta(minutes=6)
    assert off_shift_since(store, later + timedelta(days=1)) is None  # yesterday's closing is not today's
