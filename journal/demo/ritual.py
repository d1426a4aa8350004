"""Demo end-of-shift rituals, walked through the real ritual state machine.

Going through `RitualState` (answer, skip, close) rather than writing the payload by hand means the
demo's rituals have exactly the shape the app itself stores, and break loudly if that shape changes.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from journal.demo.compose import Composer
from journal.demo.plan import Day
from journal.demo.text_ritual import BREATHE_PATTERNS, INTENTION_NOTES, PARKED
from journal.domain.models import Entry, Kind, Outcome
from journal.domain.ritual import INTENTIONS, RitualState, Step, ritual_entry_payload

_INTENTION_KEYS = tuple(INTENTIONS)


def ritual_entry(
    rng: random.Random,
    compose: Composer,
    plan: Day,
    *,
    closed: datetime,
    mood: int,
    energy: int,
    themes: list[str],
    events: list[tuple[str, Outcome]],
) -> Entry:
    """One closed ritual for `plan`'s day whose answers agree with its boundary events and care."""
    unload = compose.unload_text(mood, themes)
    good = compose.good_thing(plan.care)
    not_held = {kind for kind, outcome in events if outcome is not Outcome.HELD}
    minutes = rng.choice((1, 2, 2, 3, 3, 4, 5))
    breathed = minutes * 60 if rng.random() < 0.75 else rng.randint(20, minutes * 60)
    if "exercise" in plan.care and rng.random() < 0.6:
        intention = "movement"
    else:
        intention = rng.choice(_INTENTION_KEYS)
    answers = {
        Step.CHECKIN: {"mood": mood, "energy": energy},
        Step.UNLOAD: unload,
        Step.PARK: rng.sample(PARKED, rng.choice((0, 1, 2, 2, 3))),
        Step.BOUNDARIES: {
            "worked_late": "overtime" in not_held,
            "skipped_break": "skipped-break" in not_held,
            "after_hours_contact": "after-hours-contact" in not_held,
            "said_no": "boundary-held" in plan.care or any(outcome is Outcome.HELD for _, outcome in events),
        },
        Step.GOOD_THING: good,
        Step.BREATHE: {
            "pattern": rng.choice(BREATHE_PATTERNS),
            "minutes": minutes,
            "seconds": breathed,
            "completed": breathed >= minutes * 60,
        },
        Step.SWITCH: intention if rng.random() < 0.7 else rng.choice(INTENTION_NOTES[intention]),
    }
    started = closed - timedelta(seconds=rng.randint(150, 420) + breathed)
    state = RitualState.start(started)
    for step, answer in answers.items():
        # People skip the odd step; an empty park list is a skip too.
        if answer and (step in (Step.CHECKIN, Step.UNLOAD) or rng.random() > 0.06):
            state = state.answer(step, answer).forward()
        else:
            state = state.skip()
    state = state.close(closed)
    return Entry(
        kind=Kind.RITUAL,
        created_at=closed,
        text=f"{unload}\n\n{good}" if str(Step.GOOD_THING) in state.answers else unload,
        mood=mood,
        energy=energy,
        ritual=ritual_entry_payload(state),
    )
