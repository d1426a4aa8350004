"""What the end-of-shift ritual asks, and what a valid answer to each step looks like.

The words live here as data so the user can rewrite or switch off any step, and so every front end
shows the same gentle wording. Answers are checked and normalised to plain JSON-able values the
moment they are given: a ritual is saved after every answer, and a draft must always load again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from journal.domain.breathing import BreathingPlan
from journal.domain.models import BOUNDARY_KINDS, Outcome

__all__ = [
    "BOUNDARY_QUESTIONS",
    "INTENTIONS",
    "RITUAL_STEPS",
    "STEP_ORDER",
    "BoundaryEvent",
    "BoundaryQuestion",
    "RitualError",
    "RitualStep",
    "Step",
    "boundary_events",
    "clean_answer",
    "intention_label",
]


class RitualError(ValueError):
    """A ritual answer, draft or setting that cannot be used; `str()` is one sentence for the user."""


class Step(StrEnum):
    CHECKIN = "checkin"
    UNLOAD = "unload"
    PARK = "park"
    BOUNDARIES = "boundaries"
    GOOD_THING = "good_thing"
    BREATHE = "breathe"
    SWITCH = "switch"


STEP_ORDER: tuple[Step, ...] = tuple(Step)


@dataclass(frozen=True, slots=True)
class RitualStep:
    """One screen of the ritual: a short title, the default question, and a line of gentle help."""

    step: Step
    title: str
    prompt: str
    help: str


RITUAL_STEPS: dict[Step, RitualStep] = {
    s.step: s
    for s in (
        RitualStep(
            Step.CHECKIN,
            "Check in",
            "How are you leaving today?",
            "Your mood and energy right now. There are no wrong answers.",
        ),
        RitualStep(
            Step.UNLOAD,
            "Unload",
            "What is still on your mind?",
            "Write it down here so you don't have to carry it home.",
        ),
        RitualStep(
            Step.PARK,
            "Park it",
            "Anything left open that can wait until tomorrow?",
            "One line each. Tomorrow's ritual will show them to you.",
        ),
        RitualStep(
            Step.BOUNDARIES,
            "Boundaries today",
            "How did today's edges hold?",
            "A few yes-or-no questions; each yes goes into your boundary log.",
        ),
        RitualStep(
            Step.GOOD_THING,
            "One good thing",
            "What is one thing that went well today?",
            "A moment of meaning or progress, however small.",
        ),
        RitualStep(
            Step.BREATHE,
            "Breathe",
            "Let's slow down together for a minute or two.",
            "Follow the guide; pause or skip whenever you like.",
        ),
        RitualStep(
            Step.SWITCH,
            "Switch",
            "What would you like your evening to hold?",
            "Pick one, or write your own, then close the shift.",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class BoundaryQuestion:
    """A yes/no question whose "yes" becomes a boundary log entry of `kind` with `outcome`."""

    key: str
    question: str
    kind: str
    outcome: Outcome
    #: the text of the boundary entry created by a "yes"
    note: str


BOUNDARY_QUESTIONS: tuple[BoundaryQuestion, ...] = (
    BoundaryQuestion("worked_late", "Did you work late?", "overtime", Outcome.CROSSED, "Worked late"),
    BoundaryQuestion("skipped_break", "Did you skip a break?", "skipped-break", Outcome.CROSSED, "Skipped a break"),
    BoundaryQuestion(
        "after_hours_contact",
        "Were you in touch with work outside your hours?",
        "after-hours-contact",
        Outcome.CROSSED,
        "Work contact outside my hours",
    ),
    BoundaryQuestion(
        "said_no", "Did you say no to something?", "extra-responsibility", Outcome.HELD, "Said no to something"
    ),
)
_QUESTIONS_BY_KEY = {q.key: q for q in BOUNDARY_QUESTIONS}
assert all(q.kind in BOUNDARY_KINDS for q in BOUNDARY_QUESTIONS)

#: evening intentions offered by the Switch step; the user may also write their own
INTENTIONS: dict[str, str] = {
    "rest": "Rest",
    "people": "Time with people",
    "movement": "Movement",
    "hobby": "A hobby",
}


@dataclass(frozen=True, slots=True)
class BoundaryEvent:
    """A boundary log entry the ritual's answers call for."""

    kind: str
    outcome: Outcome
    note: str


def boundary_events(answer: Mapping[str, bool] | None) -> list[BoundaryEvent]:
    """The boundary entries to log for a Boundaries answer: one per "yes", in question order."""
    answer = answer or {}
    return [BoundaryEvent(q.kind, q.outcome, q.note) for q in BOUNDARY_QUESTIONS if answer.get(q.key)]


def intention_label(answer: str) -> str:
    """How a Switch answer reads: the label of a chosen intention, or the user's own words."""
    return INTENTIONS.get(answer, answer)


def clean_answer(step: Step | str, value: Any) -> Any:
    """Check an answer for `step` and return it as plain JSON-able data.

    Raises RitualError with a sentence saying what to do; skipping is always the alternative.
    """
    try:
        step = Step(step)
    except ValueError:
        raise RitualError(f"There is no ritual step called {step!r}.") from None
    return _CLEANERS[step](value)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RitualError(f"Please write {what}, or skip this step.")
    return value.strip()


def _scale(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise RitualError(f"{what} is a number from 1 to 5.")
    return value


def _checkin(value: Any) -> dict[str, int | None]:
    if not isinstance(value, Mapping) or set(value) - {"mood", "energy"}:
        raise RitualError("A check-in is a mood and an energy from 1 to 5.")
    answer = {"mood": _scale(value.get("mood"), "Mood"), "energy": _scale(value.get("energy"), "Energy")}
    if answer["mood"] is None and answer["energy"] is None:
        raise RitualError("Please choose a mood or an energy, or skip this step.")
    return answer


def _park(value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise RitualError("Parked items are a list of short lines.")
    if not all(isinstance(item, str) for item in value):
        raise RitualError("Each parked item is a line of text.")
    items = [item.strip() for item in value if item.strip()]
    if not items:
        raise RitualError("Please write at least one thing to park, or skip this step.")
    return items


def _boundaries(value: Any) -> dict[str, bool]:
    if not isinstance(value, Mapping) or not value:
        raise RitualError("Please answer at least one boundary question, or skip this step.")
    unknown = [key for key in value if key not in _QUESTIONS_BY_KEY]
    if unknown:
        raise RitualError(f"There is no boundary question called {unknown[0]!r}.")
    if not all(isinstance(v, bool) for v in value.values()):
        raise RitualError("Each boundary question is answered yes or no.")
    return {q.key: value[q.key] for q in BOUNDARY_QUESTIONS if q.key in value}


def _breathe(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping) or set(value) - {"pattern", "minutes", "seconds", "completed"}:
        raise RitualError("A breathing answer says the pattern, the minutes and the seconds breathed.")
    try:
        plan = BreathingPlan(value.get("pattern", "box"), value.get("minutes", 2))
    except ValueError as error:
        raise RitualError(str(error)) from None
    seconds, completed = value.get("seconds", 0), value.get("completed", False)
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds < 10**6:
        raise RitualError("The seconds breathed must be a number of seconds.")
    if not isinstance(completed, bool):
        raise RitualError("Whether the breathing was completed is yes or no.")
    return {"pattern": plan.pattern, "minutes": plan.minutes, "seconds": int(seconds), "completed": completed}


def _switch(value: Any) -> str:
    text = _text(value, "an intention for your evening")
    return text.lower() if text.lower() in INTENTIONS else text


_CLEANERS = {
    Step.CHECKIN: _checkin,
    Step.UNLOAD: lambda v: _text(v, "what is on your mind"),
    Step.PARK: _park,
    Step.BOUNDARIES: _boundaries,
    Step.GOOD_THING: lambda v: _text(v, "one good thing"),
    Step.BREATHE: _breathe,
    Step.SWITCH: _switch,
}
