"""Re-tagging past entries with today's tagger (and this journal's personal adjustment).

Two steps, so a long re-tag never holds the journal for minutes and a stop at any moment is harmless:

1. *Work out* every entry's new tags, a page at a time (the store's lock is held only while a page
   is read and tagged, so the app stays responsive). Nothing is written; only the entries whose tag
   rows would change are kept, with what they looked like.
2. *Write* all of those changes in one transaction. An entry edited (or a tag rejected) since step 1
   is worked out again inside that transaction, so nothing the writer did meanwhile is overwritten.

Interrupted in step 1, nothing was written; in step 2, the transaction rolls back. Either way the
journal is as it was. The rules of a save hold: rejected tags stay rejected, hand-added tags stay.
A full re-tag (no `since`) records the tagger version in the journal, so the app stops offering it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journal.domain.models import EntryTag, Source
from journal.domain.tagging.version import TAGGER_VERSION
from journal.storage.base import StoreBase, tag_with
from journal.storage.entry_tags import TagPlan, load_tags, plan_tags, write_plan
from journal.storage.rows import spans_to_json, to_utc_text
from journal.storage.schema import TAGGER_VERSION_KEY

if TYPE_CHECKING:
    from journal.domain.models import RetagSummary

#: Entries read and tagged per hold of the store's lock.
PAGE = 100
#: The setting that remembers the writer said "not now" to the offer, for which tagger version.
DECLINED_KEY = "retag_declined_version"

Progress = Callable[[int, int], None]
_Row = tuple[str, str, str | None, int]  # (tag, source, spans_json, rejected)


@dataclass
class _Pending:
    entry_id: int
    text: str
    updated: str | None
    old: frozenset[_Row]
    plan: TagPlan


class RetagMixin(StoreBase):
    def retag(
        self, since: datetime | None = None, *, dry_run: bool = False, progress: Progress | None = None
    ) -> RetagSummary:
        """Tag every entry (created from `since` on, if given) again; see the module docstring.

        `progress(done, total)` is called as pages are done; an exception it raises stops the
        re-tag with nothing written.
        """
        from journal.domain.models import RetagSummary

        summary = RetagSummary(dry_run=dry_run)
        with self._read() as conn:
            if since is None:
                ids = [r[0] for r in conn.execute("SELECT id FROM entries ORDER BY id")]
            else:
                ids = [
                    r[0]
                    for r in conn.execute(
                        "SELECT id FROM entries WHERE created_utc >= ? ORDER BY id", (to_utc_text(since),)
                    )
                ]
        total = len(ids)
        summary.entries = total
        pending: list[_Pending] = []
        if progress:
            progress(0, total)
        for start in range(0, total, PAGE):
            page = ids[start : start + PAGE]
            with self._read() as conn:
                for item in self._work_out(conn, page):
                    pending.append(item)
                    _count(summary, item)
            if progress:
                progress(min(start + PAGE, total), total)
        if dry_run:
            return summary
        with self._write() as conn:
            for item in pending:
                if (item.text, item.updated, item.old) != _snapshot(conn, item.entry_id):
                    # edited since step 1: work it out again and count what is really done
                    _uncount(summary, item)
                    current = self._work_out(conn, [item.entry_id])
                    for fresh in current:
                        _count(summary, fresh)
                    if not current:
                        continue
                    item = current[0]
                conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (item.entry_id,))
                write_plan(conn, item.plan)
            if since is None:
                _set_version(conn, TAGGER_VERSION)
        return summary

    def _work_out(self, conn: sqlite3.Connection, ids: Sequence[int]) -> list[_Pending]:
        """The entries among `ids` whose tag rows a re-tag would change, with their new rows."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        texts = conn.execute(
            f"SELECT id, text, updated_utc, kind, boundary, outcome FROM entries WHERE id IN ({marks})", list(ids)
        ).fetchall()
        tags = load_tags(conn, [r[0] for r in texts])
        found = []
        tagger, model = self._current_tagger(conn), self._personal_model(conn)  # once a page
        for entry_id, text, updated, kind, boundary, outcome in texts:
            old_tags = tags[entry_id]
            kept = [t for t in old_tags if t.source == Source.MANUAL or t.rejected]
            hits = self._with_kind_tag(conn, kind, boundary, outcome, tag_with(tagger, model, text, entry_id).hits)
            plan = TagPlan()
            plan_tags(plan, entry_id, _Tags(kept), hits, {t.name for t in old_tags if t.rejected}, self._builtin_names)
            old = frozenset(_row(t) for t in old_tags)
            new = frozenset((r[1], r[2], r[3], r[4]) for r in plan.rows)
            if new != old:
                found.append(_Pending(entry_id, text, updated, old, plan))
        return found

    # the offer after an upgrade ------------------------------------------------------------------
    def _tagged_by_version(self) -> int:
        """The tagger version that last tagged the whole journal (1 for journals from before it was kept)."""
        value = self.get_setting(TAGGER_VERSION_KEY)  # type: ignore[attr-defined]
        return value if isinstance(value, int) else 1

    def retag_offer_due(self) -> bool:
        """Whether to offer re-tagging: the tagger is newer than the one that tagged the journal,
        there are entries, and the writer has not said "not now" to this version."""
        if self._tagged_by_version() >= TAGGER_VERSION:
            return False
        declined = self.get_setting(DECLINED_KEY)  # type: ignore[attr-defined]
        if isinstance(declined, int) and declined >= TAGGER_VERSION:
            return False
        with self._read() as conn:
            has_entries = conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
        if not has_entries:
            with self._write() as conn:
                _set_version(conn, TAGGER_VERSION)  # nothing an older tagger tagged
        return has_entries

    def decline_retag(self) -> None:
        """Remember "not now" for this tagger version (a later one is offered again)."""
        self.set_setting(DECLINED_KEY, TAGGER_VERSION)  # type: ignore[attr-defined]


class _Tags:
    """Just enough of an Entry for plan_tags: the tags the writer decided on."""

    def __init__(self, tags: list[EntryTag]) -> None:
        self.tags = tags


def _row(tag: EntryTag) -> _Row:
    return (tag.name, str(tag.source), spans_to_json(tag.spans), int(tag.rejected))


def _snapshot(conn: sqlite3.Connection, entry_id: int) -> tuple[str | None, str | None, frozenset[_Row]]:
    row = conn.execute("SELECT text, updated_utc FROM entries WHERE id = ?", (entry_id,)).fetchone()
    if row is None:
        return None, None, frozenset()
    return row[0], row[1], frozenset(_row(t) for t in load_tags(conn, [entry_id])[entry_id])


def _visible(rows: frozenset[_Row] | list[tuple[Any, ...]]) -> set[str]:
    return {r[0] for r in rows if not r[-1]}


def _count(summary: RetagSummary, item: _Pending) -> None:
    before = _visible(item.old)
    after = {r[1] for r in item.plan.rows if not r[4]}
    if before != after:
        summary.changed += 1
        summary.added.update(after - before)
        summary.removed.update(before - after)


def _uncount(summary: RetagSummary, item: _Pending) -> None:
    before = _visible(item.old)
    after = {r[1] for r in item.plan.rows if not r[4]}
    if before != after:
        summary.changed -= 1
        summary.added.subtract(after - before)
        summary.removed.subtract(before - after)
        summary.added += Counter()  # drop zero counts
        summary.removed += Counter()


def _set_version(conn: sqlite3.Connection, version: int) -> None:
    conn.execute(
        "INSERT INTO settings (key, value_json) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json",
        (TAGGER_VERSION_KEY, json.dumps(version)),
    )
