"""A light read path for printing many matches: `journal search --limit 0` at 100,000 entries.

`Store.search` builds each entry in full, its tags with their trigger spans (decoded from JSON), and
is right for a page. Printing thousands of matches needs none of the spans: here the tags are read
without them, a query's snippets are made by one `Snippets` built once, and entries come out in
batches as SQLite hands them over, so the first is printed before the last is read and memory
stays flat however many match.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from journal.domain.models import Entry, EntryTag
from journal.storage.entry_tags import _CATEGORY_ORDER
from journal.storage.rows import _CATEGORIES, _SOURCES, row_to_entry

if TYPE_CHECKING:
    from journal.storage.snippets import Snippets

#: Entries read (and their tags fetched) at a time.
BATCH = 512

_TAGS = (
    "SELECT et.entry_id, et.tag, t.category, t.grp, et.source "
    "FROM entry_tags et JOIN tags t ON t.name = et.tag WHERE et.rejected = 0 AND et.entry_id IN ({marks}) "
    f"ORDER BY et.entry_id, {_CATEGORY_ORDER}, et.tag"
)


def visible_tags(
    conn: sqlite3.Connection, entry_ids: Sequence[int], made: dict[tuple[str, str, str | None, str], EntryTag]
) -> dict[int, list[EntryTag]]:
    """The tags shown for many entries, in the order `load_tags` gives them, without trigger spans
    (nothing that prints a list shows them) and without rejected ones (nothing shows those).

    Without spans a tag is the same on every entry: each is made once and shared through `made`
    (a journal has hundreds of tags, a long listing tens of thousands of tag rows), so the entries
    a listing yields are for reading and printing, not for changing and saving."""
    result: dict[int, list[EntryTag]] = {eid: [] for eid in entry_ids}
    if entry_ids:
        sql = _TAGS.format(marks=", ".join("?" * len(entry_ids)))
        for eid, *key in conn.execute(sql, list(entry_ids)):
            tag = made.get(tuple(key))
            if tag is None:
                name, category, group, source = key
                tag = made[tuple(key)] = EntryTag(name, _CATEGORIES[category], group, _SOURCES[source])
            result[eid].append(tag)
    return result


def stream_entries(conn: sqlite3.Connection, cursor: sqlite3.Cursor, snippets: Snippets | None) -> Iterator[Entry]:
    """The entries of an open listing `cursor` (rows selected with ENTRY_SELECT), batch by batch,
    each with its visible tags and, for a word search, its snippet."""
    made: dict[tuple[str, str, str | None, str], EntryTag] = {}
    while rows := cursor.fetchmany(BATCH):
        tags = visible_tags(conn, [row[0] for row in rows], made)
        for row in rows:
            entry = row_to_entry(row, tags[row[0]])
            if snippets is not None:
                entry.snippet = snippets(entry.text)
            yield entry
