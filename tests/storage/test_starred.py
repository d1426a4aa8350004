"""Starring an entry "bring to supervision": migration 4, star/unstar, and the starred filter."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import migrations, open_store
from journal.storage.errors import EntryNotFound
from tests.probes import schema_step

AT = datetime(2026, 11, 20, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def test_star_and_unstar_keep_the_entry_as_it_was(tmp_path: Path) -> None:
    with open_store(tmp_path / "j.db") as store:
        saved = store.save(Entry(Kind.MOOD, AT, "a long day, drained", mood=2))
        assert saved.id is not None and not saved.starred
        starred = store.set_starred(saved.id)
        assert starred.starred and starred.text == saved.text and starred.updated_at is None
        assert [t.name for t in starred.tags] == [t.name for t in saved.tags]
        # an edit built from a form (starred left at its default) keeps the star
        edited = store.save(Entry(Kind.MOOD, AT, "a long day, drained, slept badly", mood=2, id=saved.id))
        assert edited.starred
        assert not store.set_starred(saved.id, False).starred


def test_the_starred_filter(tmp_path: Path) -> None:
    with open_store(tmp_path / "j.db") as store:
        ids = [store.save(Entry(Kind.MOOD, AT + timedelta(hours=i), f"entry {i}", mood=3)).id for i in range(4)]
        store.set_starred(ids[1])  # type: ignore[arg-type]
        store.set_starred(ids[3])  # type: ignore[arg-type]
        assert [e.id for e in store.search(EntryQuery(starred=True))] == [ids[3], ids[1]]
        assert store.count(EntryQuery(starred=False)) == 2
        assert store.count(EntryQuery(starred=True, since=AT + timedelta(hours=2))) == 1


def test_starring_a_missing_entry_says_so(tmp_path: Path) -> None:
    with open_store(tmp_path / "j.db") as store, pytest.raises(EntryNotFound):
        store.set_starred(99)


def test_a_version_3_journal_gains_the_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.db"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        patch.setattr(migrations, "LATEST", 3)
        conn = sqlite3.connect(path)
        for _version, step in migrations.MIGRATIONS:
            step(conn)
        conn.execute("PRAGMA user_version = 3")
        conn.execute(
            "INSERT INTO entries (kind, created_utc, utc_offset_min, local_day, text) "
            "VALUES ('mood', '2026-11-20T17:00:00.000000Z', 60, '2026-11-20', 'old entry')"
        )
        conn.commit()
        conn.close()
    with open_store(path) as store:
        assert schema_step(store) == migrations.LATEST  # starred came in at 5
        [old] = store.search(EntryQuery())
        assert old.text == "old entry" and not old.starred
        assert store.set_starred(old.id).starred  # type: ignore[arg-type]
