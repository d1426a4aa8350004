"""Issue 16, point 1: a date before the year 1000 must not poison a journal.

Before the fix, strftime wrote year 999 as "999-…": the row was saved, then export, search and the
app's start failed with ValueError (and the CLI said "Nothing was changed"). Now every time is stored
zero-padded, dates outside the years 1800-2200 are refused with one sentence at every entry point,
and a journal that already holds such rows is repaired on open.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import StoreError, open_store
from journal.storage.migrations import LATEST
from journal.storage.rows import to_utc_text
from tests.reliability.helpers import assert_healthy, assert_one_sentence, child_env, journal_argv, run_journal


def test_times_are_stored_zero_padded() -> None:
    assert to_utc_text(datetime(999, 12, 31, 19, 41, tzinfo=UTC)) == "0999-12-31T19:41:00.000000Z"
    assert to_utc_text(datetime(1800, 1, 1, tzinfo=UTC)) == "1800-01-01T00:00:00.000000Z"


def test_at_outside_1800_2200_is_refused_in_one_sentence_and_nothing_saved(db_path: Path) -> None:
    import subprocess

    for when in ("1000-01-01 05:00", "0999-06-01T00:00:00+00:00", "1799-12-31", "2201-01-01"):
        done = subprocess.run(
            journal_argv(db_path, "mood", "3", "early", "--at", when),
            capture_output=True,
            env=child_env(TZ="Asia/Tokyo"),
            stdin=subprocess.DEVNULL,
            timeout=30,
        )
        assert_one_sentence(done, "1800", "2200")
    assert not db_path.exists() or assert_healthy(db_path) == 0
    assert run_journal(db_path, "mood", "3", "edge", "--at", "1800-01-01 05:00").returncode == 0


def test_store_refuses_out_of_range_entries(db_path: Path) -> None:
    with open_store(db_path) as store:
        with pytest.raises(StoreError, match="1800 to 2200"):
            store.save(Entry(kind=Kind.MOOD, created_at=datetime(999, 6, 1, tzinfo=UTC), text="x", mood=3))
        with pytest.raises(StoreError, match="1800 to 2200"):
            store.save_many(
                [
                    Entry(kind=Kind.MOOD, created_at=datetime(2026, 1, 1, tzinfo=UTC), text="ok", mood=3),
                    Entry(kind=Kind.MOOD, created_at=datetime(9000, 1, 1, tzinfo=UTC), text="x", mood=3),
                ]
            )
        assert store.count(EntryQuery()) == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "j.json",
            {
                "format": "journal",
                "version": 1,
                "entries": [{"kind": "mood", "created_at": "0999-06-01T00:00:00+00:00", "mood": 3, "text": "old"}],
            },
        ),
        ("jrnl.json", {"entries": [{"date": "0999-06-01", "time": "10:00", "title": "old", "body": ""}]}),
        (
            "daylio.csv",
            "full_date,date,weekday,time,mood,activities,note_title,note\n0999-06-01,June 1,Monday,10:00,good,,,old\n",
        ),
    ],
)
def test_imports_refuse_out_of_range_dates_naming_the_line(
    db_path: Path, tmp_path: Path, name: str, data: object
) -> None:
    source = tmp_path / name
    source.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    run_journal(db_path, "mood", "3", "first")
    before = assert_healthy(db_path)
    line = assert_one_sentence(run_journal(db_path, "import", source), "1800", "2200")
    assert "line" in line or "Entry 1" in line
    assert assert_healthy(db_path) == before


def _write_bad_rows(db_path: Path) -> None:
    """A version-4 journal as an older release left it: rows with the short year, via raw sqlite3."""
    assert run_journal(db_path, "mood", "4", "a normal day", "--at", "2026-11-03 18:00").returncode == 0
    conn = sqlite3.connect(db_path)
    from journal.storage.migrations import LATEST

    conn.execute(f"PRAGMA user_version = {LATEST - 1}")  # the repair is the last step (idempotent)
    conn.execute(
        "INSERT INTO entries (kind, created_utc, utc_offset_min, local_day, text, mood) "
        "VALUES ('mood', '999-12-31T19:41:01.000000Z', 540, '1000-01-01', 'poisoned by the short year', 3)"
    )
    conn.execute(
        "INSERT INTO parked_items (text, created_utc, utc_offset_min) VALUES ('old loop', '999-12-31T19:41:01.000000Z', 540)"
    )
    conn.commit()
    conn.close()


def test_a_journal_with_short_years_is_repaired_on_open(db_path: Path) -> None:
    _write_bad_rows(db_path)
    done = run_journal(db_path, "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert {e["created_at"][:10] for e in exported["entries"]} == {"1000-01-01", "2026-11-03"}
    assert run_journal(db_path, "search", "poisoned").returncode == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    stored = {
        r[0] for r in conn.execute("SELECT created_utc FROM entries UNION ALL SELECT created_utc FROM parked_items")
    }
    conn.close()
    assert "0999-12-31T19:41:01.000000Z" in stored and all(s[4] == "-" for s in stored)
    with open_store(db_path) as store:
        newest_first = store.search(EntryQuery())
    assert [e.text for e in newest_first] == ["a normal day", "poisoned by the short year"]
    assert assert_healthy(db_path) == 2


def test_the_app_starts_on_a_journal_with_short_years(db_path: Path) -> None:
    import asyncio

    from journal.ui.app import JournalApp

    _write_bad_rows(db_path)

    async def run() -> None:
        with open_store(db_path) as store:
            app = JournalApp(store)
            async with app.run_test() as pilot:
                await pilot.pause()
                assert app.is_running

    asyncio.run(run())
