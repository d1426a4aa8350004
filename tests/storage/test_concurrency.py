"""Several writers at once, threads sharing one Store, and durability across a hard kill.

Each test runs on a plain and on an encrypted journal (the `passphrase` fixture); the child process
gets the passphrase through its environment, as a script would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from journal.domain.models import EntryQuery
from journal.storage import open_store
from tests.storage.conftest import mood

ROOT = Path(__file__).resolve().parents[2]


def child_env(passphrase: str | None) -> dict[str, str]:
    return {**os.environ, "TEST_PASSPHRASE": passphrase or ""}


def run_python(code: str, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(passphrase),
    )


WRITER = """
    import os, sys
    from datetime import datetime, timezone
    from journal.domain.models import Entry, Kind
    from journal.storage import open_store
    store = open_store(sys.argv[1], passphrase=os.environ["TEST_PASSPHRASE"] or None)
    for i in range(int(sys.argv[2])):
        store.save(Entry(kind=Kind.MOOD, created_at=datetime.now(timezone.utc), text=f"from the child {i}", mood=3))
    if sys.argv[3] == "kill":
        import os
        os._exit(0)  # no close, no cleanup: like a crash right after the save returned
    store.close()
"""


def test_two_stores_and_a_subprocess_write_at_once(db_path: Path, passphrase: str | None) -> None:
    open_store(db_path, passphrase=passphrase).close()
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER), str(db_path), "40", "close"],
        cwd=ROOT,
        env=child_env(passphrase),
    )
    errors: list[BaseException] = []

    def write(tag: str) -> None:
        try:
            with open_store(db_path, passphrase=passphrase) as s:
                for i in range(40):
                    s.save(mood(f"{tag} {i}"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("first", "second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert child.wait(timeout=60) == 0
    assert errors == []
    with open_store(db_path, passphrase=passphrase) as s:
        assert s.count(EntryQuery()) == 120
        assert s.count(EntryQuery(text="child")) == 40


def test_one_store_shared_by_threads(db_path: Path, passphrase: str | None) -> None:
    store = open_store(db_path, passphrase=passphrase)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(25):
                store.save(mood(f"thread {n} entry {i}"))
                store.search(EntryQuery(text="thread"))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count(EntryQuery()) == 100
    store.close()


def test_a_save_that_returned_survives_a_kill(db_path: Path, passphrase: str | None) -> None:
    result = run_python(WRITER, str(db_path), "5", "kill", passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    with open_store(db_path, passphrase=passphrase) as s:
        assert s.count(EntryQuery(text="child")) == 5
