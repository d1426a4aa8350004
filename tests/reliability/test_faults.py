"""Faults: each gets one plain sentence (store API and real CLI) and loses nothing already saved.

How each fault is made, so anyone can rerun them:
* disk full: a child process with RLIMIT_FSIZE just above the file's size (SIGXFSZ ignored, so the
  write fails with EFBIG like a full disk), plus a real 256 KB tmpfs when this machine lets us mount;
* read-only: `chattr +i` when running as root (root ignores permission bits), else chmod 0400;
* deleted while open: unlink the file under an open Store, then save;
* newer schema: `PRAGMA user_version` above the latest this code knows;
* damaged page: random bytes over pages 2-5 of a real journal;
* locked: another process holds BEGIN EXCLUSIVE for longer than the busy timeout (a short budget says
  "busy"; the CLI's 30 s budget outlasts it and saves).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    NoPermission,
    open_store,
)
from journal.storage.errors import DiskFull, JournalMoved
from journal.storage.migrations import LATEST
from tests.reliability.helpers import (
    ROOT,
    assert_healthy,
    assert_one_sentence,
    child_env,
    digest,
    has_open,
    run_journal,
)
from tests.waiting import wait_until

AT = datetime(2026, 3, 10, 18, 30, tzinfo=UTC)


def mood(text: str) -> Entry:
    return Entry(kind=Kind.MOOD, created_at=AT, text=text, mood=3)


def journal_with(path: Path, n: int = 3) -> list[tuple[int, str]]:
    with open_store(path) as store:
        return [
            (store.save(mood(f"kept entry {i} " + "words " * 40)).id, f"kept entry {i} " + "words " * 40)
            for i in range(n)
        ]


def one_sentence(exc: BaseException) -> str:
    message = str(exc)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return message


# --- disk full -----------------------------------------------------------------------------------

FULL_CHILD = """
    import os, resource, signal, sys
    from datetime import datetime, timezone
    from journal.domain.models import Entry, Kind
    from journal.storage import StoreError, open_store
    store = open_store(sys.argv[1])
    limit = max(os.path.getsize(sys.argv[1] + s) for s in ("", "-wal")) + 4096
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        store.save(Entry(kind=Kind.MOOD, created_at=datetime.now(timezone.utc), text="big " * 25000, mood=3))
    except StoreError as exc:
        print(type(exc).__name__, exc, sep="|")
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    store.save(Entry(kind=Kind.MOOD, created_at=datetime.now(timezone.utc), text="after the space came back", mood=3))
    store.close()
"""


def test_disk_full_by_file_size_limit_store_api(db_path: Path) -> None:
    kept = journal_with(db_path)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(FULL_CHILD), str(db_path)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    name, message = done.stdout.strip().split("|")
    assert name == "DiskFull" and "full" in message and "nothing more was saved" in message
    assert assert_healthy(db_path, kept) == len(kept) + 1  # and the same store saved again after


def test_disk_full_by_file_size_limit_cli(db_path: Path) -> None:
    kept = journal_with(db_path)
    limit = max(os.path.getsize(f"{db_path}{s}") for s in ("", "-wal") if os.path.exists(f"{db_path}{s}"))

    def small_files() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit + 4096, limit + 4096))

    done = run_journal(db_path, "mood", "3", "big " * 25000, preexec_fn=small_files)
    assert_one_sentence(done, "could not be written", "nothing more was saved")
    assert assert_healthy(db_path, kept) == len(kept)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 512 KB filesystem (room for a new journal's schema, not for 200 long entries), where this machine allows mounting one (root, not in CI containers)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    made = (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True)
        if shutil.which("mount") and os.geteuid() == 0
        else None
    )
    if made is None or made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here; the RLIMIT_FSIZE tests cover disk full")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_on_a_real_tiny_filesystem(tiny_disk: Path) -> None:
    path = tiny_disk / "journal.db"
    kept = []
    with open_store(path) as store:
        with pytest.raises(DiskFull) as info:
            for i in range(200):
                text = f"entry {i} " + "filling the disk " * 1000
                kept.append((store.save(mood(text)).id, text))
        one_sentence(info.value)
        assert store.count(EntryQuery()) == len(kept)  # the store still reads after the refusal
    done = run_journal(path, "mood", "3", "one more " * 5000)
    assert_one_sentence(done, "could not be written")
    assert_healthy(path, kept)


# --- read-only ---------------------------------------------------------------------------------


@pytest.fixture
def read_only(db_path: Path) -> Iterator[Path]:
    """The journal file made read-only in a way that binds this user too (root included)."""
    journal_with(db_path)
    if os.geteuid() != 0:
        db_path.chmod(0o400)
        yield db_path
        db_path.chmod(0o600)
        return
    if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode != 0:
        pytest.skip("running as root on a filesystem without chattr +i: cannot make a read-only file")
    try:
        yield db_path
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=True)


def test_read_only_journal_reads_but_refuses_to_save(read_only: Path) -> None:
    before = digest(read_only)
    with open_store(read_only) as store:
        assert store.count(EntryQuery()) == 3
        with pytest.raises(NoPermission) as info:
            store.save(mood("not today"))
        one_sentence(info.value)
    found = run_journal(read_only, "search", "kept")
    assert found.returncode == 0 and b"entry 0" in found.stdout
    assert_one_sentence(run_journal(read_only, "mood", "3", "not today"), "read-only", "nothing was saved")
    assert digest(read_only) == before


# --- deleted or replaced while open ----------------------------------------------------------------


def test_a_journal_deleted_while_open_refuses_further_saves(db_path: Path) -> None:
    journal_with(db_path)
    store = open_store(db_path)
    try:
        os.unlink(db_path)
        with pytest.raises(JournalMoved) as info:
            store.save(mood("into the void"))
        assert "moved or deleted" in one_sentence(info.value)
        assert store.count(EntryQuery()) == 3  # what was there is still readable until closed
    finally:
        store.close()


def test_a_journal_replaced_while_open_is_not_written_through(db_path: Path, tmp_path: Path) -> None:
    kept = journal_with(db_path)
    store = open_store(db_path)
    try:
        moved = tmp_path / "moved.db"
        os.rename(db_path, moved)
        os.rename(f"{db_path}-wal", f"{moved}-wal")
        journal_with(db_path, 1)  # someone made a new journal at the old path
        with pytest.raises(JournalMoved):
            store.save(mood("which file?"))
    finally:
        store.close()
    assert assert_healthy(moved, kept) == 3 and assert_healthy(db_path) == 1


# --- newer schema, damaged page ----------------------------------------------------------------------


def test_a_journal_from_a_newer_version_is_left_alone(db_path: Path) -> None:
    journal_with(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseTooNew) as info:
        open_store(db_path)
    one_sentence(info.value)
    for argv in (["mood", "3", "x"], ["search", "kept"]):
        assert_one_sentence(run_journal(db_path, *argv), "newer version")
    assert digest(db_path) == before


def test_a_damaged_page_is_reported_and_never_repaired(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.save_many(mood(f"entry {i} with enough words to fill a few pages " * 4) for i in range(300))
    with open(db_path, "r+b") as fh:
        fh.seek(4096)
        fh.write(os.urandom(4096 * 4))
    before = digest(db_path)
    for argv in (["search", "entry"], ["mood", "3", "x"], ["stressors", "--since", "2000-01-01"]):
        assert_one_sentence(run_journal(db_path, *argv), "damaged")
    with pytest.raises(DatabaseDamaged) as info, open_store(db_path) as store:
        store.search(EntryQuery(text="entry"))  # what `journal search entry` did above, in process
    one_sentence(info.value)
    assert digest(db_path) == before


# --- held locked by another process -------------------------------------------------------------------

HOLDER = """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    print("held", flush=True)
    sys.stdin.readline()  # held until the test lets go
    conn.execute("ROLLBACK")
"""


@pytest.mark.serial  # alone: the refusal must come within 5 s
def test_a_lock_held_by_another_process(db_path: Path) -> None:
    kept = journal_with(db_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLDER), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        cli = subprocess.Popen(
            [sys.executable, "-m", "journal", "--db", str(db_path), "mood", "3", "blocked"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            cwd=ROOT,
        )
        start = time.monotonic()
        with open_store(db_path, timeout=0.5) as store:  # WAL: opening and reading go on
            assert store.count(EntryQuery()) == 3
            with pytest.raises(DatabaseLocked) as info:
                store.save(mood("blocked"))
            assert "busy" in one_sentence(info.value) and time.monotonic() - start < 5
        # The CLI keeps trying within its budget (30 s), so its save lands once the lock is let go:
        # let go once it has the journal open (so it is at its save, waiting), not after a guess.
        wait_until(lambda: has_open(cli, db_path) or cli.poll() is not None, "the CLI opened the journal")
        assert cli.poll() is None, cli.communicate()
        assert holder.stdin is not None
        holder.stdin.write("let go\n")
        holder.stdin.flush()
        _, err = cli.communicate(timeout=60)
        assert cli.returncode == 0, err
    finally:
        holder.kill()
        holder.wait()
    assert assert_healthy(db_path, kept) == 4
    assert run_journal(db_path, "mood", "3", "free again").returncode == 0
