"""Durability: writers killed with SIGKILL at random moments lose nothing they acknowledged.

Each round runs, on the same file at once, three store-API writers (tests/reliability/writer.py,
forked warm by forker.py, each saving in a loop and writing down every id it got back) and one real
`python -m journal mood ... --json`, and kills each with SIGKILL at a random moment: a writer a
random time after its first acknowledged save (so kills land among commits and WAL checkpoints),
the CLI anywhere from start-up to exit. After every round the file must pass SQLite's integrity
check and FTS5's index-against-table check, open through the store, and hold every acknowledged save
with its exact text. The delays come from a fixed seed, so a failure can be replayed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from journal.storage import open_store
from tests.reliability.helpers import HERE, ROOT, assert_healthy, child_env, journal_argv
from tests.reliability.writer import text_for
from tests.waiting import let_time_pass

# Alone: kills land at chosen moments of each save, which other work would shift.
pytestmark = pytest.mark.serial

SEED = 20261120
KILLS_WANTED = 30
WRITERS_PER_ROUND = 3
MAX_ROUNDS = 20
PATIENCE = 20.0  # seconds a child may take to start on a loaded machine before the test fails


@dataclass
class Writer:
    pid: int
    run: str
    ack: Path
    kill_at: float | None = None
    killed: bool = False
    acked: dict[int, str] = field(default_factory=dict)

    def read_acks(self) -> str:
        return self.ack.read_text(encoding="utf-8") if self.ack.exists() else ""

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        return True


@pytest.fixture(scope="module")
def forker() -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "forker.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    yield proc
    proc.kill()
    proc.wait()


def fork_writer(forker: subprocess.Popen[str], db: Path, run: str, ack: Path) -> Writer:
    assert forker.stdin is not None and forker.stdout is not None
    forker.stdin.write(f"{db} {run} {ack}\n")
    forker.stdin.flush()
    return Writer(int(forker.stdout.readline()), run, ack)


def writer_acks(writer: Writer) -> dict[int, str]:
    """Complete lines only: a kill may cut the last one short."""
    acked = {}
    for line in writer.read_acks().split("\n")[:-1]:
        assert not line.startswith("FAILED"), line
        entry_id, index = map(int, line.split())
        acked[entry_id] = text_for(writer.run, index)
    return acked


def cli_text(run: str) -> str:
    return f"kill-{run} from the command line, naïve 😵‍💫 [b]x[/b] \u200fעברית\u200f"  # noqa: RUF001


def cli_acks(output: bytes) -> dict[int, str]:
    try:
        entry = json.loads(output)
    except ValueError:
        return {}
    return {entry["id"]: entry["text"]}


def run_round(
    forker: subprocess.Popen[str], db: Path, number: int, rng: random.Random, tmp: Path
) -> tuple[list[Writer], subprocess.Popen[bytes], bool]:
    """One round; returns the writers, the CLI process and whether the CLI was killed."""
    start = time.monotonic()
    cli = subprocess.Popen(
        journal_argv(db, "mood", "2", cli_text(f"{number}c"), "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=child_env(),
        cwd=ROOT,
    )
    # the CLI starts and saves in ~0.15-0.3 s (tagger index cached): kill across that whole span
    cli_kill_at = start + rng.uniform(0.05, 0.6)
    cli_killed = False
    writers = [fork_writer(forker, db, f"{number}{w}", tmp / f"ack-{number}-{w}") for w in range(WRITERS_PER_ROUND)]
    while cli.poll() is None or any(w.alive() for w in writers):
        let_time_pass(0.003, "the kill scheduler's tick: each kill lands at its own chosen moment")
        now = time.monotonic()
        assert now - start < PATIENCE, "a child never got going"
        if cli.poll() is None and now >= cli_kill_at:
            cli.send_signal(signal.SIGKILL)
            cli_killed = True
        for writer in writers:
            if writer.kill_at is None and writer.read_acks():  # first acknowledged save
                writer.kill_at = now + rng.uniform(0.0, 0.5)
            if writer.kill_at is not None and now >= writer.kill_at and not writer.killed:
                os.kill(writer.pid, signal.SIGKILL)
                writer.killed = True
    for writer in writers:
        writer.acked = writer_acks(writer)
    return writers, cli, cli_killed


def test_sigkill_at_random_moments_loses_no_acknowledged_save(
    forker: subprocess.Popen[str], db_path: Path, tmp_path: Path
) -> None:
    # The journal exists before anything is killed: this test is about saves, not about creation.
    open_store(db_path).close()
    rng = random.Random(SEED)
    acked: dict[int, str] = {}
    kills = cli_kills = cli_saves = 0
    started = time.monotonic()
    for number in range(MAX_ROUNDS):
        writers, cli, cli_killed = run_round(forker, db_path, number, rng, tmp_path)
        out, err = cli.communicate()
        if cli_killed:
            cli_kills += 1
        else:
            assert cli.returncode == 0, err.decode(errors="replace")
        saved = cli_acks(out)
        cli_saves += bool(saved)
        acked.update(saved)
        for writer in writers:
            assert writer.killed, "a writer stopped by itself"
            acked.update(writer.acked)
        kills += len(writers) + cli_killed
        total = assert_healthy(db_path, acked.items())
        if kills >= KILLS_WANTED and cli_kills >= 5:
            break
    assert kills >= KILLS_WANTED and cli_kills >= 5
    print(
        f"\n{kills} SIGKILLs ({cli_kills} of the CLI, {number + 1} rounds), {len(acked)} acknowledged "
        f"saves ({cli_saves} by the CLI) all present, {total} entries, {time.monotonic() - started:.1f} s"
    )
