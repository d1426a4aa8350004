"""Answers other than entries: parked loops, tag statistics, a calendar day, what an import or a
re-tag did.

Apart from `journal.domain.models` (which re-exports them all), so a command creates only the
classes of the answers it gives (a dataclass costs about half a millisecond to create).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from journal.domain.models import Category


@dataclass(frozen=True, slots=True)
class ParkedItem:
    """An open loop left at work by the ritual's "Park it" step."""

    id: int
    text: str
    created_at: datetime
    status: str = "open"  # open | done | dropped
    ritual_entry_id: int | None = None
    resolved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class TagStat:
    """How one tag behaved over a period (the insights core; computed by SQL in storage)."""

    name: str
    category: Category
    group: str | None
    count: int
    days: int
    mood_with: float | None
    mood_without: float | None
    previous_count: int
    trend: str  # see journal.domain.insights.trend_of
    #: how many of `count` carried a mood (mood entries and rituals: the sample behind `mood_with`)
    mood_entries: int = 0


@dataclass(frozen=True)
class DayMood:
    """One calendar day: mean mood of its entries that have one (None when none do), how many live
    entries it has, and whether a ritual closed the shift."""

    mean: float | None
    count: int
    ritual_closed: bool


@dataclass(frozen=True, slots=True)
class ImportCount:
    """What an import did (or, for a dry run, would do)."""

    imported: int = 0
    #: already in the journal before this import
    already: int = 0
    #: the same entry more than once in the file itself
    repeated: int = 0


@dataclass
class RetagSummary:
    """What a re-tag changed (or, in a dry run, would change)."""

    entries: int = 0
    changed: int = 0
    added: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
