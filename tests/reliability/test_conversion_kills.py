"""Issue 16, point 2: an interrupted encrypt, decrypt or passphrase change leaves no copy behind.

A real `journal decrypt` / `encrypt` / `passphrase` is killed at several points after its copy
(`journal.db.converting`, the whole journal, in plain text for a decrypt) appears. SIGHUP (the
terminal closed) and SIGTERM are caught: the copy is gone the moment the process is. SIGKILL cannot
be caught: the next open removes the copy (overwritten with zeros first) and says so once. Either
way the journal opens with the passphrase of before or after, holding every entry.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import StoreError, open_store
from journal.storage.leftovers import SUFFIXES
from tests.reliability.helpers import ROOT, child_env, journal_argv
from tests.waiting import let_time_pass, wait_until

# Alone: signals land at chosen moments after each conversion's copy appears.
pytestmark = pytest.mark.serial

pytest.importorskip("sqlcipher3")

OLD, NEW = "old passphrase 1", "new passphrase 2"
ENTRIES = 3000
#: (command, passphrase before, passphrase after; None: plain)
OPERATIONS = {"decrypt": (OLD, None), "encrypt": (None, NEW), "passphrase": (OLD, NEW)}


def _make(path: Path, passphrase: str | None) -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with open_store(path, passphrase=passphrase) as store:
        store.save_many(
            (
                Entry(
                    kind=Kind.MOOD,
                    created_at=start + timedelta(hours=i),
                    mood=i % 5 + 1,
                    text=f"entry {i}: supervision ran late, handover was rushed, " + "quiet words " * 20,
                )
                for i in range(ENTRIES)
            ),
            tag=False,
        )


def _leftovers(path: Path) -> list[Path]:
    return [p for p in (path.with_name(path.name + s) for s in SUFFIXES) if p.exists()]


def _env(before: str | None, after: str | None) -> dict[str, str]:
    env = child_env()
    if before is not None:
        env["JOURNAL_PASSPHRASE"] = before
    if after is not None:
        env["JOURNAL_NEW_PASSPHRASE"] = after
    return env


def _kill_during(path: Path, command: str, sig: int, delay: float) -> int:
    """Start the conversion, wait for its copy to appear, then `delay` s later send `sig`."""
    before, after = OPERATIONS[command]
    child = subprocess.Popen(
        journal_argv(path, command),
        env=_env(before, after),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    copy = path.with_name(path.name + ".converting")
    wait_until(
        lambda: copy.exists() or child.poll() is not None, "the conversion's copy appeared", poll=0.0005
    )  # the kills sample the copy's first moments: look often
    let_time_pass(delay, "the signal lands this long after the copy appears")
    if child.poll() is None:
        os.kill(child.pid, sig)
    child.communicate(timeout=60)
    return child.returncode


def _open_either(path: Path, before: str | None, after: str | None) -> tuple[str | None, int]:
    for phrase in (before, after):
        try:
            with open_store(path, passphrase=phrase, create=False) as store:
                return phrase, store.count(EntryQuery())
        except StoreError:
            continue
    raise AssertionError("the journal opens with neither passphrase")


CASES = [
    (command, sig, delay)
    for command in OPERATIONS
    for sig, delay in zip(
        (signal.SIGKILL, signal.SIGHUP, signal.SIGTERM, signal.SIGKILL),
        random.Random(16).sample([0.0, 0.002, 0.01, 0.03, 0.08, 0.15], 4),
        strict=True,
    )
]


@pytest.mark.parametrize(
    ("command", "sig", "delay"), CASES, ids=[f"{c}-{signal.Signals(s).name}-{d}" for c, s, d in CASES]
)
def test_a_killed_conversion_leaves_no_copy(tmp_path: Path, command: str, sig: int, delay: float) -> None:
    before, after = OPERATIONS[command]
    path = tmp_path / "journal.db"
    _make(path, before)
    code = _kill_during(path, command, sig, delay)
    if sig != signal.SIGKILL:
        assert _leftovers(path) == [], (code, _leftovers(path))
        assert code in (0, -sig), code
    had_copy = bool(_leftovers(path))
    phrase = None
    for candidate in (before, after):  # which one opens it now: before or after the swap
        env = _env(candidate, None)
        done = subprocess.run(
            journal_argv(path, "search", "supervision", "--limit", "1"),
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
        )
        if done.returncode == 0:
            phrase = candidate
            notices = [line for line in done.stderr.decode().splitlines() if "interrupted" in line]
            assert len(notices) == (1 if had_copy else 0), done.stderr
            break
    assert phrase in (before, after)
    assert _leftovers(path) == []
    assert _open_either(path, before, after) == (phrase, ENTRIES)
    again = subprocess.run(
        journal_argv(path, "search", "supervision", "--limit", "1"),
        env=_env(phrase, None),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    assert again.returncode == 0 and b"interrupted" not in again.stderr


def test_a_leftover_copy_is_overwritten_before_it_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.storage import leftovers

    path = tmp_path / "journal.db"
    _make(path, None)
    copy = path.with_name(path.name + ".converting")
    copy.write_bytes(b"dear diary " * 1000)
    seen: list[bytes] = []
    real_unlink = Path.unlink

    def spy(self: Path, missing_ok: bool = False) -> None:
        if self == copy:
            seen.append(self.read_bytes())
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", spy)
    with open_store(path) as store:
        assert len(store.notices) == 1 and "interrupted" in store.notices[0]
    assert seen == [bytes(11000)] and not copy.exists()
    assert leftovers.conversion_leftovers(path) == []
