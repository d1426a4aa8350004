"""Issue 14 in the Ritual pane: notes kept as typed, a new ritual after closing, the breathing end.

Same set-up as test_ritual.py: a fresh journal and a clock that only moves when a test moves it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from journal.domain.models import EntryQuery, Kind
from journal.domain.ritual import RitualState, Step
from journal.storage import open_store
from journal.ui.app import JournalApp
from tests.ui.test_ritual import (
    SIZE,
    START,
    Clock,
    fresh_store,
    guide_ticked,
    open_ritual,
    progress,
    state_of,
)
from tests.waiting import settle


def at_step(store, step: Step) -> None:  # type: ignore[no-untyped-def]
    state = RitualState.start(START - timedelta(minutes=3))
    store.save_ritual_state(replace(state, current=step).to_dict())


def notes_of(store) -> dict:  # type: ignore[no-untyped-def]
    return state_of(store)["ui"].get("boundaries", {}).get("notes", {})


async def test_a_boundary_note_is_kept_as_it_is_typed(db_path: Path) -> None:
    """y, Tab, a note, Shift+Tab, y: the note stays with the question it was typed for; so does one
    typed and left by Ctrl+Q, and both are there after reopening."""
    store, clock = fresh_store(db_path), Clock()
    at_step(store, Step.BOUNDARIES)
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        note = app.screen.query_one("#boundary-note", Input)
        await pilot.press("y")  # worked late: yes; the highlight moves on to the next question
        await pilot.pause()
        assert "Did you work late?" in note.placeholder  # the hint names the question answered
        await pilot.press("tab", *"stayed for the handover")
        await pilot.pause()
        assert notes_of(store) == {"worked_late": "stayed for the handover"}  # no Enter needed
        await pilot.press("shift+tab", "y")  # skipped a break: yes
        await pilot.pause()
        assert "Did you skip a break?" in note.placeholder
        assert notes_of(store) == {"worked_late": "stayed for the handover"}
        assert state_of(store)["answers"]["boundaries"] == {"worked_late": True, "skipped_break": True}
        await pilot.press("tab", *"ate at my desk")
        await pilot.pause()
        await pilot.press("ctrl+q")
    store.close()

    store = open_store(db_path)
    assert notes_of(store) == {"worked_late": "stayed for the handover", "skipped_break": "ate at my desk"}
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        assert "Boundaries" in progress(app)
        questions = app.screen.query_one("#boundary-questions")
        assert "stayed for the handover" in str(questions.get_option_at_index(0).prompt)
        assert app.screen.query_one("#boundary-note", Input).value == "stayed for the handover"
        await pilot.press("ctrl+n")
        for _ in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause()
    texts = sorted(e.text for e in store.search(EntryQuery(kind=Kind.BOUNDARY)))
    assert texts == ["Skipped a break. ate at my desk", "Worked late. stayed for the handover"]
    store.close()


async def close_quickly(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(7):
        await pilot.press("ctrl+n")
        await pilot.pause()
    assert pilot.app.screen.query_one("#summary-closed")


async def test_a_new_ritual_after_closing_from_the_pane_and_the_palette(db_path: Path) -> None:
    store, clock = fresh_store(db_path), Clock()
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        await close_quickly(pilot)
        await pilot.press("ctrl+n")  # a stray ctrl+n does not throw the summary away
        await pilot.pause()
        assert app.screen.query("#summary-closed")
        assert "Press n to begin a new ritual" in str(app.screen.query_one("#summary-again").render())
        assert any(b.binding.action == "new_ritual" and b.enabled for b in app.screen.active_bindings.values())

        clock.advance(3600)
        await pilot.press("n")
        await pilot.pause()
        assert progress(app) == "Step 1 of 7 · Check in"
        assert not app.screen.query("#summary-closed")
        await pilot.press("3", "enter", "enter")
        await pilot.pause()
        assert state_of(store)["answers"]["checkin"] == {"mood": 3, "energy": None}
        for _ in range(6):
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert app.screen.query("#summary-closed")

        await pilot.press("f3")  # from another pane, by the palette
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"new ritual")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert progress(app) == "Step 1 of 7 · Check in"
    assert len(store.search(EntryQuery(kind=Kind.RITUAL))) == 2
    assert store.ritual_state() is not None  # the third is under way
    store.close()


def enabled_actions(app: JournalApp) -> set[str]:
    return {b.binding.action for b in app.screen.active_bindings.values() if b.enabled and b.binding.show}


async def test_the_end_of_breathing_enter_moves_on_and_the_heading_matches_the_timer(db_path: Path) -> None:
    store, clock = fresh_store(db_path), Clock()
    at_step(store, Step.BREATHE)
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        screen = app.screen
        heading = str(screen.query_one(".breathe-plan").render())
        assert heading == "Box breathing (4-4-4-4) · 1:52 (7 breaths)"
        assert str(screen.query_one("#breathe-left").render()) == "1:52 left"  # the same length
        assert {"toggle_breathing", "done"} <= enabled_actions(app)
        await pilot.press("space")
        clock.advance(10 * 60)
        await guide_ticked(pilot)
        assert "Press Enter to go on" in str(screen.query_one("#breathe-phase").render())
        assert str(screen.query_one("#breathe-left").render()) == "0:00 left"
        actions = enabled_actions(app)
        assert "done" in actions and "toggle_breathing" not in actions  # space does nothing any more: not offered
        await pilot.press("enter")
        await pilot.pause()
        assert "Switch" in progress(app)
    assert state_of(store)["answers"]["breathe"] == {"pattern": "box", "minutes": 2, "seconds": 112, "completed": True}
    store.close()


async def test_478_heading_matches_its_timer(db_path: Path) -> None:
    store, clock = fresh_store(db_path), Clock()
    store.set_setting("ritual", {"breathing": {"pattern": "478", "minutes": 3}})
    at_step(store, Step.BREATHE)
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        heading = str(app.screen.query_one(".breathe-plan").render())
        left = str(app.screen.query_one("#breathe-left").render())
        assert heading == "4-7-8 breathing · 2:51 (9 breaths)" and left == "2:51 left"
    store.close()


async def test_skipped_break_from_the_ritual_carries_its_stressor(db_path: Path) -> None:
    """Issue 14, point 2: "Skipped a break" logged by the ritual is tagged skipped-break; said no,
    boundary-held; and the entry's tags say where each tag came from: the words when the text carries
    it ("Skipped a break." does, for the model trained on 28 writers), the boundary's kind when not."""
    from journal.ui.dialogs.entry_view import tag_lines

    store, clock = fresh_store(db_path), Clock()
    at_step(store, Step.BOUNDARIES)
    app = JournalApp(store, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_ritual(pilot)
        await pilot.press("n", "y", "n", "y")  # skipped a break: yes; said no: yes
        await pilot.pause()
        for _ in range(4):
            await pilot.press("ctrl+n")
            await pilot.pause()
    events = {e.boundary: e for e in store.search(EntryQuery(kind=Kind.BOUNDARY))}
    assert [t.name for t in events["skipped-break"].visible_tags] == ["skipped-break"]
    assert [t.name for t in events["extra-responsibility"].visible_tags] == ["boundary-held"]
    assert "skipped-break  stressor  from “break”" in tag_lines(events["skipped-break"]).plain
    assert "boundary-held  care  from" in tag_lines(events["extra-responsibility"]).plain
    # A boundary whose text carries no words of its kind's tag: the line names the kind.
    wordless = store.save(replace(events["skipped-break"], id=None, text="the usual Tuesday", tags=()))
    assert "from the boundary's kind (Skipped break, crossed)" in tag_lines(wordless).plain
    store.close()


async def test_a_users_own_kind_is_given_a_tag_in_the_kinds_dialog(db_path: Path) -> None:
    store = fresh_store(db_path)
    app = JournalApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press(*"Covering for a colleague", "tab", "enter")
        await settle(pilot)
        await pilot.press(*(["down"] * 8), "enter")  # staffing
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "tagged staffing" in str(app.screen.query_one("#kinds-said").render())
    assert store.boundary_kind_tags()["covering-for-a-colleague"] == "staffing"
    store.close()
