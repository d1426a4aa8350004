"""`Store.count` plans for every match, whatever the query's page says: the History pane counts with
limit=0, which once made a tag filter walk the whole timeline instead of reading the tag's own rows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from journal.domain.models import Category, EntryQuery, EntryTag, Source
from journal.storage import open_store
from tests.storage.conftest import T0, mood


def test_a_tag_count_drives_from_the_tags_rows_whatever_the_limit(db_path: Path) -> None:
    def entry(i: int):
        tags = [EntryTag("some", Category.PERSONAL, None, Source.MANUAL)] if i % 10 == 0 else []
        return mood(f"entry {i}", at=T0 + timedelta(minutes=i), tags=tags)

    with open_store(db_path) as store:
        store.save_many((entry(i) for i in range(3000)), tag=False)
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        for limit in (0, 100, None):
            statements.clear()
            assert store.count(EntryQuery(tags=("some",), limit=limit, offset=7)) == 300
            counts = [s for s in statements if s.startswith("SELECT count(*) FROM entry_tags d CROSS JOIN")]
            assert len(counts) == 1, (limit, statements)
        store._conn.set_trace_callback(None)
