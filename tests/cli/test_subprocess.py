"""A few real runs of `python -m journal`: the console entry point, real argv, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import journal

ROOT = Path(journal.__file__).resolve().parent.parent


def journal_cmd(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "journal", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


def test_version() -> None:
    done = journal_cmd("--version")
    assert (done.returncode, done.stdout) == (0, f"journal {journal.__version__}\n")


def test_save_then_search_for_real(db_path: Path) -> None:
    saved = journal_cmd("--db", str(db_path), "mood", "2", "couldn't", "sleep", "--at", "yesterday 23:00")
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout == "Saved. Tags: sleep (symptom)\n"
    found = journal_cmd("search", "sleep", "--json", env={"JOURNAL_DB": str(db_path)})
    assert found.returncode == 0, found.stderr
    (entry,) = json.loads(found.stdout)
    assert (entry["text"], entry["mood"], entry["created_at"][11:16]) == ("couldn't sleep", 2, "23:00")


def test_real_errors_are_one_sentence(db_path: Path) -> None:
    for args in (["mood", "9", "x"], ["search", "--since", "whenever"]):
        done = journal_cmd("--db", str(db_path), *args)
        assert done.returncode == 1 and done.stdout == ""
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    db_path.write_bytes(b"\x00garbage" * 10)
    done = journal_cmd("--db", str(db_path), "search")
    assert done.returncode == 1 and "damaged" in done.stderr and "Traceback" not in done.stderr


def test_encrypted_journal_without_a_terminal_does_not_prompt(db_path: Path) -> None:
    try:
        from journal.storage import open_store

        open_store(db_path, passphrase="s3cret").close()
    except Exception:  # sqlcipher3 missing: encryption is optional
        return
    done = journal_cmd("--db", str(db_path), "search")
    assert done.returncode == 1 and "passphrase" in done.stderr and done.stdout == ""
    done = journal_cmd("--db", str(db_path), "search", env={"JOURNAL_PASSPHRASE": "s3cret"})
    assert (done.returncode, done.stdout) == (0, "No entries match.\n")
