"""The demo journal as a lazy stream of entries, one planned day at a time.

Lazy because the benchmark asks for 100,000 entries and nothing in this project may hold a decade of
journal in memory. Deterministic because screenshots and snapshot tests are made from it: the same
seed and `now` always give the same entries.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from journal.demo.compose import Composer
from journal.demo.plan import Day, plan_day
from journal.demo.ritual import ritual_entry
from journal.demo.timing import earliest_minute, fit_minute
from journal.domain.models import Entry, Kind, Outcome

#: Entries a day in `scale` mode: heavy use, so 100,000 entries span about eleven years.
SCALE_RATE = 25
_TIRED = frozenset({"fatigue", "sleep", "emotional-exhaustion"})
_HELD_KINDS = (
    "after-hours-contact",
    "overtime",
    "skipped-break",
    "extra-responsibility",
    "over-involvement",
    "personal-contact-details",
)
_HELD_WEIGHTS = (3, 3, 2, 2, 1, 0.5)
#: Themes that read as the evening's (they go in the day's last note) or the morning's (the first).
_EVENING = frozenset(
    {
        "after-hours",
        "overtime",
        "exercise",
        "connection",
        "hobby",
        "substance-use",
        "unhealthy-coping",
        "irritability",
        "withdrawal",
        "rest",
    }
)
_MORNING = frozenset({"sleep"})
#: What an otherwise empty note talks about: everyday themes that no planted pattern depends on.
_BACKGROUND_GOOD = ("meaningful-moment", "peer-support", "connection", "hobby", "mindfulness", "caseload")
_BACKGROUND_HARD = (
    "caseload",
    "client-outcome",
    "staffing",
    "fatigue",
    "tension",
    "concentration",
    "trauma-exposure",
    "peer-support",
    "overwhelm",
)
_MORNING_END = 600
_NOTE_LIFT = 0.6
_MOOD_COUNT_WEIGHTS = {True: (10, 45, 33, 12), False: (30, 50, 20, 0)}
#: Minutes after midnight where a workday's mood entries fall: morning, lunch, evening, late.
_WORK_SLOTS = ((435, 530), (730, 830), (1140, 1260), (1260, 1375))

#: Lately the caseload keeps the person up (see `_DayWriter._caseload_night`): over this many days.
CASELOAD_NIGHTS_DAYS = 42
_CASELOAD_NIGHTS = (
    "The caseload kept me up half the night, sleep was broken.",
    "Caseload on my mind at bedtime, broken sleep again.",
)

Localise = Callable[[datetime], datetime]


def demo_entries(*, now: datetime, days: int = 183, seed: int = 7, scale: int | None = None) -> Iterator[Entry]:
    """Yield the demo journal's entries oldest first, all at or before `now` (timezone-aware).

    `scale=N` yields exactly N entries (and ignores `days`), spread over as many days as heavy use
    needs: about 25 a day, so 100,000 entries cover about eleven years.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rng = random.Random(seed)
    writer = _DayWriter(rng, _localiser(now), now)
    today = now.date()
    total_days = days if scale is None else max(1, math.ceil(scale / SCALE_RATE))
    first = today - timedelta(days=total_days - 1)
    produced = 0
    for i in range(total_days):
        plan = plan_day(rng, first + timedelta(days=i), today)
        quota = None if scale is None else round(scale * (i + 1) / total_days) - produced
        entries = writer.write(plan, quota)
        produced += len(entries)
        yield from entries


def _localiser(now: datetime) -> Localise:
    """Give naive local times the zone of `now`, with the right daylight-saving offset when known."""
    tz = now.tzinfo
    if isinstance(tz, ZoneInfo):
        return lambda naive: naive.replace(tzinfo=tz)
    if now.utcoffset() == now.replace(tzinfo=None).astimezone().utcoffset():
        return lambda naive: naive.astimezone()  # the system's local zone, DST included
    return lambda naive: naive.replace(tzinfo=tz)


class _DayWriter:
    """Writes one planned day's mood entries, boundary events and ritual."""

    def __init__(self, rng: random.Random, localise: Localise, now: datetime) -> None:
        self.rng = rng
        self.compose = Composer(rng)
        self.localise = localise
        self.now = now

    def write(self, plan: Day, quota: int | None) -> list[Entry]:
        rng = self.rng
        events = self._boundary_events(plan)
        ritual = rng.random() < self._ritual_chance(plan)
        if quota is None:
            n_mood = rng.choices(range(4), _MOOD_COUNT_WEIGHTS[plan.workday])[0]
            if n_mood == 0 and (plan.care or plan.rough or plan.stressors):
                n_mood = 1
        else:
            n_mood = max(0, quota - len(events) - ritual)
        times = self._mood_times(plan.workday, n_mood)
        groups = self._themes_by_note(plan, times, ritual)
        entries = [
            self._mood(plan, t, themes, plan.workday and t < _MORNING_END)
            for t, themes in zip(times, groups, strict=False)
        ]  # the last group is the ritual's
        entries += [self._boundary(plan, kind, outcome) for kind, outcome in events]
        # Today, a note whose words need a part of the day still to come ("a quiet evening" at 4pm)
        # is not written yet (a clock time, "a call at 10pm", may be last night's: that one stays).
        if quota is None:  # (`scale` mode promises an exact count)
            entries = [e for e in entries if not self._not_yet(plan.day, e.text)]
        if ritual:
            entries.append(self._ritual(plan, groups[-1], events))
        entries.sort(key=lambda e: e.created_at)
        return entries if quota is None else entries[: max(0, quota)]

    def _themes_by_note(self, plan: Day, times: list[int], ritual: bool) -> list[list[str]]:
        """Share the day's themes among its notes (and the ritual's unload, last) so each reads
        right for its hour: a workday morning note is about the night and the day ahead only."""
        rng, n_mood = self.rng, len(times)
        later = [i for i, t in enumerate(times) if not (plan.workday and t < _MORNING_END)]
        anywhere = later + ([n_mood] if ritual else [])
        groups: list[list[str]] = [[] for _ in range(n_mood + ritual)]
        themes = plan.stressors + plan.symptoms + plan.care
        if plan.rough and "crisis" in plan.stressors:
            themes.append("crisis")  # that week the crisis comes up more than once a day
        for theme in themes:
            if theme in _MORNING and n_mood:
                groups[0].append(theme)
            elif theme in _EVENING and later:
                groups[later[-1]].append(theme)
            elif theme in plan.care:  # the ritual's good thing draws on the day's care itself
                if later:
                    groups[rng.choice(later)].append(theme)
            elif anywhere:
                groups[rng.choice(anywhere)].append(theme)
        for i in later:
            if not groups[i] and rng.random() < 0.8:
                pool = _BACKGROUND_GOOD if plan.mood >= 3.5 else _BACKGROUND_HARD
                groups[i] += rng.sample(pool, rng.choice((1, 2, 2)))
        return groups

    # -- timing ---------------------------------------------------------------------------------
    def _at(self, day: date, minute: int) -> datetime:
        if day == self.now.date():
            latest = self.now.hour * 60 + self.now.minute
            if minute > latest:
                minute = max(0, latest - self.rng.randint(1, 90))
        return self.localise(datetime.combine(day, time(minute // 60, minute % 60)))

    def _not_yet(self, day: date, text: str) -> bool:
        """Whether `text`, on `day`, names a time of day that has not come yet (today only)."""
        minute = self.now.hour * 60 + self.now.minute
        return day == self.now.date() and earliest_minute(text, clock_times=False) > minute

    def _mood_times(self, workday: bool, n: int) -> list[int]:
        rng = self.rng
        if workday and n <= len(_WORK_SLOTS):
            # A single note of the day is rarely the morning one.
            slots = sorted(rng.sample(range(len(_WORK_SLOTS)) if n > 1 else range(1, 4), n))
            return [rng.randint(*_WORK_SLOTS[s]) for s in slots]
        return sorted(rng.randint(420 if workday else 540, 1370) for _ in range(n))

    # -- entries ---------------------------------------------------------------------------------
    def _caseload_night(self, day: date) -> bool:
        """Lately, when the caseload weighs on a note, it costs a night's sleep too (a planted
        pattern: `sleep tag:caseload since:last month` always finds it). No random draw, so the rest
        of the demo stays as it was."""
        return 0 <= (self.now.date() - day).days < CASELOAD_NIGHTS_DAYS

    def _mood(self, plan: Day, minute: int, themes: list[str], morning: bool) -> Entry:
        lift = _NOTE_LIFT if "supervision" in themes else 0.0  # written just after it helped
        mood = _clamp(plan.mood + lift + self.rng.gauss(0, 0.45))
        text = self.compose.mood_text(mood, themes, morning=morning)
        if "caseload" in themes and self._caseload_night(plan.day):
            text += " " + _CASELOAD_NIGHTS[plan.day.toordinal() % len(_CASELOAD_NIGHTS)]
        return Entry(
            kind=Kind.MOOD,
            created_at=self._at(plan.day, fit_minute(minute, text)),  # no "quiet evening" at 08:15
            text=text,
            mood=mood,
            energy=self._energy(mood, themes),
        )

    def _energy(self, mood: int, themes: list[str]) -> int:
        tired = 0.9 if _TIRED.intersection(themes) else 0.0
        return _clamp(mood + self.rng.gauss(0, 0.8) - tired)

    def _boundary_events(self, plan: Day) -> list[tuple[str, Outcome]]:
        rng, out = self.rng, []
        crossed, bent, held = Outcome.CROSSED, Outcome.BENT, Outcome.HELD
        if "after-hours" in plan.stressors and rng.random() < 0.9:
            out.append(("after-hours-contact", crossed if rng.random() < 0.5 + 0.45 * plan.creep else bent))
        if "overtime" in plan.stressors and rng.random() < 0.7:
            out.append(("overtime", crossed if rng.random() < 0.7 else bent))
        if "skipped-break" in plan.stressors and rng.random() < 0.5:
            out.append(("skipped-break", crossed if rng.random() < 0.6 else bent))
        if "staffing" in plan.stressors and rng.random() < 0.4:
            out.append(("extra-responsibility", rng.choices((crossed, bent, held), (4, 3.5, 2.5))[0]))
        if plan.workday and rng.random() < 0.3:
            kind = rng.choices(_HELD_KINDS, _HELD_WEIGHTS)[0]
            out.append((kind, held if rng.random() < 0.8 else bent))
        if plan.workday and rng.random() < 0.04:
            out.append(("over-involvement", rng.choice((bent, crossed))))
        if plan.leave and rng.random() < 0.3:
            out.append(("checking-email-on-leave", rng.choice((held, bent, crossed))))
        return out

    def _boundary(self, plan: Day, kind: str, outcome: Outcome) -> Entry:
        rng = self.rng
        if kind in ("after-hours-contact", "checking-email-on-leave"):
            minute = rng.randint(1200, 1400)
        elif kind == "overtime":
            minute = rng.randint(1010, 1060) if outcome is Outcome.HELD else rng.randint(1110, 1230)
        elif kind == "skipped-break":
            minute = rng.randint(800, 900)
        else:
            minute = rng.randint(570, 990)
        low, high = {Outcome.HELD: (1, 2), Outcome.BENT: (2, 3), Outcome.CROSSED: (3, 5)}[outcome]
        text = self.compose.boundary_note(kind, outcome.value)
        return Entry(
            kind=Kind.BOUNDARY,
            created_at=self._at(plan.day, fit_minute(minute, text)),
            text=text,
            boundary=kind,
            outcome=outcome,
            cost=rng.randint(low, high),
        )

    def _ritual_chance(self, plan: Day) -> float:
        if plan.rough:
            return 0.8
        if plan.workday:
            return 0.62 - 0.2 * plan.creep
        return 0.4 if plan.on_call else 0.03

    def _ritual(self, plan: Day, themes: list[str], events: list[tuple[str, Outcome]]) -> Entry:
        rng = self.rng
        mood = _clamp(plan.mood + rng.gauss(0, 0.4))
        late = "overtime" in plan.stressors
        minute = rng.randint(1150, 1230) if late else rng.randint(1025, 1130)
        return ritual_entry(
            rng,
            self.compose,
            plan,
            closed=self._at(plan.day, minute),
            mood=mood,
            energy=self._energy(mood, themes),
            themes=themes,
            events=events,
        )


def _clamp(value: float) -> int:
    return max(1, min(5, round(value)))
