"""Listing and searching entries: every EntryQuery filter composed into one indexed query.

Ordering is always newest first (created_utc DESC, id DESC), which the (deleted_utc, created_utc)
index serves by a reverse scan. Full-text matching goes through the entries_fts index; snippets are
computed afterwards for the page only, never for every match.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage.base import StoreBase
from journal.storage.connection import OPERATIONAL_ERRORS
from journal.storage.entry_tags import load_tags, normalise_tag_name
from journal.storage.fts import all_words_query, to_fts_query
from journal.storage.rows import ENTRY_SELECT, row_to_entry, to_utc_text

SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS = "«", "»", "…"
_SNIPPET_TOKENS = 16

_HAS_TAG = (
    "EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id AND t.tag = ? AND t.rejected = 0)"
)
_MATCHES = "e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)"


def _where(query: EntryQuery, fts: str | None) -> tuple[str, list[Any]]:
    clauses = ["e.deleted_utc IS NOT NULL" if query.deleted else "e.deleted_utc IS NULL"]
    params: list[Any] = []
    if query.kind is not None:
        clauses.append("e.kind = ?")
        params.append(str(Kind(query.kind)))
    if query.since is not None:
        clauses.append("e.created_utc >= ?")
        params.append(to_utc_text(query.since))
    if query.until is not None:
        clauses.append("e.created_utc < ?")
        params.append(to_utc_text(query.until))
    for name in dict.fromkeys(normalise_tag_name(t) for t in query.tags):
        clauses.append(_HAS_TAG)
        params.append(name)
    if fts is not None:
        clauses.append(_MATCHES)
        params.append(fts)
    return " AND ".join(clauses), params


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
                snippets = self._snippets(conn, fts, ids)
                for entry in entries:
                    entry.snippet = snippets.get(entry.id)
            return entries

    def count(self, query: EntryQuery) -> int:
        with self._read() as conn:
            found = self._run(conn, query, self._select_count)
            return found[0] if found else 0

    # ---------------------------------------------------------------------------------------
    def _run(self, conn: sqlite3.Connection, query: EntryQuery, select: Any) -> Any:
        """Run `select` with the user's text made safe; retry with plain words if FTS5 still objects."""
        if not query.text or not query.text.strip():
            return select(conn, query, None), None
        candidates = [q for q in (to_fts_query(query.text), all_words_query(query.text)) if q]
        for fts in dict.fromkeys(candidates):
            try:
                return select(conn, query, fts), fts
            except OPERATIONAL_ERRORS as exc:
                if "fts5" not in str(exc).lower() and "syntax" not in str(exc).lower():
                    raise
        return None

    @staticmethod
    def _select_page(conn: sqlite3.Connection, query: EntryQuery, fts: str | None) -> list[tuple]:
        where, params = _where(query, fts)
        sql = f"SELECT {ENTRY_SELECT} FROM entries e WHERE {where} ORDER BY e.created_utc DESC, e.id DESC"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [max(0, query.limit), max(0, query.offset)]
        elif query.offset:
            sql += " LIMIT -1 OFFSET ?"
            params.append(query.offset)
        return conn.execute(sql, params).fetchall()

    @staticmethod
    def _select_count(conn: sqlite3.Connection, query: EntryQuery, fts: str | None) -> int:
        where, params = _where(query, fts)
        return conn.execute(f"SELECT count(*) FROM entries e WHERE {where}", params).fetchone()[0]

    @staticmethod
    def _snippets(conn: sqlite3.Connection, fts: str, ids: list[int]) -> dict[int, str]:
        marks = ", ".join("?" * len(ids))
        sql = (
            f"SELECT rowid, snippet(entries_fts, 0, ?, ?, ?, {_SNIPPET_TOKENS}) FROM entries_fts "
            f"WHERE entries_fts MATCH ? AND rowid IN ({marks})"
        )
        params = [SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, fts, *ids]
        return {rowid: text for rowid, text in conn.execute(sql, params)}
