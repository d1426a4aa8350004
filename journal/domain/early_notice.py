"""The early notice: when signs of compassion fatigue or burnout come up clearly more than usual.

Compared with the person's *own* usual, never with a norm: some people write "tired" every day, and
that is their baseline, not an alarm. The rule, deliberately conservative:

* Watched tags: the symptoms most linked with compassion fatigue and burnout (WATCHED).
* Recent window: the last RECENT_DAYS (14) local days, today included. Baseline: the BASELINE_DAYS
  (56, eight weeks) just before it.
* Measured in *days* a tag came up on, not entries, so five worried notes on one bad evening count
  once. Rates are per day the person wrote anything, so writing more often is not mistaken for
  feeling worse.
* A tag has risen when it came up on at least MIN_RECENT_DAYS (4) of the recent days, and either it
  never came up in the baseline ("new") or its recent rate is at least RISE_FACTOR (1.75) times its
  baseline rate.
* No notice at all until the baseline holds at least MIN_BASELINE_DAYS (10) days with entries: a new
  user has no "usual" yet.

Dismissing the notice hides it for RECENT_DAYS, unless a tag that was not in it rises meanwhile.
It names what rose and offers ideas; it never names a condition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = [
    "BASELINE_DAYS",
    "RECENT_DAYS",
    "WATCHED",
    "EarlyNotice",
    "Rise",
    "WindowCounts",
    "dismissal_record",
    "early_notice",
    "is_dismissed",
    "windows",
]

#: The notice's own words, wherever it shows (Insights, after the ritual, the supervision brief).
HELPS = (
    "Things that tend to help: protecting your boundaries (finishing on time, not answering after "
    "hours), bringing it to supervision, talking with a colleague you trust, real rest, and time for "
    "the parts of your life that have nothing to do with work."
)
NOT_A_DIAGNOSIS = "This is only a pattern in what you wrote, not a diagnosis."
FIGURES_INTRO = "Days each came up in the last two weeks, against what is usual for you: "

RECENT_DAYS = 14
BASELINE_DAYS = 56
MIN_RECENT_DAYS = 4
RISE_FACTOR = 1.75
MIN_BASELINE_DAYS = 10

#: The watched symptoms, slug -> how the notice names them (plain words, no clinical labels).
WATCHED: dict[str, str] = {
    "emotional-exhaustion": "exhaustion",
    "sleep": "sleep trouble",
    "fatigue": "tiredness",
    "numbness": "feeling numb",
    "reduced-empathy": "having less empathy",
    "intrusive-thoughts": "intrusive thoughts",
    "irritability": "irritability",
    "withdrawal": "pulling away from people",
    "low-motivation": "low motivation",
    "overwhelm": "feeling overwhelmed",
}


@dataclass(frozen=True, slots=True)
class WindowCounts:
    """A tag's days (distinct local days) and entries in two adjacent windows: before and recent."""

    tag: str
    before_days: int
    before_entries: int
    recent_days: int
    recent_entries: int


def usual_words(usual: float) -> str:
    """How many days to expect, said plainly: 'none before', 'less than 1', 'about 3'."""
    if usual <= 0:
        return "none before"
    return "less than 1" if usual < 0.5 else f"about {round(usual)}"


@dataclass(frozen=True, slots=True)
class Rise:
    """One watched tag that rose: on `recent_days` days lately, against `usual` days expected."""

    tag: str
    recent_days: int
    recent_entries: int
    usual: float

    @property
    def label(self) -> str:
        return WATCHED.get(self.tag, self.tag)

    @property
    def figures(self) -> str:
        """'9 days vs about 3' — the numbers behind the notice."""
        return f"{self.recent_days} days vs {usual_words(self.usual)}"


@dataclass(frozen=True, slots=True)
class EarlyNotice:
    """What rose, biggest rise first."""

    rises: tuple[Rise, ...]

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(r.tag for r in self.rises)

    def headline(self, *, figures: bool = True) -> str:
        """'Exhaustion and sleep trouble have come up more in the last two weeks than usual for you
        (9 vs about 3).' Figures of the first tag in the sentence, all of them in `details()`;
        without `figures` (where `details()` is shown beside it), the sentence alone."""
        labels = [r.label for r in self.rises]
        if len(labels) > 3:
            labels = [*labels[:2], f"{len(labels) - 2} more signs"]
        named = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        verb = "has" if len(self.rises) == 1 else "have"
        first = self.rises[0]
        said = f"{named[0].upper()}{named[1:]} {verb} come up more in the last two weeks than usual for you"
        return f"{said} ({first.recent_days} vs {usual_words(first.usual)})." if figures else f"{said}."

    def details(self) -> list[str]:
        return [f"{r.label}: {r.figures}" for r in self.rises]


def windows(today: date) -> tuple[date, date, date]:
    """(baseline start, recent start, end): local days; end is the day after `today`."""
    recent = today - timedelta(days=RECENT_DAYS - 1)
    return recent - timedelta(days=BASELINE_DAYS), recent, today + timedelta(days=1)


def early_notice(counts: Iterable[WindowCounts], active_days: tuple[int, int]) -> EarlyNotice | None:
    """The notice for these window counts, or None when nothing rose clearly (see the module rule).

    `active_days` is (days with any entry in the baseline, days with any entry in the recent window).
    """
    before_active, recent_active = active_days
    if before_active < MIN_BASELINE_DAYS or recent_active <= 0:
        return None
    rises: list[Rise] = []
    for c in counts:
        if c.tag not in WATCHED or c.recent_days < MIN_RECENT_DAYS:
            continue
        usual = c.before_days / before_active * recent_active
        if c.before_days == 0 or c.recent_days >= RISE_FACTOR * usual:
            rises.append(Rise(c.tag, c.recent_days, c.recent_entries, usual))
    if not rises:
        return None
    rises.sort(key=lambda r: (-(r.recent_days - r.usual), r.tag))
    return EarlyNotice(tuple(rises))


def dismissal_record(notice: EarlyNotice, today: date) -> dict[str, Any]:
    """What to remember (as a setting) when the person dismisses the notice."""
    return {"until": (today + timedelta(days=RECENT_DAYS)).isoformat(), "tags": sorted(notice.tags)}


def is_dismissed(record: Mapping[str, Any] | None, notice: EarlyNotice, today: date) -> bool:
    """Whether an earlier dismissal still covers this notice: within its window, and nothing new rose.

    A damaged or unreadable record counts as no dismissal (the notice simply shows again).
    """
    if not isinstance(record, Mapping):
        return False
    try:
        until = date.fromisoformat(str(record["until"]))
        dismissed: Sequence[str] = [str(t) for t in record["tags"]]
    except (KeyError, TypeError, ValueError):
        return False
    return today < until and set(notice.tags) <= set(dismissed)
