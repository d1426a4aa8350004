"""Converting between rows and domain models, and between datetimes and stored text.

Times are stored as fixed-width UTC text ('2026-11-20T18:42:00.000000Z') so that string order is
time order and the indexes work, plus the writer's UTC offset in minutes so an entry's local time and
local day are rebuilt exactly as they were, whatever time zone the reader is in later.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from journal.domain.models import (
    Category,
    Entry,
    EntryTag,
    Kind,
    Outcome,
    Source,
    Span,
)
from journal.domain.years import RANGE_SENTENCE, is_supported
from journal.storage.errors import StoreError

if TYPE_CHECKING:
    from journal.domain.models import ParkedItem

UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

#: Columns of `entries` in the order ENTRY_COLUMNS / entry_params use.
ENTRY_COLUMNS = (
    "kind",
    "created_utc",
    "utc_offset_min",
    "local_day",
    "text",
    "mood",
    "energy",
    "boundary",
    "outcome",
    "cost",
    "ritual_json",
    "updated_utc",
    "deleted_utc",
)
#: `starred` is read with every entry but never written by save(): only star()/unstar() change it, so
#: editing an entry (or saving one built afresh from a form) can never drop its star.
#: a new entry's row, its id first (None lets SQLite choose)
INSERT_ENTRY = "INSERT INTO entries (id, {cols}) VALUES (?, {marks})".format(
    cols=", ".join(ENTRY_COLUMNS), marks=", ".join("?" * len(ENTRY_COLUMNS))
)
ENTRY_SELECT = "e.id, " + ", ".join(f"e.{c}" for c in ENTRY_COLUMNS) + ", e.starred"

# Plain lookups: calling an Enum costs ~10x more, and a listed page converts hundreds of these. An
# unknown value still falls through to the Enum call, so it raises the same ValueError as ever.
_KINDS = {k.value: k for k in Kind}
_OUTCOMES = {o.value: o for o in Outcome}
_CATEGORIES = {c.value: c for c in Category}
_SOURCES = {s.value: s for s in Source}


def aware(moment: datetime) -> datetime:
    """Naive datetimes are taken as local time (what a person typed)."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def utc_text(moment: datetime) -> str:
    """`moment` (aware, UTC) in the stored form, the year always four digits.

    Not strftime: on glibc its %Y writes year 999 as "999", which sorts after "2026" and which
    fromisoformat cannot read back."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:"
        f"{moment.second:02d}.{moment.microsecond:06d}Z"
    )


def to_utc_text(moment: datetime) -> str:
    return utc_text(aware(moment).astimezone(UTC))


def pad_year(text: str) -> str:
    """A stored time written with a short year ("999-12-31T...") as it should have been ("0999-...")."""
    dash = text.find("-")
    return "0" * (4 - dash) + text if 1 <= dash < 4 else text


def from_utc_text(text: str, offset_min: int = 0) -> datetime:
    # fromisoformat reads our fixed 'Z' form ~15x faster than strptime; it runs for every listed entry.
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        # A row written before the zero-padding fix and not yet repaired by the migration.
        moment = datetime.fromisoformat(pad_year(text))
    if offset_min:
        return moment.astimezone(_zone(offset_min))
    return moment


@lru_cache(maxsize=256)
def _zone(offset_min: int) -> timezone:
    return timezone(timedelta(minutes=offset_min))


def maybe_time(text: str | None) -> datetime | None:
    return from_utc_text(text) if text else None


def offset_minutes(moment: datetime) -> int:
    delta = aware(moment).utcoffset() or timedelta(0)
    return int(delta.total_seconds() // 60)


def now_text() -> str:
    return utc_text(datetime.now(UTC))


def entry_params(entry: Entry) -> tuple[Any, ...]:
    """The `entries` column values for `entry`, in ENTRY_COLUMNS order.

    An entry dated outside the years a journal holds is refused here, the one door every save,
    import and the app go through (StoreError, one sentence; nothing of the batch is saved)."""
    created = aware(entry.created_at)
    if not is_supported(created):
        raise StoreError(
            f"An entry dated {created.date().isoformat()} cannot be saved; {RANGE_SENTENCE}. Nothing was saved."
        )
    return (
        str(Kind(entry.kind)),
        to_utc_text(created),
        offset_minutes(created),
        created.date().isoformat(),
        entry.text or "",
        entry.mood,
        entry.energy,
        entry.boundary,
        str(Outcome(entry.outcome)) if entry.outcome is not None else None,
        entry.cost,
        json.dumps(entry.ritual, ensure_ascii=False) if entry.ritual is not None else None,
        to_utc_text(entry.updated_at) if entry.updated_at else None,
        to_utc_text(entry.deleted_at) if entry.deleted_at else None,
    )


def row_to_entry(row: sqlite3.Row | tuple[Any, ...], tags: list[EntryTag] | None = None) -> Entry:
    """An Entry from a row selected with ENTRY_SELECT (id first, then ENTRY_COLUMNS, then starred)."""
    values = tuple(row)
    (eid, kind, created, offset, _day, text, mood, energy, boundary, outcome, cost, ritual, updated, deleted) = values[
        :14
    ]
    return Entry(
        id=eid,
        kind=_KINDS.get(kind) or Kind(kind),
        created_at=from_utc_text(created, offset),
        text=text,
        mood=mood,
        energy=energy,
        boundary=boundary,
        outcome=(_OUTCOMES.get(outcome) or Outcome(outcome)) if outcome else None,
        cost=cost,
        ritual=json.loads(ritual) if ritual else None,
        tags=tags if tags is not None else [],
        updated_at=maybe_time(updated),
        deleted_at=maybe_time(deleted),
        starred=bool(values[14]) if len(values) > 14 else False,
    )


def spans_to_json(spans: Iterable[Span]) -> str | None:
    items = [[s.start, s.end, s.text] for s in spans]
    return json.dumps(items, ensure_ascii=False) if items else None


def spans_from_json(text: str | None) -> tuple[Span, ...]:
    if not text:
        return ()
    return spans_from_list(json.loads(text))


def spans_from_list(items: Iterable[Sequence[Any]]) -> tuple[Span, ...]:
    return tuple(Span(int(a), int(b), str(t)) for a, b, t in items)


def row_to_tag(row: Mapping[str, Any] | tuple[Any, ...], decoded_spans: list[Any] | None = None) -> EntryTag:
    """An EntryTag from (name, category, grp, source, spans_json, rejected).

    `decoded_spans` is the spans column already parsed, for callers that decode a page at once."""
    name, category, grp, source, spans, rejected = tuple(row)[:6]
    return EntryTag(
        name=name,
        category=_CATEGORIES.get(category) or Category(category),
        group=grp,
        source=_SOURCES.get(source) or Source(source),
        spans=spans_from_list(decoded_spans) if decoded_spans is not None else spans_from_json(spans),
        rejected=bool(rejected),
    )


def row_to_parked(row: tuple[Any, ...]) -> ParkedItem:
    """A ParkedItem from (id, text, created_utc, utc_offset_min, status, ritual_entry_id, resolved_utc)."""
    from journal.domain.models import ParkedItem

    pid, text, created, offset, status, ritual_id, resolved = tuple(row)[:7]
    return ParkedItem(
        id=pid,
        text=text,
        created_at=from_utc_text(created, offset),
        status=status,
        ritual_entry_id=ritual_id,
        resolved_at=maybe_time(resolved),
    )
