"""Deciding which tag rows an entry gets when it is saved, and loading tags for a page of entries.

The rules (see Store.save): auto tags come from the tagger; manual tags are the person's and are kept;
an auto tag rejected once stays rejected for that entry on every later edit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journal.domain.models import EntryTag, Source
from journal.domain.tags import tag_slug
from journal.storage.errors import StoreError
from journal.storage.rows import row_to_tag, spans_to_json

if TYPE_CHECKING:  # a Protocol is slow to create, and only type checking reads this one
    from typing import Protocol

    from journal.domain.models import TagHit

    class Tagged(Protocol):
        """What plan_tags reads of an entry: the tags the writer decided on (an Entry, or retagging's stand-in)."""

        @property
        def tags(self) -> Sequence[EntryTag]: ...


#: (entry_id, tag, source, spans_json, rejected)
TagRow = tuple[int, str, str, str | None, int]
#: (name, category, grp, origin)
TagDefRow = tuple[str, str, str | None, str]

INSERT_TAG_DEF = "INSERT OR IGNORE INTO tags (name, category, grp, origin) VALUES (?, ?, ?, ?)"
INSERT_ENTRY_TAG = "INSERT INTO entry_tags (entry_id, tag, source, spans_json, rejected) VALUES (?, ?, ?, ?, ?)"


def normalise_tag_name(name: str) -> str:
    """'#Night-Shift ' -> 'night-shift': how people type tags vs how they are stored (the app's one
    slug rule, `journal.domain.tags.tag_slug`)."""
    cleaned = tag_slug(name)
    if not cleaned:
        raise StoreError("A tag needs a name made of letters or numbers.")
    return cleaned


@dataclass
class TagPlan:
    """Rows to write for a batch of entries."""

    defs: list[TagDefRow] = field(default_factory=list)
    rows: list[TagRow] = field(default_factory=list)


def plan_tags(
    plan: TagPlan,
    entry_id: int,
    entry: Tagged,
    hits: Sequence[TagHit] | None,
    prior_rejected: Iterable[str],
    builtin: set[str],
) -> None:
    """Add to `plan` the tag rows of one entry.

    `hits` None means "store entry.tags exactly as given" (imports that must round-trip).
    """
    if hits is None:
        kept: set[str] = set()
        for t in entry.tags:
            name = normalise_tag_name(t.name)
            if name in kept:
                continue
            kept.add(name)
            plan.defs.append((name, str(t.category), t.group, _origin(name, builtin)))
            plan.rows.append((entry_id, name, str(t.source), spans_to_json(t.spans), int(t.rejected)))
        return
    given_rejected = {t.name for t in entry.tags if t.rejected}
    given_accepted = {t.name for t in entry.tags if not t.rejected}
    rejected = given_rejected | (set(prior_rejected) - given_accepted)
    manual = {normalise_tag_name(t.name): t for t in entry.tags if t.source == Source.MANUAL and not t.rejected}
    seen: set[str] = set()
    for hit in hits:
        if hit.name in seen:
            continue
        seen.add(hit.name)
        plan.defs.append((hit.name, str(hit.category), hit.group, _origin(hit.name, builtin)))
        source = Source.MANUAL if hit.name in manual else Source.AUTO
        is_rejected = int(hit.name in rejected and source == Source.AUTO)
        plan.rows.append((entry_id, hit.name, str(source), spans_to_json(hit.spans), is_rejected))
    for name, tag in manual.items():
        if name not in seen:
            seen.add(name)
            plan.defs.append((name, str(tag.category), tag.group, _origin(name, builtin)))
            plan.rows.append((entry_id, name, str(Source.MANUAL), None, 0))
    for t in entry.tags:  # rejected tags the tagger no longer finds: keep the refusal on record
        if t.rejected and t.name not in seen:
            seen.add(t.name)
            plan.defs.append((t.name, str(t.category), t.group, _origin(t.name, builtin)))
            plan.rows.append((entry_id, t.name, str(Source.AUTO), None, 1))
    plan.rows.extend(
        (entry_id, name, str(Source.AUTO), None, 1) for name in sorted(set(prior_rejected) - seen - given_accepted)
    )


def _origin(name: str, builtin: set[str]) -> str:
    return "builtin" if name in builtin else "personal"


def write_plan(conn: sqlite3.Connection, plan: TagPlan) -> None:
    if plan.defs:
        conn.executemany(INSERT_TAG_DEF, plan.defs)
    if plan.rows:
        conn.executemany(INSERT_ENTRY_TAG, plan.rows)


_CATEGORY_ORDER = "CASE t.category WHEN 'symptom' THEN 0 WHEN 'stressor' THEN 1 WHEN 'care' THEN 2 ELSE 3 END"


def load_tags(conn: sqlite3.Connection, entry_ids: Sequence[int]) -> dict[int, list[EntryTag]]:
    """Tags (rejected ones included, flagged) of many entries in one query: no N+1."""
    result: dict[int, list[EntryTag]] = {eid: [] for eid in entry_ids}
    if not entry_ids:
        return result
    marks = ", ".join("?" * len(entry_ids))
    sql = (
        "SELECT et.entry_id, et.tag, t.category, t.grp, et.source, et.spans_json, et.rejected "
        f"FROM entry_tags et JOIN tags t ON t.name = et.tag WHERE et.entry_id IN ({marks}) "
        f"ORDER BY et.entry_id, {_CATEGORY_ORDER}, et.tag"
    )
    rows = conn.execute(sql, list(entry_ids)).fetchall()
    # One json.loads for the whole page's trigger spans rather than one per tag: on a page of 50
    # entries that is most of the Python time of a listing.
    spans = json.loads("[" + ",".join(row[5] or "[]" for row in rows) + "]")
    for row, row_spans in zip(rows, spans, strict=True):
        result[row[0]].append(row_to_tag(row[1:], row_spans))
    return result
