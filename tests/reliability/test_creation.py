"""Durability of a journal's very first moments: a process killed while it creates the file.

The first `journal` run creates the file (owner-only, empty), then writes the schema in one
transaction. A SIGKILL can land anywhere in that: before the file exists, with an empty file, mid
schema, or after. Whatever it left behind, the next run must simply work: no "damaged" or "not a
journal" refusal for a file nobody ever wrote to, and the file must pass every health check.
"""

from __future__ import annotations

import json
import random
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import ROOT, assert_healthy, child_env, journal_argv, run_journal
from tests.waiting import let_time_pass

# Alone: kills are spread over a creation timed on this machine just before.
pytestmark = pytest.mark.serial

SEED = 20261123
ROUNDS = 12


def time_to_create(folder: Path) -> float:
    """How long one creating `journal mood` takes here, unkilled (the span the kills sample)."""
    start = time.monotonic()
    done = run_journal(folder / "timing.db", "mood", "3", "timing run")
    assert done.returncode == 0, done.stderr
    return time.monotonic() - start


def test_a_kill_while_creating_the_journal_leaves_one_that_opens(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    span = time_to_create(tmp_path)
    outcomes: list[str] = []
    for number in range(ROUNDS):
        db = tmp_path / f"new-{number}" / "journal.db"  # the folder is created too
        first = subprocess.Popen(
            journal_argv(db, "mood", "2", "first words"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=child_env(),
            cwd=ROOT,
        )
        let_time_pass(rng.uniform(0.0, span), "the kill lands at a random moment of the creation")
        first.send_signal(signal.SIGKILL)
        first.wait()
        outcomes.append("no file" if not db.exists() else f"{db.stat().st_size} bytes")
        if db.exists():
            assert stat.S_IMODE(db.stat().st_mode) == 0o600
        again = run_journal(db, "mood", "2", f"after round {number}", "--json")
        assert again.returncode == 0, (outcomes[-1], again.stderr.decode(errors="replace"))
        saved = json.loads(again.stdout)
        assert_healthy(db, [(saved["id"], f"after round {number}")])
    # the kills must have landed at different stages, or the test proved little
    assert len(set(outcomes)) >= 2, outcomes
    print(f"\n{ROUNDS} kills during creation left: {', '.join(sorted(set(outcomes)))}; every journal opened")
