"""The end-of-shift ritual, driven from the keyboard alone, on a fresh journal with a hand-moved clock.

Time only moves when a test moves it (`Clock.advance`), so the breathing guide can be finished in
an instant and every duration is known exactly.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from journal.domain.models import EntryQuery, Kind, Outcome
from journal.domain.ritual import RitualSettings, Step
from journal.storage import Store, open_store
from journal.ui.app import JournalApp
from journal.ui.panes.ritual import RitualPane
from journal.ui.panes.ritual_steps._editor_step import EditorStep
from journal.ui.panes.ritual_steps.breathe import BreatheStep, clock_text
from journal.ui.widgets.shift_header import ShiftHeader
from journal.usecases.ritual import close_ritual
from tests.waiting import settle, until

START = datetime(2026, 11, 20, 18, 40, tzinfo=UTC)
SIZE = (120, 40)


class Clock:
    """A clock that stands still until told to move."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def fresh_store(path: Path) -> Store:
    store = open_store(path)
    store.set_setting("welcomed", True)
    return store


def progress(app: JournalApp) -> str:
    return str(app.screen.query_one("#ritual-progress").render())


def state_of(store: Store) -> dict:
    state = store.ritual_state()
    assert state is not None
    return state


async def written(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the pane's workers have written what was answered and their reports are shown."""
    await pilot.pause()
    while not all(worker.is_finished for worker in pilot.app.workers):
        await pilot.pause()
    await pilot.pause()


async def open_ritual(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f2")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, RitualPane)


async def guide_ticked(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the breathing guide has repainted from the clock as it stands (it ticks on an interval),
    and what that tick recorded is written."""
    step = pilot.app.screen.query_one(BreatheStep)
    left = step.query_one("#breathe-left", Static)
    expected = f"{clock_text(max(0, round(step.plan.total_seconds - step.elapsed())))} left"
    await until(pilot, lambda: str(left.render()) == expected, f"the guide showed {expected!r}")
    await settle(pilot)


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the step's editor, then wait until the step has taken the words as its answer
    (it does after half a second of quiet) and the answer is written."""
    await pilot.press(*text)
    step = pilot.app.screen.query_one(EditorStep)
    await until(pilot, lambda: step.answer == text.strip(), "the step took the words as its answer")
    await settle(pilot)


async def test_a_whole_ritual_from_the_keyboard(db_path: Path) -> None:
    store, clock = fresh_store(db_path), Clock()
    store.park("ring the GP back")  # left open by an earlier ritual
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        assert progress(app) == "Step 1 of 7 · Check in"
        await pilot.press("2", "down", "3", "enter")  # mood 2, energy 3, on
        await pilot.pause()
        await written(pilot)
        assert state_of(store)["answers"]["checkin"] == {"mood": 2, "energy": 3}
        assert progress(app) == "Step 2 of 7 · Unload"

        await type_text(pilot, "Hard call with a family, I am exhausted")
        await written(pilot)
        assert state_of(store)["answers"]["unload"] == "Hard call with a family, I am exhausted"
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert "Park it" in progress(app)
        await pilot.press(*"chase the referral", "enter", *"update the rota", "enter", *"typo", "enter")
        await pilot.pause()
        await written(pilot)
        assert state_of(store)["answers"]["park"] == ["chase the referral", "update the rota", "typo"]
        await pilot.press("tab", "end", "x")  # to tonight's list below the input, last line, remove it
        await pilot.pause()
        await written(pilot)
        assert state_of(store)["answers"]["park"] == ["chase the referral", "update the rota"]
        await pilot.press("shift+tab", "shift+tab", "d")  # tick off last time's item
        await pilot.pause()
        await written(pilot)
        assert [p.text for p in store.parked()] == []  # ticked off at once, not at closing
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert "Boundaries today" in progress(app)
        await pilot.press("y", "n", "y")  # worked late, no skipped break, after-hours contact
        await pilot.press("up", "tab", *"texted at 22:00", "enter")  # a note on the contact question
        await pilot.press("down", "n", "enter")  # said no: no; enter moves on
        await pilot.pause()
        await written(pilot)
        answers = state_of(store)["answers"]
        assert answers["boundaries"] == {
            "worked_late": True,
            "skipped_break": False,
            "after_hours_contact": True,
            "said_no": False,
        }

        assert "One good thing" in progress(app)
        await type_text(pilot, "A client laughed for the first time")
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert "Breathe" in progress(app)
        await pilot.press("space")
        clock.advance(2)
        await guide_ticked(pilot)
        assert "Breathe in" in str(app.screen.query_one("#breathe-phase").render())
        clock.advance(10 * 60)  # far past the end: the guide finishes and records itself
        await guide_ticked(pilot)
        await written(pilot)
        assert state_of(store)["answers"]["breathe"]["completed"] is True
        await pilot.press("ctrl+n")
        await pilot.pause()

        assert "Switch" in progress(app)
        await pilot.press("down", "down", "enter")  # movement, and the shift closes
        await pilot.pause()
        await pilot.pause()

        await written(pilot)
        assert store.ritual_state() is None
        closed = str(app.screen.query_one("#summary-closed").render())
        assert closed == f"Shift closed at {clock.now.astimezone():%H:%M}."
        header = app.screen.query_one(ShiftHeader).render().plain
        assert header.rstrip().endswith(f"off shift since {clock.now.astimezone():%H:%M}")

    rituals = store.search(EntryQuery(kind=Kind.RITUAL))
    assert len(rituals) == 1
    ritual = rituals[0]
    assert (ritual.mood, ritual.energy) == (2, 3)
    assert "Hard call" in ritual.text and "A client laughed" in ritual.text
    assert "chase the referral" in ritual.text  # so full-text search finds parked lines
    payload = ritual.ritual or {}
    assert payload["answers"]["switch"] == "movement"
    assert payload["intention"] == "Movement"
    assert payload["duration_seconds"] == round((clock.now - START).total_seconds())
    assert payload["skipped"] == []
    boundaries = {e.boundary: e for e in store.search(EntryQuery(kind=Kind.BOUNDARY))}
    assert set(boundaries) == {"overtime", "after-hours-contact"}
    assert boundaries["overtime"].outcome is Outcome.CROSSED and boundaries["overtime"].cost == 2
    assert "texted at 22:00" in boundaries["after-hours-contact"].text
    parked = {p.text: p for p in store.parked(status=None)}
    assert parked["ring the GP back"].status == "done"
    assert parked["chase the referral"].ritual_entry_id == ritual.id
    assert "update the rota" in parked and "typo" not in parked
    assert [e.id for e in store.search(EntryQuery(text="referral"))] == [ritual.id]


async def test_quit_halfway_and_resume_in_a_new_app(db_path: Path) -> None:
    store, clock = fresh_store(db_path), Clock()
    async with JournalApp(store, clock=clock).run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        await pilot.press("4", "enter", "enter")  # mood 4 only
        await pilot.pause()
        await type_text(pilot, "Long day on the ward")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"call Sam", "enter")
        await written(pilot)  # each answer is written by a worker as it is given, not at closing
    store.close()  # the terminal closes here; nothing else is flushed

    store = open_store(db_path)
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        assert progress(app) == "Step 3 of 7 · Park it"
        assert "call Sam" in str(app.screen.query_one("#park-new").get_option_at_index(0).prompt)
        await pilot.press("escape")  # back: the unload text is still there
        await pilot.pause()
        assert "Unload" in progress(app)
        assert app.screen.query_one("#editor-text").text == "Long day on the ward"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#checkin-mood").value == 4
    answers = state_of(store)["answers"]
    assert answers == {"checkin": {"mood": 4, "energy": None}, "unload": "Long day on the ward", "park": ["call Sam"]}
    store.close()


async def test_skipping_every_step_still_closes_the_shift(db_path: Path) -> None:
    """Chosen behaviour: a minimal ritual entry is saved, because closing the day is the point."""
    store, clock = fresh_store(db_path), Clock()
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        for _ in range(7):
            await pilot.press("ctrl+n")
            await pilot.pause()
        await written(pilot)
        assert store.ritual_state() is None
        assert app.screen.query_one("#summary-closed")
    rituals = store.search(EntryQuery(kind=Kind.RITUAL))
    assert len(rituals) == 1 and rituals[0].text == "" and rituals[0].mood is None
    assert sorted((rituals[0].ritual or {})["skipped"]) == sorted(str(s) for s in Step)
    assert store.search(EntryQuery(kind=Kind.BOUNDARY)) == [] and store.parked(status=None) == []


async def test_an_interrupted_closing_finishes_once(db_path: Path) -> None:
    """Killed between saving the closed state and clearing it: the next start finishes, no duplicates."""
    store, clock = fresh_store(db_path), Clock()
    from journal.domain.ritual import RitualState

    state = (
        RitualState.start(START)
        .answer(Step.PARK, ["one thing"])
        .answer(Step.BOUNDARIES, {"worked_late": True})
        .close(START + timedelta(minutes=4))
    )
    store.save_ritual_state(state.to_dict())
    close_ritual(store, state, {})
    store.save_ritual_state(state.to_dict())  # as if the crash came before the state was cleared
    async with JournalApp(store, clock=clock).run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        assert pilot.app.screen.query_one("#summary-closed")
    assert len(store.search(EntryQuery(kind=Kind.RITUAL))) == 1
    assert len(store.search(EntryQuery(kind=Kind.BOUNDARY))) == 1
    assert [p.text for p in store.parked(status=None)] == ["one thing"]
    assert store.ritual_state() is None


async def test_settings_turn_off_a_step_reword_one_and_restore(db_path: Path) -> None:
    store, clock = fresh_store(db_path), Clock()
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#on-unload").value = False
        dialog.query_one("#prompt-checkin").value = "How are you, [b]really[/b]?"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await written(pilot)
        saved = RitualSettings.from_dict(store.get_setting("ritual"))
        assert Step.UNLOAD not in saved.enabled
        assert progress(app) == "Step 1 of 6 · Check in"
        prompt = app.screen.query_one(".step-checkin .step-prompt").render()
        assert str(prompt) == "How are you, [b]really[/b]?"  # the user's words, never markup
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert progress(app) == "Step 2 of 6 · Park it"

        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.click("#settings-defaults")
        await pilot.pause()
        await written(pilot)
        assert RitualSettings.from_dict(store.get_setting("ritual")) == RitualSettings()
        assert progress(app) == "Step 3 of 7 · Park it"


@pytest.mark.serial  # alone: it times each save
async def test_saving_an_answer_is_quick(db_path: Path) -> None:
    """Answers are written by a worker as each is given; a write must stay well under a frame, so it
    is on disk before the next key."""
    store = fresh_store(db_path)
    from journal.domain.ritual import RitualState

    state = RitualState.start(START).answer(Step.UNLOAD, "x" * 2000)
    began = time.perf_counter()
    for _ in range(20):
        store.save_ritual_state(state.to_dict())
    per_save = (time.perf_counter() - began) / 20
    assert per_save < 0.05, f"{per_save * 1000:.1f} ms per save"
