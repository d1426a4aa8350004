"""The Breathe step: a paced breathing guide, a box that grows and shrinks with the breath.

All timing comes from `journal.domain.breathing`: the guide only asks "how long have we been
breathing?" of an injectable `now()` (seconds), minus the time spent paused, and draws what
`BreathingPlan.state_at` says. A timer merely repaints; it never adds up ticks, so nothing drifts,
and a test can move time forward by hand instead of waiting minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from journal.domain.breathing import PATTERN_NAMES, BreathingPlan, BreathState
from journal.domain.ritual_steps import Step
from journal.ui.panes.ritual_steps.base import StepView

#: how often the picture is repainted (seconds); timing does not depend on it
FRAME = 0.1
#: the box at full breath, in cells; an empty lung is the smallest odd box
_MAX_W, _MAX_H = 31, 9
_MIN_W, _MIN_H = 5, 1


def box_size(state: BreathState) -> float:
    """How full the breath is, 0.0-1.0: rises while breathing in, falls breathing out."""
    name = state.phase.name
    if name == "in":
        return state.progress
    if name == "hold":
        return 1.0
    if name == "out":
        return 1.0 - state.progress
    return 0.0


class BreathBox(Widget):
    """The picture: a centred block whose size follows the breath."""

    DEFAULT_CSS = """
    BreathBox { width: 100%; height: 9; color: $secondary; text-align: center; }
    """

    fullness: reactive[float] = reactive(0.0)

    def render(self) -> Content:
        width = _MIN_W + 2 * round((_MAX_W - _MIN_W) / 2 * self.fullness)
        height = _MIN_H + 2 * round((_MAX_H - _MIN_H) / 2 * self.fullness)
        top = (_MAX_H - height) // 2
        lines = [""] * top + ["█" * width] * height + [""] * (_MAX_H - top - height)
        return Content("\n".join(lines))


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def plan_line(plan: BreathingPlan) -> str:
    """The heading: the pattern and the length the timer will count down, to the second (a plan is
    whole breaths, so "2 minutes" of box breathing is 7 breaths, 1:52)."""
    rounds = f"{plan.cycles} breath{'s' if plan.cycles != 1 else ''}"
    return f"{PATTERN_NAMES[plan.pattern]} · {clock_text(plan.total_seconds)} ({rounds})"


class BreatheStep(StepView):
    """Space begins or pauses; when the plan is done the answer is recorded as completed."""

    STEP = Step.BREATHE
    BINDINGS = [
        Binding("space", "toggle_breathing", "Begin / pause"),
        Binding("enter", "done", "Next"),
    ]

    running: reactive[bool] = reactive(False)

    def __init__(self, answer: Any, *, plan: BreathingPlan, now: Callable[[], float], **kw: Any) -> None:
        super().__init__(answer, **kw)
        self.plan = plan
        self.now = now
        self._started: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._recorded_done = False

    def compose_step(self) -> ComposeResult:
        yield Static(plan_line(self.plan), classes="breathe-plan", markup=False)
        yield BreathBox()
        yield Static("", id="breathe-phase", markup=False)
        yield Static("", id="breathe-bar", markup=False)
        yield Static("", id="breathe-left", markup=False)

    def on_mount(self) -> None:
        self.can_focus = True
        self.set_interval(FRAME, self.tick)
        self.tick()

    def focus_first(self) -> None:
        self.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_breathing":
            return not self.finished  # at the end, space has nothing left to do
        return True

    @property
    def finished(self) -> bool:
        return self._recorded_done

    def action_done(self) -> None:
        self.post_message(self.Done())

    # timing ---------------------------------------------------------------------------------
    def elapsed(self) -> float:
        """Seconds breathed so far, paused time excluded."""
        if self._started is None:
            return 0.0
        until = self._paused_at if self._paused_at is not None else self.now()
        return max(0.0, until - self._started - self._paused_total)

    def action_toggle_breathing(self) -> None:
        now = self.now()
        if self._started is None:
            self._started = now
            self.running = True
        elif self.state().done:
            return
        elif self._paused_at is None:
            self._paused_at = now
            self.running = False
            self._record(completed=False)
        else:
            self._paused_total += now - self._paused_at
            self._paused_at = None
            self.running = True
        self.tick()

    def state(self) -> BreathState:
        return self.plan.state_at(self.elapsed())

    def tick(self) -> None:
        """Repaint from the current elapsed time; record the answer once the plan is done."""
        state = self.state()
        self.query_one(BreathBox).fullness = box_size(state) if self._started is not None else 0.0
        phase = self.query_one("#breathe-phase", Static)
        if self._started is None:
            phase.update("Press space to begin. Enter moves on.")
        elif state.done:
            phase.update("Well done. Take that calm with you. Press Enter to go on.")
        elif self._paused_at is not None:
            phase.update("Paused. Press space to carry on.")
        else:
            phase.update(f"{state.phase.label} {max(1, state.seconds_left)}…")
        bar_width = 30
        filled = 0 if self._started is None else round(bar_width * state.progress)
        self.query_one("#breathe-bar", Static).update("▰" * filled + "▱" * (bar_width - filled))
        left = max(0, round(self.plan.total_seconds - self.elapsed()))
        self.query_one("#breathe-left", Static).update(f"{clock_text(left)} left")
        if state.done and self._started is not None and not self._recorded_done:
            self._recorded_done = True
            self.running = False
            self._record(completed=True)
            self.refresh_bindings()

    def _record(self, *, completed: bool) -> None:
        seconds = int(min(self.elapsed(), self.plan.total_seconds))
        if seconds <= 0 and not completed:
            return
        self.answer_given(
            {
                "pattern": self.plan.pattern,
                "minutes": self.plan.minutes,
                "seconds": seconds,
                "completed": completed,
            }
        )

    def on_leave(self) -> None:
        """Leaving mid-exercise keeps what was breathed (not marked completed)."""
        if self._started is not None and not self._recorded_done:
            self._record(completed=False)
