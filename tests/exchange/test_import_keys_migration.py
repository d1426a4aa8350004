"""Migration 3: a version-2 journal gains the import fingerprints table and keeps everything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.exchange.importers import prepare, run_import
from journal.storage import migrations, open_store
from tests.exchange.conftest import fixture_bytes, varied_entries
from tests.probes import schema_step


def test_a_version_2_journal_upgrades_and_imports_once(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:  # write a journal as version 2 knew it
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        patch.setattr(migrations, "LATEST", 2)
        with open_store(db_path) as old:
            old.save_many(varied_entries())
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'import_keys'").fetchone()[0] == 0
    conn.close()
    with open_store(db_path) as store:
        assert schema_step(store) == migrations.LATEST
        assert store.count(EntryQuery()) == 5
        assert run_import(store, prepare(fixture_bytes("jrnl_export.json"))).imported == 4
    with open_store(db_path) as store:
        assert run_import(store, prepare(fixture_bytes("jrnl_export.json"))).already == 4
        assert store.count(EntryQuery()) == 9
