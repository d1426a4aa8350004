"""Listing and searching entries: every EntryQuery filter composed into one indexed query.

Ordering is always newest first (created_utc DESC, id DESC), which the (deleted_utc, created_utc)
index serves by a reverse scan. Full-text matching goes through the entries_fts index; snippets are
computed afterwards for the page only, never for every match, in Python (`snippets.py`) at a cost
bounded by what they show: FTS5's snippet() grows with the square of a long entry's size.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage.base import StoreBase
from journal.storage.entry_tags import load_tags, normalise_tag_name
from journal.storage.fts import with_fts_query
from journal.storage.listing import stream_entries
from journal.storage.rows import ENTRY_SELECT, row_to_entry, to_utc_text

if TYPE_CHECKING:  # snippets load with the first word search (listing by tag or date needs none)
    from journal.storage.snippets import Snippets

SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS = "«", "»", "…"
_SNIPPET_TOKENS = 16


def _snippets(fts: str) -> Snippets:
    from journal.storage.snippets import Snippets

    return Snippets(fts, tokens=_SNIPPET_TOKENS, marks=(SNIPPET_OPEN, SNIPPET_CLOSE), ellipsis=SNIPPET_ELLIPSIS)


_HAS_TAG = "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = ? AND t.rejected = 0)"
_MATCHES = "e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)"


#: Rough costs (microseconds per row, measured at 100k entries) of the two ways to answer a tag filter:
#: walking the timeline newest first checking each entry's tags, which stops once the page is full, or
#: reading every entry of the rarest tag and sorting them.
_SCAN_COST, _DRIVE_COST = 0.26, 1.4
#: Tags are rarely independent; assume matches are this many times sparser than independence says.
_CORRELATION_MARGIN = 4
_CAPPED_COUNT = "SELECT count(*) FROM (SELECT 1 FROM entry_tags WHERE tag = ? AND rejected = 0 LIMIT ?)"

#: The same choice for words (microseconds, measured at 100k entries): walking the timeline costs
#: little per entry passed over and more per entry returned, and stops once the page is full;
#: reading the word's matches from the index costs per match and finds them all. For every match
#: (no limit) the index always wins: both return every match, and only the walk passes over the
#: rest (`journal search client --limit 0`: 19 ms against 40 ms; a rare word 0.1 ms against 15 ms).
_WALK_ROW_COST, _WALK_HIT_COST, _FTS_HIT_COST = 0.15, 5.0, 2.8
_CAPPED_MATCHES = "SELECT count(*) FROM (SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? LIMIT ?)"


def _tag_plan(conn: sqlite3.Connection, query: EntryQuery) -> tuple[list[str], str | None] | None:
    """Normalised tag names and the tag to drive the query from (None: walk the timeline).

    Returns None when some tag is on no entry at all, so nothing can match.
    """
    names = list(dict.fromkeys(normalise_tag_name(t) for t in query.tags))
    if not names:
        return names, None
    total = max(1, conn.execute("SELECT coalesce(max(id), 1) FROM entries").fetchone()[0])
    wanted = (query.limit if query.limit is not None else total) + query.offset
    if len(names) == 1:
        # Counting a busy tag's rows costs more than answering (~0.7 ms for 18,000 of them). Past
        # `cap` rows walking the timeline always wins, so the count stops there: same choice, sooner.
        cap = math.isqrt(int(_CORRELATION_MARGIN * wanted * total * _SCAN_COST / _DRIVE_COST)) + 2
        found = conn.execute(_CAPPED_COUNT, (names[0], cap)).fetchone()[0]
        counts = {names[0]: found} if found else {}
    else:
        marks = ", ".join("?" * len(names))
        counts = dict(
            conn.execute(
                f"SELECT tag, count(*) FROM entry_tags WHERE tag IN ({marks}) AND rejected = 0 GROUP BY tag", names
            )
        )
    if len(counts) < len(names):
        return None
    density = 1.0
    for name in names:
        density *= min(1.0, counts[name] / total)
    scan_rows = min(total, _CORRELATION_MARGIN * wanted / max(density, 1e-9))
    rarest = min(names, key=lambda n: counts[n])
    drive = _DRIVE_COST * counts[rarest] < _SCAN_COST * scan_rows
    return names, (rarest if drive else None)


def fts_drives(matches: int, total: int, wanted: int | None) -> bool:
    """Whether reading a word's `matches` from the index beats walking the timeline of `total`
    entries for the newest `wanted` of them (None: every match)."""
    if wanted is None:
        return True
    walked = min(total, wanted * total / max(matches, 1))
    return _FTS_HIT_COST * matches < _WALK_ROW_COST * walked + _WALK_HIT_COST * min(wanted, matches)


def match_cap(total: int, wanted: int) -> int:
    """A count of matches at or past which the walk always wins (`fts_drives` is False), so
    counting can stop there."""
    return int((_WALK_ROW_COST * total + _WALK_HIT_COST * wanted) / _FTS_HIT_COST) + 2


def _text_drives(conn: sqlite3.Connection, query: EntryQuery, fts: str, tag_driver: str | None) -> bool:
    """Whether a word search reads its matches from the index (then sorts them) rather than walking
    the timeline; only for a plain word search of live entries, since a tag that drives, a date
    range, the trash or the starred entries each narrow the walk far more cheaply."""
    if tag_driver is not None or query.deleted or query.starred is not None:
        return False
    if query.since is not None or query.until is not None:
        return False
    if query.limit is None:
        return True
    total = max(1, conn.execute("SELECT coalesce(max(id), 1) FROM entries").fetchone()[0])
    wanted = query.limit + query.offset
    matches = conn.execute(_CAPPED_MATCHES, (fts, match_cap(total, wanted))).fetchone()[0]
    return fts_drives(matches, total, wanted)


def _from_where(
    query: EntryQuery, fts: str | None, tags: list[str], driver: str | None, fts_driver: bool = False
) -> tuple[str, list[Any]]:
    """The FROM ... WHERE ... part for every filter of `query`."""
    # "> ''" rather than IS NOT NULL: some SQLite versions then scan the whole table for the trash.
    clauses = ["e.deleted_utc > ''" if query.deleted else "e.deleted_utc IS NULL"]
    params: list[Any] = []
    source = "entries e"
    if driver is not None:
        source = "entry_tags d CROSS JOIN entries e ON e.id = d.entry_id"
        clauses.insert(0, "d.tag = ? AND d.rejected = 0")
        params.append(driver)
    elif fts is not None and fts_driver:
        source = "entries_fts f CROSS JOIN entries e ON e.id = f.rowid"
        clauses.insert(0, "entries_fts MATCH ?")
        params.append(fts)
    if query.kind is not None:
        clauses.append("e.kind = ?")
        params.append(str(Kind(query.kind)))
    if query.starred is not None:
        # a literal, so SQLite can use the partial index on starred entries
        clauses.append("e.starred = 1" if query.starred else "e.starred = 0")
    if query.since is not None:
        clauses.append("e.created_utc >= ?")
        params.append(to_utc_text(query.since))
    if query.until is not None:
        clauses.append("e.created_utc < ?")
        params.append(to_utc_text(query.until))
    for name in tags:
        if name != driver:
            clauses.append(_HAS_TAG)
            params.append(name)
    if fts is not None and not (fts_driver and driver is None):
        clauses.append(_MATCHES)
        params.append(fts)
    return f"{source} WHERE " + " AND ".join(clauses), params


class SearchMixin(StoreBase):
    def search(self, query: EntryQuery) -> list[Entry]:
        """Entries matching every filter, newest first; with `query.text`, each has a `snippet`."""
        with self._read() as conn:
            found = self._run(conn, query, self._select_page)
            if not found:
                return []
            rows, fts = found
            ids = [r[0] for r in rows]
            tags = load_tags(conn, ids)
            entries = [row_to_entry(r, tags[r[0]]) for r in rows]
        if fts is not None:
            snippets = _snippets(fts)
            for entry in entries:
                entry.snippet = snippets(entry.text)
        return entries

    def listing(self, query: EntryQuery) -> Iterator[Entry]:
        """What `search` finds, for printing many at once: entries come as they are read, their
        tags without trigger spans (rejected ones left out), with a snippet for a word search.

        Consume it whole before any other call on this store (it holds the store's lock); see
        `listing.py`. One sentence (StoreError) as from `search` if the journal cannot be read."""
        with self._read() as conn:
            found = self._run(conn, query, self._open_page)
            if not found:
                return
            cursor, fts = found
            yield from stream_entries(conn, cursor, _snippets(fts) if fts is not None else None)

    def count(self, query: EntryQuery) -> int:
        """Every match, whatever `query.limit` and `offset` say. Planned as such: with the History
        pane's limit=0 a busy tag's count walked the whole timeline (35 ms at 100k, not 7 ms)."""
        with self._read() as conn:
            found = self._run(conn, replace(query, limit=None, offset=0), self._select_count, rows=False)
            return found[0] if found else 0

    # ---------------------------------------------------------------------------------------
    def _run(self, conn: sqlite3.Connection, query: EntryQuery, select: Any, *, rows: bool = True) -> Any:
        """Run `select` with the user's text made safe; None when nothing can match. `rows`: the
        select returns entries (a count never reads them, so it always walks)."""
        plan = _tag_plan(conn, query)
        if plan is None:
            return None
        if not query.text or not query.text.strip():
            return select(conn, query, None, *plan), None

        def attempt(fts: str) -> tuple[Any, str]:
            drives = rows and _text_drives(conn, query, fts, plan[1])
            return select(conn, query, fts, *plan, drives), fts

        return with_fts_query(query.text, attempt)

    @staticmethod
    def _select_page(conn: sqlite3.Connection, query: EntryQuery, fts: str | None, *plan: Any) -> list[tuple[Any, ...]]:
        return SearchMixin._open_page(conn, query, fts, *plan).fetchall()

    @staticmethod
    def _open_page(conn: sqlite3.Connection, query: EntryQuery, fts: str | None, *plan: Any) -> sqlite3.Cursor:
        where, params = _from_where(query, fts, *plan)
        sql = f"SELECT {ENTRY_SELECT} FROM {where} ORDER BY e.created_utc DESC, e.id DESC"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [max(0, query.limit), max(0, query.offset)]
        elif query.offset:
            sql += " LIMIT -1 OFFSET ?"
            params.append(query.offset)
        return conn.execute(sql, params)

    @staticmethod
    def _select_count(conn: sqlite3.Connection, query: EntryQuery, fts: str | None, *plan: Any) -> int:
        where, params = _from_where(query, fts, *plan)
        return int(conn.execute(f"SELECT count(*) FROM {where}", params).fetchone()[0])
