"""Backups: consistent while another process writes, private, dated, and made before any migration."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.models import EntryQuery
from journal.storage import WrongPassphrase, open_store
from journal.storage.backup import default_backup_path
from journal.storage.errors import StoreError
from journal.storage.migrations import LATEST
from tests.probes import assert_whole, schema_step
from tests.storage.conftest import mood
from tests.storage.test_migrations import V1_FIXTURE
from tests.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import sys, time
from datetime import datetime, timezone
from journal.domain.models import Entry, Kind
from journal.storage import open_store
store = open_store(sys.argv[1], passphrase=sys.argv[2] or None)
i = 0
while True:  # killed by the test
    store.save_many(Entry(kind=Kind.MOOD, created_at=datetime.now(timezone.utc), text=f"writer {i} {j}", mood=3)
                    for j in range(20))
    if i == 0:
        print("ready", flush=True)  # the tagger is built and writes are flowing
    i += 1
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_default_backup_goes_to_a_private_dated_folder_beside_the_journal(store, db_path: Path) -> None:
    store.save(mood("a quiet evening"))
    first = store.backup()
    second = store.backup()
    assert first.parent == db_path.parent / "backups"
    assert mode(first.parent) == 0o700 and mode(first) == 0o600 and mode(second) == 0o600
    assert first.name.startswith("journal-") and first.suffix == ".db" and first != second
    stamp = first.stem.removeprefix("journal-")
    datetime.strptime(stamp, "%Y-%m-%dT%H%M")  # journal-2026-11-23T1830.db
    assert not list(first.parent.glob("*.part"))


def test_default_names_sort_by_time_and_never_collide(tmp_path: Path) -> None:
    source = tmp_path / "journal.db"
    at = datetime(2026, 11, 23, 18, 30)
    target = default_backup_path(source, at)
    assert target == tmp_path / "backups" / "journal-2026-11-23T1830.db"
    target.parent.mkdir()
    target.write_bytes(b"")
    assert default_backup_path(source, at).name == "journal-2026-11-23T1830-2.db"


def test_backup_refuses_to_overwrite_or_to_copy_onto_itself(store, db_path: Path, tmp_path: Path) -> None:
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"precious")
    with pytest.raises(StoreError):
        store.backup(taken)
    assert taken.read_bytes() == b"precious"
    with pytest.raises(StoreError):
        store.backup(db_path)


def _count(path: Path, passphrase: str | None) -> int:
    with open_store(path, passphrase=passphrase, create=False) as copy:
        assert_whole(copy)
        return copy.count(EntryQuery())


def test_backup_while_another_process_keeps_writing(db_path: Path, tmp_path: Path, passphrase) -> None:
    with open_store(db_path, passphrase=passphrase) as s:
        s.save_many(mood(f"before {i} supervision helped") for i in range(1500))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), passphrase or ""],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        counts = []
        with open_store(db_path, passphrase=passphrase) as s:
            for n in range(2):
                seen = s.count(EntryQuery())
                wait_until(lambda: s.count(EntryQuery()) > seen, "the writer saved another batch")  # noqa: B023
                copy = s.backup(tmp_path / f"copy{n}.db")
                counts.append(_count(copy, passphrase))
                with open_store(copy, passphrase=passphrase, create=False) as c:
                    assert c.count(EntryQuery(text="supervision")) == 1500  # search index copied too
        assert writer.poll() is None, writer.stderr.read() if writer.stderr else ""
    finally:
        writer.kill()
        writer.wait()
    # Each copy is a whole snapshot: the 1500 first entries plus whole batches of 20 from the writer.
    assert all(c >= 1500 and (c - 1500) % 20 == 0 for c in counts)
    assert counts == sorted(counts) and counts[-1] > 1500  # the writer really ran during the copies
    if passphrase is not None:
        with pytest.raises(WrongPassphrase):
            open_store(tmp_path / "copy0.db", create=False)


# --- the copy made before a migration -------------------------------------------------------------


def build_old(path: Path, n: int, passphrase: str | None = None) -> None:
    """A version-1 journal with `n` entries, optionally encrypted."""
    if passphrase is None:
        import sqlite3 as module
    else:
        module = pytest.importorskip("sqlcipher3")
    conn = module.connect(str(path))
    if passphrase is not None:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    conn.executescript(V1_FIXTURE)
    for i in range(n):
        conn.execute(
            "INSERT INTO entries (kind, created_utc, utc_offset_min, local_day, text, mood) "
            "VALUES ('mood', '2026-03-10T17:30:00.000000Z', 60, '2026-03-10', ?, 3)",
            (f"old entry {i}",),
        )
    conn.commit()
    conn.close()


def test_an_old_journal_is_copied_aside_before_it_is_upgraded(db_path: Path, passphrase) -> None:
    build_old(db_path, 40, passphrase)
    before = db_path.read_bytes()
    with open_store(db_path, passphrase=passphrase) as s:
        assert schema_step(s) == LATEST
    copies = list(db_path.parent.glob(f"journal.db.before-v{LATEST}-*.bak"))
    assert len(copies) == 1 and mode(copies[0]) == 0o600
    if passphrase is not None:
        assert copies[0].read_bytes()[:16] != b"SQLite format 3\x00" and b"old entry" not in copies[0].read_bytes()
    module = pytest.importorskip("sqlcipher3") if passphrase else __import__("sqlite3")
    conn = module.connect(str(copies[0]))
    if passphrase is not None:
        conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # the old version, as it was
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 40
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    assert len(before) > 0
    with open_store(db_path, passphrase=passphrase):  # opening again: nothing left to migrate, no copy
        pass
    assert len(list(db_path.parent.glob("*.bak"))) == 1


def test_no_copy_for_an_empty_old_journal_or_a_current_one(tmp_path: Path) -> None:
    build_old(tmp_path / "empty.db", 0)
    open_store(tmp_path / "empty.db").close()
    with open_store(tmp_path / "current.db") as s:
        s.save(mood("today"))
    open_store(tmp_path / "current.db").close()
    assert not list(tmp_path.glob("*.bak"))
