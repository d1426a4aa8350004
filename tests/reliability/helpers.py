"""What every reliability test needs: real child processes of the app, and a full health check.

The checks here look at the file with plain `sqlite3` as well as through the store, so a bug in the
store cannot hide a damaged file from the test that is meant to find it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import journal
from journal.domain.models import EntryQuery
from journal.storage import open_store
from tests.probes import assert_whole

ROOT = Path(journal.__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child python: this checkout importable, no passphrase, no colours."""
    env = {k: v for k, v in os.environ.items() if k != "JOURNAL_PASSPHRASE"}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def journal_argv(db: Path | bytes, *args: str | bytes) -> list[str | bytes]:
    return [sys.executable, "-m", "journal", "--db", db, *args]


def run_journal(
    db: Path | bytes, *args: str | bytes, timeout: float = 30, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """`python -m journal --db DB ARGS` for real, output as bytes (some of it may not be UTF-8)."""
    return subprocess.run(
        journal_argv(db, *args),
        capture_output=True,
        env=child_env(),
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
        **kwargs,  # type: ignore[arg-type]
    )


def assert_one_sentence(done: subprocess.CompletedProcess[bytes], *words: str) -> str:
    """A refusal as the product promises it: exit 1, one line on stderr, no traceback, no stdout."""
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, (done.returncode, err, done.stdout)
    assert "Traceback" not in err and done.stdout == b"", err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_healthy(path: Path, expected: Iterable[tuple[int, str]] = ()) -> int:
    """The file passes SQLite's own checks, its search index agrees with its entries, the journal
    still opens through the store, and every `(id, text)` in `expected` is there exactly.

    Returns how many entries the journal holds.
    """
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True)  # never creates; FTS checks need rw
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # FTS5's own check; rank 1 also compares the index with the entries it was built from.
        conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
        stored = dict(conn.execute("SELECT id, text FROM entries"))
    finally:
        conn.close()
    for entry_id, text in expected:
        assert stored.get(entry_id) == text, (entry_id, text[:40], (stored.get(entry_id) or "")[:40])
    with open_store(path, create=False) as store:
        assert_whole(store)
        assert store.count(EntryQuery()) == len(stored)
    return len(stored)


def has_open(child: subprocess.Popen[bytes], path: Path) -> bool:
    """Whether `child` holds `path` open (read from /proc on Linux; elsewhere, assumed at once)."""
    fds = Path(f"/proc/{child.pid}/fd")
    if not Path("/proc/self/fd").is_dir():
        return True
    try:
        return any(os.path.realpath(fd) == str(path.resolve()) for fd in fds.iterdir())
    except OSError:  # it exited, or closed one as we looked
        return False
