"""Snapshots of every ritual step, the summary and the settings dialog.

Each picture starts from a ritual state saved in a fresh journal (answers filled in up to the step
shown), a clock that only moves when the test moves it, and a fixed stand-in for the tagger (the
lexicon is tuned often), so the pictures change only when the pane does. Refresh with `--snapshot-update` and look at the result before committing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.models import Category, Span, TagHit
from journal.domain.ritual import RitualState, Step
from journal.storage import Store, open_store
from journal.ui.app import JournalApp
from tests.ui.test_ritual import guide_ticked
from tests.waiting import settle

NOW = datetime(2026, 11, 20, 18, 42, tzinfo=UTC)
SIZE = (120, 40)

ANSWERS = {
    Step.CHECKIN: {"mood": 2, "energy": 3},
    Step.UNLOAD: "Couldn't stop thinking about the family meeting. So tired I skipped lunch again.",
    Step.PARK: ["chase the referral", "update the rota [draft]"],
    Step.BOUNDARIES: {"worked_late": True, "skipped_break": True, "after_hours_contact": False},
    Step.GOOD_THING: "A client laughed for the first time in weeks.",
    Step.BREATHE: None,
    Step.SWITCH: None,
}


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


#: What the stand-in tagger finds: phrase -> (tag, category, group).
FIXED_TAGS = {
    "So tired": ("fatigue", Category.SYMPTOM, "physical"),
    "skipped lunch": ("skipped-break", Category.STRESSOR, None),
    "laughed": ("meaningful-moment", Category.CARE, None),
}


def fixed_tag_text(text: str) -> list[TagHit]:
    hits = []
    for phrase, (name, category, group) in FIXED_TAGS.items():
        start = text.find(phrase)
        if start >= 0:
            hits.append(TagHit(name, category, group, (Span(start, start + len(phrase), phrase),)))
    return hits


class FixedTagger:
    def tag(self, text: str) -> list[TagHit]:
        return fixed_tag_text(text)


@pytest.fixture
def store(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    s = open_store(db_path)
    monkeypatch.setattr(s, "tag_text", fixed_tag_text)
    monkeypatch.setattr(s, "_current_tagger", lambda conn: FixedTagger())
    s.set_setting("welcomed", True)
    s.park("ring the GP back about Tuesday")
    yield s
    s.close()


def at_step(store: Store, step: Step) -> None:
    """Save a ritual that has answered everything before `step` and now stands on it."""
    state = RitualState.start(NOW - timedelta(minutes=3))
    for earlier in Step:
        if earlier == step:
            break
        if ANSWERS[earlier] is not None:
            state = state.answer(earlier, ANSWERS[earlier])
    store.save_ritual_state(replace(state, current=step).to_dict())


async def open_ritual(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f2")
    await pilot.pause()
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        widget.notify_style_update()  # TextArea caches lines drawn mid-blink; draw them again
        widget.refresh()
    await pilot.pause()


@pytest.mark.parametrize("step", [s for s in Step if s is not Step.BREATHE])
def test_step(step: Step, store: Store, snap_compare) -> None:  # type: ignore[no-untyped-def]
    at_step(store, step)
    if step in (Step.UNLOAD, Step.GOOD_THING):
        state = RitualState.from_dict(store.ritual_state() or {}).answer(step, ANSWERS[step])
        store.save_ritual_state(state.to_dict())
    app = JournalApp(store, clock=Clock())
    assert snap_compare(app, run_before=open_ritual, terminal_size=SIZE)


def test_breathe_mid_breath(store: Store, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Two and a half seconds into box breathing: the box is half grown, "Breathe in 2…"."""
    at_step(store, Step.BREATHE)
    clock = Clock()

    async def breathe(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_ritual(pilot)
        await pilot.press("space")
        clock.now += timedelta(seconds=2.5)
        await guide_ticked(pilot)

    assert snap_compare(JournalApp(store, clock=clock), run_before=breathe, terminal_size=SIZE)


def test_summary(store: Store, snap_compare) -> None:  # type: ignore[no-untyped-def]
    at_step(store, Step.SWITCH)

    async def close(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_ritual(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(JournalApp(store, clock=Clock()), run_before=close, terminal_size=SIZE)


def test_settings_dialog(store: Store, snap_compare) -> None:  # type: ignore[no-untyped-def]
    store.set_setting(
        "ritual",
        {
            "enabled": ["checkin", "unload", "park", "breathe", "switch"],
            "prompts": {"unload": "What are you carrying home?"},
            "breathing": {"pattern": "478", "minutes": 3},
        },
    )

    async def settings(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_ritual(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()

    assert snap_compare(JournalApp(store, clock=Clock()), run_before=settings, terminal_size=SIZE)


def test_breathe_finished(store: Store, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: the end of the exercise says Enter goes on, and the footer offers enter, not space."""
    at_step(store, Step.BREATHE)
    clock = Clock()

    async def breathe(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_ritual(pilot)
        await pilot.press("space")
        clock.now += timedelta(minutes=5)
        await guide_ticked(pilot)

    assert snap_compare(JournalApp(store, clock=clock), run_before=breathe, terminal_size=SIZE)


def test_boundaries_note_after_yes(store: Store, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: after y the highlight moves on, the note line names the question answered, and the
    note typed for it shows beside it at once (it is already saved)."""
    at_step(store, Step.BOUNDARIES)
    store.save_ritual_state({**(store.ritual_state() or {}), "answers": {}})

    async def answer(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_ritual(pilot)
        await pilot.press("y", "tab", *"stayed for the handover")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
            widget.refresh()
        await pilot.pause()

    assert snap_compare(JournalApp(store, clock=Clock()), run_before=answer, terminal_size=SIZE)
