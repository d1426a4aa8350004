"""The journal's domain objects.

Plain dataclasses with no knowledge of SQLite or Textual, so the tagger, the insights and every front
end can share them. The storage layer converts rows to and from these; nobody else sees a row.

Here are the ones opening and listing a journal need; the rest live in `models_tagging` and
`models_results` and are re-exported from here, loaded on first use: creating a dataclass costs
about half a millisecond, and `journal search` starts in a few tens of milliseconds
(tests/cli/test_lazy_commands.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journal.domain.models_results import DayMood as DayMood
    from journal.domain.models_results import ImportCount as ImportCount
    from journal.domain.models_results import ParkedItem as ParkedItem
    from journal.domain.models_results import RetagSummary as RetagSummary
    from journal.domain.models_results import TagStat as TagStat
    from journal.domain.models_tagging import TagHit as TagHit
    from journal.domain.models_tagging import UserKeyword as UserKeyword

#: The models kept in other modules, by name, and the module that holds each.
_ELSEWHERE = {
    **dict.fromkeys(("TagHit", "UserKeyword"), "journal.domain.models_tagging"),
    **dict.fromkeys(
        ("DayMood", "ImportCount", "ParkedItem", "RetagSummary", "TagStat"), "journal.domain.models_results"
    ),
}


def __getattr__(name: str) -> Any:
    """`TagHit`, `TagStat`... from the module that holds them, on first use (PEP 562)."""
    module = _ELSEWHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


class Kind(StrEnum):
    """What an entry is: a mood journal entry, a boundary event or a closed ritual."""

    MOOD = "mood"
    BOUNDARY = "boundary"
    RITUAL = "ritual"


class Outcome(StrEnum):
    """How a boundary fared."""

    HELD = "held"
    BENT = "bent"
    CROSSED = "crossed"


class Source(StrEnum):
    """Where a tag on an entry came from."""

    AUTO = "auto"
    MANUAL = "manual"


class Category(StrEnum):
    """The four families of tags: symptoms and stressors (what weighs), care (what helps, such as
    supervision or exercise) and personal (the writer's own names: `#hashtags`, tags added by hand)."""

    SYMPTOM = "symptom"
    STRESSOR = "stressor"
    CARE = "care"
    PERSONAL = "personal"


#: The built-in boundary kinds, slug -> label. Users may add their own (stored in the journal).
BOUNDARY_KINDS: dict[str, str] = {
    "after-hours-contact": "After-hours contact",
    "overtime": "Overtime",
    "skipped-break": "Skipped break",
    "extra-responsibility": "Extra responsibility",
    "personal-contact-details": "Personal contact details",
    "over-involvement": "Over-involvement",
}

#: Words for the 1-5 scales, so a score is never shown as a number or a colour alone.
MOOD_WORDS: dict[int, str] = {1: "awful", 2: "low", 3: "okay", 4: "good", 5: "great"}
ENERGY_WORDS: dict[int, str] = {1: "empty", 2: "low", 3: "steady", 4: "lively", 5: "full"}
COST_WORDS: dict[int, str] = {1: "hardly", 2: "a little", 3: "some", 4: "a lot", 5: "heavy"}


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `text[start:end]` of an entry that triggered a tag."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TagDef:
    """A tag the journal knows: built in, made by the user, or a `#hashtag`."""

    name: str
    category: Category
    group: str | None = None
    description: str = ""


@dataclass(slots=True)
class EntryTag:
    """A tag attached to an entry.

    `rejected` auto tags are kept (not deleted) so that re-tagging an edited entry does not bring
    them back; they are hidden from every listing and count.
    """

    name: str
    category: Category
    group: str | None = None
    source: Source = Source.AUTO
    spans: tuple[Span, ...] = ()
    rejected: bool = False


@dataclass(slots=True)
class Entry:
    """One journal entry of any kind.

    `created_at` is always timezone-aware and carries the local offset at the moment of writing, so
    "which local day" is answerable forever, even after the user moves time zone.
    """

    kind: Kind
    created_at: datetime
    text: str = ""
    mood: int | None = None
    energy: int | None = None
    # boundary entries
    boundary: str | None = None
    outcome: Outcome | None = None
    cost: int | None = None
    # ritual entries: the step answers and duration, as JSON-able data
    ritual: dict[str, Any] | None = None
    tags: list[EntryTag] = field(default_factory=list)
    id: int | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    #: a highlighted excerpt, filled in by full-text search only
    snippet: str | None = None
    #: starred "bring to supervision": the brief quotes these entries, and no others
    starred: bool = False

    @property
    def visible_tags(self) -> list[EntryTag]:
        """Tags to show and count: everything but rejected auto tags."""
        return [t for t in self.tags if not t.rejected]

    @property
    def local_day(self) -> date:
        return self.created_at.date()


@dataclass(frozen=True, slots=True)
class EntryQuery:
    """Filters for listing and searching entries; every field composes with the others.

    `since` is inclusive and `until` exclusive, both aware datetimes (journal.domain.when turns
    "--until 2026-11" into the first moment of December). `text` is an FTS5 query: words,
    "phrases", prefix*. Paging is by `limit`/`offset`.
    """

    text: str | None = None
    tags: tuple[str, ...] = ()
    kind: Kind | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int | None = 50
    offset: int = 0
    #: list the trash instead of live entries
    deleted: bool = False
    #: True: only starred entries; False: only unstarred ones; None: either
    starred: bool | None = None
