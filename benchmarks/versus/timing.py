"""Repeated timing with a budget: medians of what fits, and an honest "more than" for what does not.

jrnl at 100,000 entries takes seconds per command and its tag count grows with the square of the
number of tags, so every measure has a time budget (fewer repeats when a run is slow) and a cap
(a run that passes it is stopped and reported as a lower bound, never silently dropped).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Sample:
    """Seconds per run of one measure; `capped` means the run was stopped at `times[0]` seconds.
    `cpu`: for commands timed by `time_together`, each run's own CPU seconds (user + system)."""

    times: list[float] = field(default_factory=list)
    capped: bool = False
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

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


def run_timed(argv: list[str], env: dict[str, str], cap: float | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the child's own) of one command; Capped past `cap`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run_command(argv, env, cap)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


@dataclass
class Contender:
    """One side of `time_together`: its command for repeat `i`, its environment, its time budget
    (seconds of runs in all) and its cap (seconds for one run)."""

    argv_for: Callable[[int], list[str]]
    env: dict[str, str]
    budget: float = 60.0
    cap: float = 120.0


def time_together(contenders: dict[str, Contender], repeats: int) -> dict[str, Sample]:
    """The contenders' commands in turn, round after round (A B C A B C ...), so that a change in a
    shared machine's load falls on every side alike, where timing one side after the other let it
    fall on one. One untimed warm-up each first (when that alone eats half a budget it is the only
    sample, as in `time_command`). A side drops out of later rounds once its budget is spent; a run
    past its cap is reported as a lower bound when it was the first, else ends that side's runs."""
    samples = {name: Sample() for name in contenders}
    spent = dict.fromkeys(contenders, 0.0)
    active: list[str] = []
    for name, side in contenders.items():
        try:
            first, _ = run_timed(side.argv_for(-1), side.env, side.cap)
        except Capped:
            samples[name] = Sample([side.cap], capped=True)
            continue
        if first * 2 > side.budget:
            samples[name] = Sample([first])
        else:
            active.append(name)
    for i in range(repeats):
        for name in list(active):
            side = contenders[name]
            try:
                wall, cpu = run_timed(side.argv_for(i), side.env, side.cap)
            except Capped:
                active.remove(name)
                continue
            samples[name].times.append(wall)
            samples[name].cpu.append(cpu)
            spent[name] += wall
            if spent[name] + wall > side.budget:
                active.remove(name)
    return samples
