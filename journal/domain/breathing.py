"""Timing for the ritual's paced breathing guide, kept free of any clock or screen.

The widget feeds in how long the exercise has been running (minus any time spent paused) and gets
back which phase to show and how far through it we are; so pausing, resuming and testing need no
timers at all. A plan is always whole cycles: stopping mid-breath would feel abrupt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DEFAULT_MINUTES",
    "DEFAULT_PATTERN",
    "MAX_MINUTES",
    "MIN_MINUTES",
    "PATTERNS",
    "PATTERN_NAMES",
    "BreathState",
    "BreathingPlan",
    "Phase",
]

PhaseName = Literal["in", "hold", "out", "hold-out"]


@dataclass(frozen=True, slots=True)
class Phase:
    """One part of a breath: its kind, how long it lasts and the words shown for it."""

    name: PhaseName
    seconds: int
    label: str


_IN = Phase("in", 4, "Breathe in")
_HOLD_4 = Phase("hold", 4, "Hold")
_OUT_4 = Phase("out", 4, "Breathe out")
_REST_4 = Phase("hold-out", 4, "Rest")

#: the breathing patterns on offer, name -> one cycle of phases
PATTERNS: dict[str, tuple[Phase, ...]] = {
    "box": (_IN, _HOLD_4, _OUT_4, _REST_4),
    "478": (_IN, Phase("hold", 7, "Hold"), Phase("out", 8, "Breathe out")),
}
#: how each pattern is named on screen
PATTERN_NAMES: dict[str, str] = {"box": "Box breathing (4-4-4-4)", "478": "4-7-8 breathing"}

MIN_MINUTES, MAX_MINUTES = 1, 5
DEFAULT_PATTERN, DEFAULT_MINUTES = "box", 2


@dataclass(frozen=True, slots=True)
class BreathState:
    """Where the exercise is at a given moment."""

    phase: Phase
    #: 0.0 at the start of the phase, 1.0 at its end
    progress: float
    #: which cycle, counting from 0
    cycle: int
    #: position of `phase` within the cycle
    phase_index: int
    #: whole seconds left in this phase, for a gentle countdown (never below 0)
    seconds_left: int
    done: bool


@dataclass(frozen=True, slots=True)
class BreathingPlan:
    """A breathing exercise of `minutes` minutes (1-5) using one of the PATTERNS."""

    pattern: str = DEFAULT_PATTERN
    minutes: int = DEFAULT_MINUTES

    def __post_init__(self) -> None:
        if self.pattern not in PATTERNS:
            raise ValueError(f"There is no breathing pattern called {self.pattern!r}; choose box or 478.")
        if (
            isinstance(self.minutes, bool)
            or not isinstance(self.minutes, int)
            or not (MIN_MINUTES <= self.minutes <= MAX_MINUTES)
        ):
            raise ValueError(
                f"Breathing lasts between {MIN_MINUTES} and {MAX_MINUTES} minutes; choose a whole number in that range."
            )

    @property
    def phases(self) -> tuple[Phase, ...]:
        return PATTERNS[self.pattern]

    @property
    def cycle_seconds(self) -> int:
        return sum(p.seconds for p in self.phases)

    @property
    def cycles(self) -> int:
        """Whole cycles that fit in the chosen minutes (always at least one)."""
        return max(1, self.minutes * 60 // self.cycle_seconds)

    @property
    def total_seconds(self) -> int:
        return self.cycles * self.cycle_seconds

    def state_at(self, elapsed: float) -> BreathState:
        """The phase and progress `elapsed` seconds into the exercise (paused time excluded).

        Negative time is treated as the very start; at or past the end the state is `done`, resting
        on the final phase at full progress.
        """
        if math.isnan(elapsed):
            raise ValueError("The elapsed time must be a number of seconds.")
        phases = self.phases
        if elapsed >= self.total_seconds:
            last = len(phases) - 1
            return BreathState(phases[last], 1.0, self.cycles - 1, last, 0, True)
        elapsed = max(0.0, float(elapsed))
        cycle, into_cycle = divmod(elapsed, self.cycle_seconds)
        for index, phase in enumerate(phases):
            if into_cycle < phase.seconds or index == len(phases) - 1:
                progress = min(1.0, max(0.0, into_cycle / phase.seconds))
                left = max(0, math.ceil(phase.seconds - into_cycle))
                return BreathState(phase, progress, int(cycle), index, left, False)
            into_cycle -= phase.seconds
        raise AssertionError("unreachable: the last phase always matches")
