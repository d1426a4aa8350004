"""A tag added by hand to an entry already saved, the way the app's editor does it: the entry is
saved again with the tag among its manual ones (journal.usecases.entries), so the tests go through
the same path as a person, not through a storage call only tests used."""

from __future__ import annotations

from dataclasses import replace

from journal.domain.models import Entry, Source
from journal.domain.tags import tag_slug
from journal.storage import Store
from journal.usecases.entries import hand_tags, save_entry


def add_by_hand(store: Store, entry_id: int, name: str) -> Entry:
    entry = store.get(entry_id)
    assert entry is not None, f"no entry {entry_id}"
    kept = [t for t in entry.tags if t.source is Source.MANUAL and not t.rejected]
    wanted = [t.name for t in kept] + [tag_slug(name)]
    return save_entry(store, replace(entry, tags=hand_tags(store, wanted)))
