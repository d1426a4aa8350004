"""Upgrading a version-1 journal, and refusing one from the future."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.storage import DatabaseTooNew, open_store
from journal.storage.migrations import LATEST
from tests.probes import schema_step
from tests.storage.conftest import T0, mood

#: What a version-1 journal looked like, written out by hand so this test does not depend on the
#: schema module it checks: no parked_fts index and no triggers for it (they arrived in version 2).
V1_FIXTURE = """
CREATE TABLE entries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, created_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL, local_day TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',
    mood INTEGER, energy INTEGER, boundary TEXT, outcome TEXT, cost INTEGER, ritual_json TEXT,
    updated_utc TEXT, deleted_utc TEXT);
CREATE INDEX entries_by_time ON entries (deleted_utc, created_utc);
CREATE INDEX entries_by_kind ON entries (kind, created_utc);
CREATE INDEX entries_by_day ON entries (local_day);
CREATE INDEX entries_by_boundary ON entries (boundary) WHERE boundary IS NOT NULL;
CREATE TABLE tags (name TEXT PRIMARY KEY, category TEXT NOT NULL, grp TEXT,
    description TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL DEFAULT 'personal');
CREATE TABLE entry_tags (entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag TEXT NOT NULL REFERENCES tags (name), source TEXT NOT NULL, spans_json TEXT,
    rejected INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entry_id, tag)) WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, rejected, entry_id);
CREATE TABLE user_keywords (tag TEXT NOT NULL, phrase TEXT NOT NULL, PRIMARY KEY (tag, phrase));
CREATE TABLE boundary_kinds (slug TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE drafts (key TEXT PRIMARY KEY, data_json TEXT NOT NULL, updated_utc TEXT NOT NULL);
CREATE TABLE ritual_state (id INTEGER PRIMARY KEY CHECK (id = 1), state_json TEXT NOT NULL, updated_utc TEXT NOT NULL);
CREATE TABLE parked_items (id INTEGER PRIMARY KEY, text TEXT NOT NULL, created_utc TEXT NOT NULL,
    utc_offset_min INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'open',
    ritual_entry_id INTEGER REFERENCES entries (id) ON DELETE SET NULL, resolved_utc TEXT);
CREATE INDEX parked_by_status ON parked_items (status, created_utc);
CREATE VIRTUAL TABLE entries_fts USING fts5 (text, content = 'entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO entries_fts (rowid, text) VALUES (new.id, new.text); END;
INSERT INTO tags (name, category) VALUES ('nights', 'personal');
PRAGMA user_version = 1;
"""


def build_v1(path: Path, n: int) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_FIXTURE)
    for i in range(n):
        created = (T0 + timedelta(hours=i)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        conn.execute(
            "INSERT INTO entries (kind, created_utc, utc_offset_min, local_day, text, mood) "
            "VALUES ('mood', ?, 60, '2026-03-10', ?, 3)",
            (created, f"old entry {i} #nights"),
        )
        conn.execute("INSERT INTO entry_tags (entry_id, tag, source) VALUES (?, 'nights', 'auto')", (i + 1,))
    conn.execute(
        "INSERT INTO parked_items (text, created_utc) VALUES ('call the GP surgery back', '2026-03-10T17:00:00.000000Z')"
    )
    conn.commit()
    conn.close()


def test_v1_upgrades_to_latest_keeping_every_entry(db_path: Path) -> None:
    build_v1(db_path, 50)
    with open_store(db_path) as s:
        assert schema_step(s) == LATEST == 7
        assert s.count(EntryQuery()) == 50
        assert s.count(EntryQuery(text="old", tags=("nights",))) == 50
        assert [p.text for p in s.search_parked("surgery")] == ["call the GP surgery back"]  # backfilled
        s.park("new parked item about rota")
        assert [p.text for p in s.search_parked("rota")] == ["new parked item about rota"]  # triggers live
        saved = s.save(mood("new after upgrade"))
        assert s.get(saved.id).text == "new after upgrade"
    with open_store(db_path) as s:  # reopening does not migrate again
        assert schema_step(s) == LATEST and s.count(EntryQuery()) == 51


def test_a_fresh_journal_and_an_upgraded_one_have_the_same_schema(tmp_path: Path) -> None:
    def schema(path: Path) -> set[tuple[str, str]]:
        conn = sqlite3.connect(path)
        rows = {(r[0], r[1]) for r in conn.execute("SELECT type, name FROM sqlite_master")}
        conn.close()
        return rows

    build_v1(tmp_path / "old.db", 1)
    open_store(tmp_path / "old.db").close()
    open_store(tmp_path / "new.db").close()
    assert schema(tmp_path / "old.db") == schema(tmp_path / "new.db")


def test_a_newer_version_is_refused_and_untouched(db_path: Path) -> None:
    build_v1(db_path, 3)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseTooNew):
        open_store(db_path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_a_failed_migration_leaves_the_file_at_the_last_complete_version(db_path: Path, monkeypatch) -> None:
    from journal.storage import migrations

    build_v1(db_path, 2)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], (2, broken)))
    with pytest.raises(RuntimeError):
        open_store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()
