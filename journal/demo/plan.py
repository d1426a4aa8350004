"""What happens on each day of the demo clinician's life, before any words are written.

The demo exists so people (and tests, and screenshots) can discover patterns in it, so the patterns
are planted here, in one place, as plain probabilities and mood effects:

1. Wednesdays are paperwork days (case notes, audit, write-ups after the team meeting).
2. After-hours contact creeps up over the last five weeks.
3. Days with exercise are better days (about one mood point).
4. One rough week about seven weeks ago: crisis, overtime, broken sleep, intrusive thoughts, low mood.
5. Fortnightly supervision helps.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from journal.demo.text_feel import AFTER_HOURS_SYMPTOMS, LOW_DAY_SYMPTOMS, ROUGH_WEEK_SYMPTOMS

WEDNESDAY = 2
THURSDAY = 3
#: The after-hours creep ramps up over this many days before `now`.
CREEP_DAYS = 35
#: The rough week is the Monday-to-Sunday week containing the day this many days before `now`.
ROUGH_DAYS_AGO = 49
#: ISO weeks of annual leave each year (never the rough week or the creep).
LEAVE_WEEKS = frozenset({8, 22, 33, 52})

#: (probability on an ordinary workday, mood effect) of each work stressor.
WORK_STRESSORS: dict[str, tuple[float, float]] = {
    "paperwork": (0.04, -0.45),
    "caseload": (0.22, -0.3),
    "crisis": (0.07, -0.6),
    "trauma-exposure": (0.12, -0.4),
    "client-outcome": (0.10, -0.35),
    "staffing": (0.10, -0.3),
    "conflict": (0.06, -0.4),
    "aggression": (0.025, -0.7),
    "skipped-break": (0.15, -0.2),
    "overtime": (0.10, -0.35),
    "after-hours": (0.04, -0.4),
}

#: (probability on a workday, on a day off, mood effect) of each kind of care.
CARE: dict[str, tuple[float, float, float]] = {
    "exercise": (0.28, 0.5, 1.0),
    "mindfulness": (0.10, 0.12, 0.2),
    "connection": (0.15, 0.45, 0.3),
    "rest": (0.05, 0.35, 0.3),
    "hobby": (0.10, 0.35, 0.3),
    "peer-support": (0.12, 0.0, 0.3),
    "boundary-held": (0.08, 0.0, 0.2),
    "meaningful-moment": (0.12, 0.0, 0.5),
}
SUPERVISION_LIFT = 0.9
ROUGH_WEEK_DROP = 1.5
LEAVE_LIFT = 0.6
WEEKDAY_MOOD = (-0.15, 0.0, -0.1, 0.0, 0.25, 0.35, 0.35)


@dataclass(slots=True)
class Day:
    """One planned day: which themes happen and how it feels overall."""

    day: date
    workday: bool
    leave: bool = False
    on_call: bool = False
    rough: bool = False
    creep: float = 0.0
    stressors: list[str] = field(default_factory=list)
    care: list[str] = field(default_factory=list)
    symptoms: list[str] = field(default_factory=list)
    mood: float = 3.0


def rough_week_start(today: date) -> date:
    """Monday of the demo's rough week."""
    anchor = today - timedelta(days=ROUGH_DAYS_AGO)
    return anchor - timedelta(days=anchor.weekday())


def plan_day(rng: random.Random, day: date, today: date) -> Day:
    """Decide everything about `day` that later shapes its entries."""
    days_ago = (today - day).days
    rough_start = rough_week_start(today)
    rough = rough_start <= day < rough_start + timedelta(days=7)
    creep = (CREEP_DAYS - days_ago) / CREEP_DAYS if 0 <= days_ago < CREEP_DAYS else 0.0
    weekday = day.weekday()
    iso_week = day.isocalendar().week
    leave = iso_week in LEAVE_WEEKS and not rough and not creep and weekday < 5
    plan = Day(day=day, workday=weekday < 5 and not leave, leave=leave, rough=rough, creep=creep)
    plan.on_call = weekday == 5 and iso_week % 4 == 1

    mood = 3.1 + WEEKDAY_MOOD[weekday] + rng.gauss(0, 0.45)
    if plan.workday or plan.on_call:
        for name, (chance, effect) in WORK_STRESSORS.items():
            if rng.random() < _stressor_chance(name, chance, plan):
                plan.stressors.append(name)
                mood += effect
    elif rng.random() < 0.02 + 0.6 * creep:
        plan.stressors.append("after-hours")
        mood += WORK_STRESSORS["after-hours"][1]
    if plan.workday and weekday == THURSDAY and (day.toordinal() // 7) % 2 == 0:
        plan.care.append("supervision")
        mood += SUPERVISION_LIFT
    for name, (on_work, off_work, effect) in CARE.items():
        chance = on_work if plan.workday else off_work
        if rough:
            chance *= 0.15
        if rng.random() < chance:
            plan.care.append(name)
            mood += effect
    if rough:
        mood -= ROUGH_WEEK_DROP
    if leave:
        mood += LEAVE_LIFT
    plan.mood = mood
    plan.symptoms = _symptoms(rng, plan)
    return plan


def _stressor_chance(name: str, chance: float, plan: Day) -> float:
    weekday = plan.day.weekday()
    if name == "paperwork" and weekday == WEDNESDAY:
        return 0.88
    if name == "conflict" and weekday == WEDNESDAY:
        return 0.12
    if name == "after-hours":
        return chance + 0.8 * plan.creep
    if plan.rough and name in ("crisis", "overtime"):
        return 0.95
    if plan.rough and name in ("trauma-exposure", "skipped-break"):
        return 0.5
    if plan.on_call and name == "crisis":
        return 0.5
    return chance


def _symptoms(rng: random.Random, plan: Day) -> list[str]:
    """Symptoms follow the day: more on low days, sleep and intrusive thoughts in the rough week."""
    found: list[str] = []
    if plan.rough:  # broken sleep and the images that won't go, every day of it
        found += ["sleep", "intrusive-thoughts", *rng.sample(ROUGH_WEEK_SYMPTOMS[2:], rng.randint(1, 2))]
    if plan.mood < 2.6:
        found += rng.sample(LOW_DAY_SYMPTOMS, rng.randint(1, 3))
    elif plan.mood < 3.2 and rng.random() < 0.35:
        found.append(rng.choice(LOW_DAY_SYMPTOMS))
    if "after-hours" in plan.stressors and rng.random() < 0.5:
        found.append(rng.choice(AFTER_HOURS_SYMPTOMS))
    return list(dict.fromkeys(found))
