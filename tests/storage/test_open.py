"""Opening journals: permissions, and every way a file can be refused without being touched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import time
from datetime import UTC
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.storage import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    NoPermission,
    StoreError,
    WrongPassphrase,
    open_store,
)
from journal.storage.errors import JournalNotFound, NotAJournal
from journal.storage.migrations import LATEST
from tests.probes import assert_whole, schema_step
from tests.storage.conftest import PASSPHRASE, mood


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def make_journal(path: Path, n: int = 300, passphrase: str | None = None) -> None:
    with open_store(path, passphrase=passphrase) as s:
        s.save_many(mood(f"entry number {i} with some words to fill pages " * 3) for i in range(n))


def test_new_journal_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "journal.db"
    old = os.umask(0o022)
    try:
        with open_store(path) as s:
            s.save(mood("private"))
            assert mode(path) == 0o600
            for side in (path.with_name("journal.db-wal"), path.with_name("journal.db-shm")):
                assert side.exists() and mode(side) == 0o600
    finally:
        os.umask(old)
    assert mode(path.parent) == 0o700


def test_reopen_keeps_data_and_version(db_path: Path, passphrase: str | None) -> None:
    make_journal(db_path, 3, passphrase)
    with open_store(db_path, passphrase=passphrase) as s:
        assert s.count(EntryQuery()) == 3
        assert schema_step(s) == LATEST
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(JournalNotFound):
        open_store(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


@pytest.mark.parametrize("size", [5000, 100])
def test_random_bytes_are_damaged_and_untouched(tmp_path: Path, size: int) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(os.urandom(size))
    before = digest(path)
    with pytest.raises(DatabaseDamaged) as info:
        open_store(path)
    assert "untouched" in str(info.value) and "\n" not in str(info.value)
    assert digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["junk.db"]


def test_overwritten_page_is_damaged_and_untouched(db_path: Path) -> None:
    make_journal(db_path, 400)
    size = db_path.stat().st_size
    page = 4096
    assert size >= 6 * page
    with open(db_path, "r+b") as fh:  # wreck page 2 onwards: table roots and index pages
        fh.seek(page)
        fh.write(os.urandom(page * 4))
    before = digest(db_path)
    # It may open (sqlite_master is intact) but cannot be used.
    with pytest.raises(DatabaseDamaged), open_store(db_path) as s:
        s.search(EntryQuery(text="entry"))
        s.count(EntryQuery())
        s.tag_stats(*_year())
        assert_whole(s)
    assert digest(db_path) == before


def _year():
    from datetime import datetime

    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)


def test_wrecked_header_is_damaged(db_path: Path) -> None:
    make_journal(db_path, 10)
    with open(db_path, "r+b") as fh:
        fh.seek(0)
        fh.write(b"SQLite format 3\x00" + os.urandom(84))
    before = digest(db_path)
    with pytest.raises(DatabaseDamaged):
        open_store(db_path)
    assert digest(db_path) == before


def test_someone_elses_database_is_left_alone(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(NotAJournal):
        open_store(db_path)
    assert digest(db_path) == before


def test_newer_version_is_refused_untouched(db_path: Path) -> None:
    make_journal(db_path, 2)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseTooNew) as info:
        open_store(db_path)
    assert "newer version" in str(info.value)
    assert digest(db_path) == before


@pytest.mark.serial  # alone: timed to the second
def test_lock_held_too_long_is_reported_in_bounded_time(db_path: Path) -> None:
    make_journal(db_path, 1)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        start = time.monotonic()
        with open_store(db_path, timeout=0.2) as s:  # WAL: opening and reading need no write lock
            assert s.count(EntryQuery()) == 1
            with pytest.raises(DatabaseLocked):
                s.save(mood("blocked"))
            assert s.count(EntryQuery()) == 1
        assert time.monotonic() - start < 3
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_store(db_path) as s:
        s.save(mood("fine now"))


def test_lock_on_a_rollback_journal_file_blocks_the_open(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)  # a fresh, empty file in rollback mode
    conn.execute("CREATE TABLE x (y)")
    conn.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked):
            open_store(db_path, timeout=0.1)
    finally:
        conn.execute("ROLLBACK")
        conn.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_file_is_no_permission(db_path: Path) -> None:
    make_journal(db_path, 1)
    db_path.chmod(0o000)
    try:
        with pytest.raises(NoPermission):
            open_store(db_path)
    finally:
        db_path.chmod(0o600)


def test_errors_are_plain_sentences(db_path: Path) -> None:
    db_path.write_bytes(b"x" * 100)
    with pytest.raises(StoreError) as info:
        open_store(db_path)
    message = str(info.value)
    assert message.endswith(".") and "Traceback" not in message and len(message.splitlines()) == 1


def test_wrong_passphrase_leaves_file_untouched(db_path: Path) -> None:
    make_journal(db_path, 5, PASSPHRASE)
    before = digest(db_path)
    with pytest.raises(WrongPassphrase):
        open_store(db_path, passphrase="not it")
    with pytest.raises(WrongPassphrase):
        open_store(db_path)  # encrypted, and no passphrase given
    assert digest(db_path) == before
    assert b"entry number" not in db_path.read_bytes()  # really encrypted, search index included
    with open_store(db_path, passphrase=PASSPHRASE) as s:
        assert s.count(EntryQuery(text="number")) == 5


def test_passphrase_on_a_plain_journal_is_refused(db_path: Path) -> None:
    make_journal(db_path, 1)
    before = digest(db_path)
    with pytest.raises(WrongPassphrase) as info:
        open_store(db_path, passphrase="secret")
    assert "not encrypted" in str(info.value)
    assert digest(db_path) == before


@pytest.mark.parametrize("phrase", ["it's", "'; DROP TABLE entries; --", 'quo"te', "ünï çødé", " spaced "])
def test_awkward_passphrases_work(tmp_path: Path, phrase: str) -> None:
    path = tmp_path / "enc.db"
    with open_store(path, passphrase=phrase) as s:
        s.save(mood("secret"))
    with open_store(path, passphrase=phrase) as s:
        assert s.count(EntryQuery()) == 1
    with pytest.raises(WrongPassphrase):
        open_store(path, passphrase=phrase.strip() + "x")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(13, "Permission denied"), NoPermission),
        (sqlite3.OperationalError("attempt to write a readonly database"), NoPermission),
        (sqlite3.OperationalError("unable to open database file"), NoPermission),
        (sqlite3.OperationalError("database is locked"), DatabaseLocked),
        (sqlite3.DatabaseError("file is not a database"), DatabaseDamaged),
        (sqlite3.DatabaseError("database disk image is malformed"), DatabaseDamaged),
    ],
)
def test_low_level_errors_map_to_store_errors(error: Exception, expected: type, tmp_path: Path) -> None:
    from journal.storage.connection import translate

    mapped = translate(error, tmp_path / "j.db")
    assert type(mapped) is expected and str(tmp_path) in str(mapped)


def test_programming_errors_are_not_disguised(tmp_path: Path) -> None:
    from journal.storage.connection import translate

    assert translate(sqlite3.OperationalError("no such column: nope"), tmp_path) is None
    assert translate(ValueError("x"), tmp_path) is None
