"""Issue 16, point 6: concurrent writers all land.

Eight writer processes, each opening the journal afresh for every save (as `journal mood` does,
tagger and all), 25 saves each, beside a process that searches in a loop: every save lands, none is
refused as "busy". Before the fix the tagger ran inside the write lock and a writer gave up after
5 s. A last check: when the lock really is held past the budget, the sentence says "busy".
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import UTC
from pathlib import Path

import pytest

from journal.storage import DatabaseLocked, open_store
from tests.reliability.helpers import ROOT, assert_healthy, child_env

# Alone: eight writers and a reader at once, and a lock budget timed to the second.
pytestmark = pytest.mark.serial

WRITERS, SAVES = 8, 25

WRITER = """
    import sys
    from datetime import datetime, timedelta, timezone
    from journal.domain.models import Entry, Kind
    from journal.storage import open_store
    db, me, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for i in range(count):
        text = f"writer {me} save {i}: supervision ran late, no lunch, could not sleep " + "word " * (i * 40)
        with open_store(db) as store:
            store.save(Entry(kind=Kind.MOOD, created_at=start + timedelta(minutes=me * 1000 + i), text=text, mood=i % 5 + 1))
        print(me, i, flush=True)
"""

READER = """
    import sys, time
    from journal.domain.models import EntryQuery
    from journal.storage import open_store
    end = time.monotonic() + float(sys.argv[2])
    n = 0
    while time.monotonic() < end:
        with open_store(sys.argv[1], create=False) as store:
            store.search(EntryQuery(text="supervision", limit=200))
        n += 1
    print(n, flush=True)
"""


def _warm(db_path: Path) -> None:
    """A journal with one entry, and the tagger's compiled cache made (the children share it), so
    the test measures the lock, not eight cold compiles at once."""
    from datetime import datetime

    from journal.domain.models import Entry, Kind

    with open_store(db_path) as store:
        store.save(Entry(kind=Kind.MOOD, created_at=datetime(2025, 1, 1, tzinfo=UTC), text="warm", mood=3))


def test_eight_writers_beside_a_reader_all_land(db_path: Path) -> None:
    _warm(db_path)
    env = child_env()
    started = time.monotonic()
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(READER), str(db_path), "40"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        text=True,
    )
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WRITER), str(db_path), str(n), str(SAVES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
            text=True,
        )
        for n in range(WRITERS)
    ]
    try:
        results = [w.communicate(timeout=120) for w in writers]
    finally:
        for w in writers:
            w.kill()
        reader.kill()
        reader.wait()
    elapsed = time.monotonic() - started
    refused = [err for _, err in results if err.strip()]
    assert not refused, refused[0][-500:]
    acknowledged = sum(len(out.splitlines()) for out, _ in results)
    assert acknowledged == WRITERS * SAVES
    assert assert_healthy(db_path) == WRITERS * SAVES + 1
    print(f"{WRITERS} x {SAVES} saves beside a reader: all landed in {elapsed:.1f} s")


HOLDER = """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    sys.stdin.readline()  # held until the test says (or kills it)
"""


def test_a_write_still_blocked_after_its_budget_says_busy(db_path: Path) -> None:
    from datetime import datetime

    from journal.domain.models import Entry, Kind

    _warm(db_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLDER), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with open_store(db_path, timeout=0.2, write_budget=1.0) as store:
            start = time.monotonic()
            with pytest.raises(DatabaseLocked) as info:
                store.save(Entry(kind=Kind.MOOD, created_at=datetime(2026, 1, 1, tzinfo=UTC), text="x", mood=3))
            assert 0.9 < time.monotonic() - start < 3
        assert "busy" in str(info.value) and "try again in a moment" in str(info.value)
    finally:
        holder.kill()
        holder.wait()
