"""What the storage layer offers, grouped by what callers do with it: one Protocol per group.

`Store` (journal/storage/store.py) is one object built from mixins, one per SQL concern; read from
the outside, its methods fall into the groups below. The use-cases (journal.usecases) ask for the
group they need rather than the whole Store, so a reader sees at a glance what each one touches, and
a test may hand in a small fake. tests/storage/test_face.py holds the Store to this page: every
public name of the Store is in exactly one group, with the same signature.

Everything here is blocking (SQLite): the UI calls it from thread workers only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from journal.domain.boundaries import DayCount
    from journal.domain.brief import CostRow, MoodOverview
    from journal.domain.early_notice import WindowCounts
    from journal.domain.models import (
        DayMood,
        Entry,
        EntryQuery,
        ImportCount,
        ParkedItem,
        RetagSummary,
        TagDef,
        TagHit,
        TagStat,
        UserKeyword,
    )
    from journal.domain.patterns import MoodWeek, TagPair, TagWeek, TagWeekday
    from journal.domain.tagging.personal import Adjusted, Decision
    from journal.storage.retag import Progress

__all__ = [
    "BoundaryKinds",
    "BriefReads",
    "EntryWrites",
    "Figures",
    "Importing",
    "InsightsReads",
    "JournalFile",
    "Listing",
    "Retagging",
    "RitualStore",
    "RitualWrites",
    "Settings",
    "Tagging",
]


class EntryWrites(Protocol):
    """Saving entries and what happens to them afterwards: star, trash, restore, purge, tag decisions."""

    def save(self, entry: Entry) -> Entry: ...
    def save_many(self, entries: Iterable[Entry], *, tag: bool = True, keep_ids: bool = False) -> int: ...
    def get(self, entry_id: int) -> Entry | None: ...
    def set_starred(self, entry_id: int, starred: bool = True) -> Entry: ...
    def reject_tag(self, entry_id: int, name: str) -> None: ...
    def unreject_tag(self, entry_id: int, name: str) -> None: ...
    def delete(self, entry_id: int) -> None: ...
    def restore(self, entry_id: int) -> None: ...
    def purge(self, entry_id: int) -> None: ...


class Listing(Protocol):
    """Finding entries again: search (a page), listing (a stream, for printing many) and count by a
    query, the calendar's days, parked lines."""

    def search(self, query: EntryQuery) -> list[Entry]: ...
    def listing(self, query: EntryQuery) -> Iterator[Entry]: ...
    def count(self, query: EntryQuery) -> int: ...
    def day_moods(self, start: date, end: date) -> dict[date, DayMood]: ...
    def on_this_day(self, day: date, limit: int = 30) -> list[Entry]: ...
    def search_parked(self, text: str, *, limit: int = 50) -> list[ParkedItem]: ...


class Tagging(Protocol):
    """The tags the journal knows and how it tags text: catalogue, keywords, what it learned."""

    def tag_catalogue(self) -> list[TagDef]: ...
    def tag_text(self, text: str) -> list[TagHit]: ...
    def explain_text(self, text: str) -> Adjusted: ...
    def add_keyword(self, keyword: UserKeyword) -> None: ...
    def keywords(self) -> list[UserKeyword]: ...
    def personal_decisions(self, text: str) -> list[Decision]: ...
    def personal_counts(self) -> dict[str, int]: ...
    def reset_personal(self) -> int: ...


class Retagging(Protocol):
    """Tagging the whole journal again after the tagger changed, and the offer to do so."""

    def retag(
        self, since: datetime | None = None, *, dry_run: bool = False, progress: Progress | None = None
    ) -> RetagSummary: ...
    def retag_offer_due(self) -> bool: ...
    def decline_retag(self) -> None: ...


class Figures(Protocol):
    """Grouped counts over a period, for Insights, `journal stressors` and the early notice."""

    def tag_stats(self, since: datetime, until: datetime, *, categories: Sequence[str] = ()) -> list[TagStat]: ...
    def tag_weeks(self, since: datetime, until: datetime, *, tags: Sequence[str] | None = None) -> list[TagWeek]: ...
    def tag_weekdays(
        self, since: datetime, until: datetime, *, tags: Sequence[str] | None = None
    ) -> list[TagWeekday]: ...
    def tag_pairs(self, since: datetime, until: datetime) -> list[TagPair]: ...
    def entry_count(self, since: datetime, until: datetime) -> int: ...
    def mood_weeks(self, since: datetime, until: datetime) -> list[MoodWeek]: ...
    def tag_windows(
        self, since: datetime, middle: datetime, until: datetime, *, tags: Sequence[str] | None = None
    ) -> tuple[list[WindowCounts], tuple[int, int]]: ...


class BriefReads(Protocol):
    """The supervision brief's own figures (the rest of the brief reads through Figures and Listing)."""

    def days_written(self, since: datetime, until: datetime) -> tuple[int, int]: ...
    def mood_overview(self, since: datetime, until: datetime) -> MoodOverview: ...
    def boundary_costs(self, since: datetime, until: datetime) -> list[CostRow]: ...
    def boundary_day_counts(self, since: datetime, until: datetime) -> list[DayCount]: ...


class BoundaryKinds(Protocol):
    """The kinds of boundary a person logs against: built in and their own, with the tag each carries."""

    def boundary_kinds(self) -> dict[str, str]: ...
    def boundary_kind_tags(self) -> dict[str, str | None]: ...
    def boundary_tag_hit(self, kind: str, outcome: str | None) -> TagHit | None: ...
    def add_boundary_kind(self, slug: str, label: str, tag: str | None = None) -> None: ...
    def remove_boundary_kind(self, slug: str) -> None: ...


class Settings(Protocol):
    """Small JSON values kept in the journal: settings, and drafts that survive a crash."""

    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...
    def save_draft(self, key: str, data: dict[str, Any]) -> None: ...
    def load_draft(self, key: str) -> dict[str, Any] | None: ...
    def clear_draft(self, key: str) -> None: ...


class RitualStore(Protocol):
    """The ritual in progress (kept at every answer) and the lines parked for tomorrow."""

    def ritual_state(self) -> dict[str, Any] | None: ...
    def save_ritual_state(self, state: dict[str, Any]) -> None: ...
    def clear_ritual_state(self) -> None: ...
    def park(self, text: str, *, ritual_entry_id: int | None = None, now: datetime | None = None) -> ParkedItem: ...
    def parked(self, *, status: str | None = "open") -> list[ParkedItem]: ...
    def set_parked_status(self, item_id: int, status: str) -> None: ...


class Importing(Protocol):
    """Bringing in entries from a file, once only however often the file is imported."""

    def import_entries(
        self, entries: Iterable[Entry], *, tag: bool, keep_ids: bool = False, dry_run: bool = False
    ) -> ImportCount: ...
    def ids_in_use(self, ids: Iterable[int]) -> bool: ...


class JournalFile(Protocol):
    """The file itself: where it is, whether it can be written, its health, a backup, closing it."""

    path: Path
    read_only: bool
    notices: list[str]
    write_budget: float

    @property
    def encrypted(self) -> bool: ...
    def backup(self, dest: str | Path | None = None) -> Path: ...
    def close(self) -> None: ...


#: Every group, in the order above (the face test walks them).
GROUPS: tuple[type, ...] = (
    EntryWrites,
    Listing,
    Tagging,
    Retagging,
    Figures,
    BriefReads,
    BoundaryKinds,
    Settings,
    RitualStore,
    Importing,
    JournalFile,
)


class InsightsReads(Figures, Settings, Protocol):
    """What gathering Insights reads: the figures, and the setting that remembers a dismissed notice."""


class RitualWrites(EntryWrites, Listing, Tagging, RitualStore, Protocol):
    """What closing a ritual touches: it saves entries (tagged with the catalogue), finds its own
    entry again if an earlier closing got that far, parks lines and clears the ritual."""
