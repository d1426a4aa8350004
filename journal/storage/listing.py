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
from journal.storage.rows import _CATEGORIES, _SOURCES, row_to_entry

if TYPE_CHECKING:
    from journal.storage.snippets import Snippets

#: Entries read (and their tags fetched) at a time.
BATCH = 512

#: Each entry's tag rows straight from entry_tags' primary key (entry, tag), which holds them in
#: this order already: no join with `tags` and no sort in SQL (together they were two thirds of
#: the time of a long listing's tags). Category and group come from `tags`, read once per listing.
_TAGS = (
    "SELECT entry_id, tag, source FROM entry_tags WHERE rejected = 0 AND entry_id IN ({marks}) ORDER BY entry_id, tag"
)
_DEFS = "SELECT name, category, grp FROM tags"
#: Symptoms, then stressors, then care, then the writer's own: the order `load_tags` gives.
_RANK = {"symptom": 0, "stressor": 1, "care": 2}


class TagShelf:
    """The tags a listing shows, each made once and shared by every entry that carries it.

    Without trigger spans a tag is the same on every entry (a journal has hundreds of tags, a long
    listing tens of thousands of tag rows), so the entries a listing yields are for reading and
    printing, not for changing and saving."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._defs = {name: (category, group) for name, category, group in conn.execute(_DEFS)}
        self._made: dict[tuple[str, str], EntryTag] = {}

    def tag(self, name: str, source: str) -> EntryTag | None:
        """The shared tag `name` from `source`; None for a name `tags` does not know (as a join
        with it would leave out)."""
        made = self._made.get((name, source))
        if made is None and name in self._defs:
            category, group = self._defs[name]
            made = self._made[(name, source)] = EntryTag(name, _CATEGORIES[category], group, _SOURCES[source])
        return made


def _rank(tag: EntryTag) -> int:
    return _RANK.get(tag.category, 3)


def visible_tags(conn: sqlite3.Connection, entry_ids: Sequence[int], shelf: TagShelf) -> dict[int, list[EntryTag]]:
    """The tags shown for many entries, in the order `load_tags` gives them (by category, then by
    name), without trigger spans (nothing that prints a list shows them) and without rejected ones
    (nothing shows those)."""
    result: dict[int, list[EntryTag]] = {eid: [] for eid in entry_ids}
    if entry_ids:
        sql = _TAGS.format(marks=", ".join("?" * len(entry_ids)))
        for eid, name, source in conn.execute(sql, list(entry_ids)):
            tag = shelf.tag(name, source)
            if tag is not None:
                result[eid].append(tag)
        for tags in result.values():
            if len(tags) > 1:
                tags.sort(key=_rank)  # stable: by name within a category, as read
    return result


def stream_entries(conn: sqlite3.Connection, cursor: sqlite3.Cursor, snippets: Snippets | None) -> Iterator[Entry]:
    """The entries of an open listing `cursor` (rows selected with ENTRY_SELECT), batch by batch,
    each with its visible tags and, for a word search, its snippet."""
    shelf = TagShelf(conn)
    while rows := cursor.fetchmany(BATCH):
        tags = visible_tags(conn, [row[0] for row in rows], shelf)
        for row in rows:
            entry = row_to_entry(row, tags[row[0]])
            if snippets is not None:
                entry.snippet = snippets(entry.text)
            yield entry
