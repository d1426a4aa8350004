"""Check in: mood and energy as you leave, with the Mood pane's own scale pickers."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding

from journal.domain.models import ENERGY_WORDS, MOOD_WORDS
from journal.domain.ritual import Step
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.widgets.scale_picker import ScalePicker


class CheckinStep(StepView):
    """Two pickers; each change is an answer; enter moves on (from energy) or down (from mood)."""

    STEP = Step.CHECKIN
    BINDINGS = [
        Binding("enter", "enter", "Next", show=False),
        Binding("down", "focus_picker('energy')", show=False),
        Binding("up", "focus_picker('mood')", show=False),
    ]

    def compose_step(self) -> ComposeResult:
        answer: dict[str, Any] = self.answer or {}
        yield ScalePicker("Mood", MOOD_WORDS, answer.get("mood"), id="checkin-mood", label_width=8)
        yield ScalePicker("Energy", ENERGY_WORDS, answer.get("energy"), id="checkin-energy", label_width=8)

    def on_mount(self) -> None:
        self._ready = True

    @on(ScalePicker.Changed)
    def _changed(self, event: ScalePicker.Changed) -> None:
        event.stop()
        if not getattr(self, "_ready", False):
            return  # the pickers announcing their restored values is not a new answer
        mood = self.query_one("#checkin-mood", ScalePicker).value
        energy = self.query_one("#checkin-energy", ScalePicker).value
        value = None if mood is None and energy is None else {"mood": mood, "energy": energy}
        if value != self.answer:
            self.answer_given(value)

    def action_focus_picker(self, which: str) -> None:
        self.query_one(f"#checkin-{which}", ScalePicker).focus()

    def action_enter(self) -> None:
        if self.app.focused is self.query_one("#checkin-mood"):
            self.query_one("#checkin-energy", ScalePicker).focus()
        else:
            self.post_message(self.Done())
