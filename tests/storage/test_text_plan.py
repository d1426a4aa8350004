"""The word search's plan: every match (no limit) and a rare word read the index, a common word on a
page walks the timeline, the capped count chooses exactly as a full count would, and both ways give
the same entries in the same order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.models import EntryQuery
from journal.storage import Store, open_store
from journal.storage.fts import to_fts_query
from journal.storage.search import _text_drives, fts_drives, match_cap
from tests.storage.conftest import T0, mood


@given(total=st.integers(1, 10**6), wanted=st.integers(1, 10**6), data=st.data())
def test_the_cap_never_changes_the_choice(total: int, wanted: int, data: st.DataObject) -> None:
    matches = data.draw(st.integers(0, 2 * total))
    assert fts_drives(min(matches, match_cap(total, wanted)), total, wanted) == fts_drives(matches, total, wanted)


@given(total=st.integers(1, 10**6), matches=st.integers(0, 10**6))
def test_every_match_always_reads_the_index(total: int, matches: int) -> None:
    assert fts_drives(matches, total, None)


def _journal(db_path: Path) -> Store:
    """3,000 entries: `common` in every other one, `rare` in three, one of them deleted, one starred."""
    store = open_store(db_path)
    texts = [
        " ".join(["common" if i % 2 else "plain", "rare" if i in (5, 1500, 2990) else "", f"n{i}"]) for i in range(3000)
    ]
    # out of time order on purpose: the index's order (by id) is not the listing's
    moments = [T0 + timedelta(minutes=(i * 7919) % 3000) for i in range(3000)]
    store.save_many((mood(t, at=m) for t, m in zip(texts, moments, strict=True)), tag=False)
    rare_ids = [e.id for e in store.search(EntryQuery(text="rare", limit=None))]
    store.delete(rare_ids[1])
    store.set_starred(rare_ids[0])
    return store


def _drives(store: Store, query: EntryQuery) -> bool:
    with store._read() as conn:
        fts = to_fts_query(query.text or "")
        assert fts
        return _text_drives(conn, query, fts, None)


def test_the_plan_follows_the_costs(db_path: Path) -> None:
    with _journal(db_path) as store:
        assert _drives(store, EntryQuery(text="common", limit=None))
        assert _drives(store, EntryQuery(text="rare", limit=10))
        assert not _drives(store, EntryQuery(text="common", limit=10))
        # a date range, the trash or the starred narrow the walk instead
        assert not _drives(store, EntryQuery(text="rare", limit=None, since=T0))
        assert not _drives(store, EntryQuery(text="rare", limit=None, deleted=True))
        assert not _drives(store, EntryQuery(text="rare", limit=None, starred=True))


@pytest.mark.parametrize("word", ["common", "rare", "n17", "nothing", "common OR rare", '"common rare"'])
@pytest.mark.parametrize("limit", [None, 1, 10, 2000])
def test_both_ways_give_the_same_entries_in_the_same_order(db_path: Path, word: str, limit: int | None) -> None:
    with _journal(db_path) as store:
        query = EntryQuery(text=word, limit=limit, offset=3 if limit else 0)
        with store._read() as conn:
            fts = to_fts_query(word)
            assert fts
            ways = [
                [row[0] for row in store._open_page(conn, query, fts, [], None, drives)] for drives in (False, True)
            ]
        assert ways[0] == ways[1]
        listed = [e.id for e in store.listing(query)]
        assert listed == ways[0]
        assert [e.id for e in store.search(query)] == listed
        assert store.count(query) == len(list(store.listing(EntryQuery(text=word, limit=None))))
        for trash, starred in ((True, None), (False, True)):
            narrowed = EntryQuery(text=word, limit=limit, deleted=trash, starred=starred)
            assert [e.id for e in store.listing(narrowed)] == [e.id for e in store.search(narrowed)]
