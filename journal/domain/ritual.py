"""The end-of-shift ritual as a small, pure state machine.

Every transition returns a new `RitualState`, and every state turns into a plain JSON-able dict and
back, so the UI can save the draft after each answer and a ritual interrupted by a closed laptop
resumes exactly where it was. Settings (which steps, in whose words, how long to breathe) are a
separate value the user edits; a draft adapts to them on resume rather than breaking.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from journal.domain import ritual_steps
from journal.domain.breathing import DEFAULT_MINUTES, DEFAULT_PATTERN, BreathingPlan
from journal.domain.ritual_steps import (  # noqa: F401  (re-exported)
    BOUNDARY_QUESTIONS,
    INTENTIONS,
    RITUAL_STEPS,
    STEP_ORDER,
    BoundaryEvent,
    BoundaryQuestion,
    RitualError,
    RitualStep,
    Step,
    boundary_events,
    clean_answer,
    intention_label,
)

# The step definitions are re-exported so callers need only `journal.domain.ritual`.
__all__ = ["RitualSettings", "RitualState", "ritual_entry_payload", *ritual_steps.__all__]

_VERSION = 1


def _steps(names: Iterable[Any]) -> tuple[Step, ...]:
    """Step names in the ritual's own order, once each; unknown names are a RitualError."""
    try:
        wanted = {Step(name) for name in names}
    except (ValueError, TypeError):
        raise RitualError("The ritual's list of steps is damaged; restore the default steps.") from None
    return tuple(s for s in STEP_ORDER if s in wanted)


def _moment(value: Any, what: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise RitualError(f"The saved ritual has a damaged {what} time; it will start afresh.")
    return moment


@dataclass(frozen=True)
class RitualSettings:
    """The user's ritual: which steps run, any rewritten prompts, and the breathing exercise."""

    enabled: tuple[Step, ...] = STEP_ORDER
    prompts: Mapping[str, str] = field(default_factory=dict)
    breathing_pattern: str = DEFAULT_PATTERN
    breathing_minutes: int = DEFAULT_MINUTES

    def __post_init__(self) -> None:
        object.__setattr__(self, "enabled", _steps(self.enabled))
        if not isinstance(self.prompts, Mapping) or not all(isinstance(text, str) for text in self.prompts.values()):
            raise RitualError("Custom prompts must be text.")
        prompts = {str(s): text.strip() for s, text in self.prompts.items() if text.strip()}
        object.__setattr__(self, "prompts", {str(s): prompts[str(s)] for s in _steps(prompts)})
        try:
            BreathingPlan(self.breathing_pattern, self.breathing_minutes)
        except ValueError as error:
            raise RitualError(str(error)) from None

    @property
    def breathing_plan(self) -> BreathingPlan:
        return BreathingPlan(self.breathing_pattern, self.breathing_minutes)

    def prompt_for(self, step: Step) -> str:
        """The user's own wording for a step if they wrote one, else the default."""
        return self.prompts.get(str(step), RITUAL_STEPS[Step(step)].prompt)

    def with_step(self, step: Step, enabled: bool) -> RitualSettings:
        chosen = set(self.enabled) | {step} if enabled else set(self.enabled) - {step}
        return replace(self, enabled=_steps(chosen))

    def with_prompt(self, step: Step, text: str | None) -> RitualSettings:
        """Rewrite a step's prompt; None or blank restores the default wording."""
        prompts = {k: v for k, v in self.prompts.items() if k != str(Step(step))}
        if text and text.strip():
            prompts[str(Step(step))] = text
        return replace(self, prompts=prompts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "enabled": [str(s) for s in self.enabled],
            "prompts": dict(self.prompts),
            "breathing": {"pattern": self.breathing_pattern, "minutes": self.breathing_minutes},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RitualSettings:
        """Settings saved by `to_dict`; missing parts fall back to the defaults."""
        if not isinstance(data, Mapping):
            raise RitualError("The ritual settings are damaged; restore the defaults.")
        breathing = data.get("breathing") or {}
        if not isinstance(breathing, Mapping):
            raise RitualError("The breathing settings are damaged; restore the defaults.")
        return cls(
            enabled=_steps(data.get("enabled", STEP_ORDER)),
            prompts=data.get("prompts") or {},
            breathing_pattern=breathing.get("pattern", DEFAULT_PATTERN),
            breathing_minutes=breathing.get("minutes", DEFAULT_MINUTES),
        )


@dataclass(frozen=True)
class RitualState:
    """A ritual in progress (or closed). Never mutated: each transition returns a new state.

    `steps` are the steps this ritual runs (the enabled ones); `current` is the step on screen, or
    None only when no step is enabled; `answers` maps step names to cleaned answers; a step is in
    `skipped` when the user moved past it without an answer.
    """

    started_at: datetime
    steps: tuple[Step, ...] = STEP_ORDER
    current: Step | None = Step.CHECKIN
    answers: Mapping[str, Any] = field(default_factory=dict)
    skipped: frozenset[Step] = frozenset()
    closed_at: datetime | None = None

    @classmethod
    def start(cls, now: datetime, settings: RitualSettings | None = None) -> RitualState:
        steps = (settings or RitualSettings()).enabled
        state = cls(started_at=now, steps=steps, current=steps[0] if steps else None)
        state.check()
        return state

    # --- reading ---

    @property
    def is_complete(self) -> bool:
        return self.closed_at is not None

    @property
    def is_first(self) -> bool:
        return not self.steps or self.current == self.steps[0]

    @property
    def is_last(self) -> bool:
        return not self.steps or self.current == self.steps[-1]

    def answer_for(self, step: Step) -> Any:
        return self.answers.get(str(step))

    def check(self) -> None:
        """Raise RitualError unless the state is internally consistent."""
        ok = (
            self.started_at.tzinfo is not None
            and (self.closed_at is None or self.closed_at.tzinfo is not None)
            and self.steps == _steps(self.steps)
            and (self.current in self.steps if self.steps else self.current is None)
            and self.skipped <= set(self.steps)
            and not {str(s) for s in self.skipped} & set(self.answers)
            and set(self.answers) <= {str(s) for s in STEP_ORDER}
        )
        if not ok:
            raise RitualError("The saved ritual doesn't fit together; it will start afresh.")

    # --- transitions ---

    def answer(self, step: Step, value: Any) -> RitualState:
        """Record an answer for any step of this ritual (it does not move on by itself)."""
        self._open()
        step = Step(step)
        if step not in self.steps:
            raise RitualError("That step is switched off in your ritual settings.")
        cleaned = clean_answer(step, value)
        return replace(self, answers={**self.answers, str(step): cleaned}, skipped=self.skipped - {step})

    def skip(self) -> RitualState:
        """Leave the current step unanswered (dropping any answer) and move on."""
        self._open()
        if self.current is None:
            return self
        answers = {k: v for k, v in self.answers.items() if k != str(self.current)}
        return replace(self, answers=answers, skipped=self.skipped | {self.current})._moved(1)

    def forward(self) -> RitualState:
        """Move on; a step left without an answer counts as skipped."""
        self._open()
        if self.current is None or str(self.current) in self.answers:
            return self._moved(1)
        return replace(self, skipped=self.skipped | {self.current})._moved(1)

    def back(self) -> RitualState:
        self._open()
        return self._moved(-1)

    def close(self, now: datetime) -> RitualState:
        """Close the shift; steps never reached count as skipped."""
        self._open()
        unanswered = {s for s in self.steps if str(s) not in self.answers}
        return replace(self, closed_at=now, skipped=frozenset(unanswered))

    def resume(self, settings: RitualSettings) -> RitualState:
        """The draft adapted to the current settings: switched-off steps are passed over (their
        answers are kept), and the ritual resumes at the current step or the next one still on."""
        steps = settings.enabled
        current = self.current
        if current not in steps:
            later = [s for s in steps if current is None or STEP_ORDER.index(s) > STEP_ORDER.index(current)]
            current = later[0] if later else (steps[-1] if steps else None)
        return replace(self, steps=steps, current=current, skipped=self.skipped & set(steps))

    def _moved(self, by: int) -> RitualState:
        if self.current is None:
            return self
        index = min(max(self.steps.index(self.current) + by, 0), len(self.steps) - 1)
        return replace(self, current=self.steps[index])

    def _open(self) -> None:
        if self.closed_at is not None:
            raise RitualError("This shift is already closed.")

    # --- saving ---

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": _VERSION,
            "started_at": self.started_at.isoformat(),
            "steps": [str(s) for s in self.steps],
            "current": None if self.current is None else str(self.current),
            "answers": {str(s): self.answers[str(s)] for s in STEP_ORDER if str(s) in self.answers},
            "skipped": [str(s) for s in STEP_ORDER if s in self.skipped],
            "closed_at": None if self.closed_at is None else self.closed_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RitualState:
        """A state saved by `to_dict`; anything damaged or from a newer version is a RitualError."""
        if not isinstance(data, Mapping) or data.get("version") != _VERSION:
            raise RitualError("The saved ritual is from another version of journal; it will start afresh.")
        answers = data.get("answers")
        if not isinstance(answers, Mapping) or not isinstance(data.get("steps"), list):
            raise RitualError("The saved ritual is damaged; it will start afresh.")
        current = data.get("current")
        state = cls(
            started_at=_moment(data.get("started_at"), "start"),
            steps=_steps(data["steps"]),
            current=None if current is None else _steps([current])[0],
            answers={str(Step(k)): clean_answer(k, v) for k, v in answers.items() if k in set(Step)},
            skipped=frozenset(_steps(data.get("skipped") or [])),
            closed_at=None if data.get("closed_at") is None else _moment(data["closed_at"], "closing"),
        )
        if set(answers) - set(Step):
            raise RitualError("The saved ritual has an answer for an unknown step; it will start afresh.")
        state.check()
        return state


def ritual_entry_payload(state: RitualState) -> dict[str, Any]:
    """What a closed ritual stores as `Entry.ritual`: its answers, skipped steps and duration."""
    if state.closed_at is None:
        raise RitualError("The ritual isn't closed yet.")
    switch = state.answer_for(Step.SWITCH)
    seconds = (state.closed_at - state.started_at).total_seconds()
    return {
        "started_at": state.started_at.isoformat(),
        "closed_at": state.closed_at.isoformat(),
        "duration_seconds": max(0, round(seconds)),
        "answers": state.to_dict()["answers"],
        "skipped": [str(s) for s in STEP_ORDER if s in state.skipped],
        "intention": None if switch is None else intention_label(switch),
    }
