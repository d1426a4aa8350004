"""Repeated timing with a budget: medians of what fits, and an honest "more than" for what does not.

jrnl at 100,000 entries takes seconds per command and its tag count grows with the square of the
number of tags, so every measure has a time budget (fewer repeats when a run is slow) and a cap
(a run that passes it is stopped and reported as a lower bound, never silently dropped).
"""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Sample:
    """Seconds per run of one measure; `capped` means the run was stopped at `times[0]` seconds."""

    times: list[float] = field(default_factory=list)
    capped: bool = False

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def runs(self) -> int:
        return 0 if self.capped else len(self.times)


def time_calls(fn: Callable[[int], object], repeats: int, *, warmup: int = 1, budget: float = 60.0) -> Sample:
    """`fn(i)` untimed `warmup` times, then timed up to `repeats` times or until `budget` seconds pass."""
    for i in range(warmup):
        fn(-1 - i)
    times: list[float] = []
    began = time.perf_counter()
    for i in range(repeats):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
        if time.perf_counter() - began > budget:
            break
    return Sample(times)


class Capped(Exception):
    """A run went past its cap and was stopped."""


def run_command(argv: list[str], env: dict[str, str], cap: float | None = None) -> float:
    """Wall time of one command, interpreter start included; Capped if it passes `cap` seconds."""
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=cap, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise Capped from None
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"`{' '.join(argv[:6])} ...` failed ({done.returncode}): {done.stderr.strip()[-400:]}")
    return seconds


def time_command(
    argv_for: Callable[[int], list[str]],
    env: dict[str, str],
    repeats: int,
    *,
    budget: float = 60.0,
    cap: float = 120.0,
) -> Sample:
    """Wall times of a command: one untimed warm-up (unless that alone eats half the budget, when it
    is the only sample), then as many of `repeats` as `budget` allows. `argv_for(i)` varies arguments."""
    try:
        first = run_command(argv_for(-1), env, cap)
    except Capped:
        return Sample([cap], capped=True)
    if first * 2 > budget:
        return Sample([first])
    runs = max(1, min(repeats, int(budget / first)))
    return Sample([run_command(argv_for(i), env, cap) for i in range(runs)])
