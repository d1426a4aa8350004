"""Waiting in tests for what happens, never for a length of time.

A fixed pause is either too short on a loaded machine (the test flakes) or too long on a quiet one
(the suite crawls). Every test waits here instead, for one of three things:

- `settle(pilot)`: the app is quiet: its messages handled, its thread workers finished, and the
  messages those workers posted handled too;
- `until(pilot, check, what)`: whatever the test is about to assert has come true (a debounce
  timer fired, a worker's result was drawn);
- `wait_until(check, what)`: the same for a test outside the app's event loop, e.g. a child process
  reaching a state (a file appearing, a row landing in the journal).

Each gives up after `PATIENCE` seconds, generous enough for a two-core machine shared with other
work, and says what it was waiting for. This module is the only place in tests/ that may sleep
(`tests/test_import_hygiene.py` checks that): its polls are how a condition is watched, never a
guess at how long something takes.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from textual.pilot import Pilot
from textual.worker import Worker

T = TypeVar("T")

#: Seconds any wait may take before the test fails. Far above what any wait needs on a quiet
#: machine; reached only when something is wrong (or the machine is very badly overloaded).
PATIENCE = 60.0

#: Pauses in a row with no worker running before the app counts as quiet (see `settle`).
QUIET_ROUNDS = 2

#: How often `wait_until` looks again, in seconds: short, so a test goes on soon after the change.
POLL = 0.01


def _busy(workers: Iterable[Worker[object]], group: str | None) -> list[Worker[object]]:
    return [w for w in workers if not w.is_finished and (group is None or w.group == group)]


async def settle(pilot: Pilot[object], *, group: str | None = None, timeout: float = PATIENCE) -> None:
    """Until the app is quiet: messages handled, workers (of `group`, if given) finished, and what
    they posted handled too (which may start more workers, so this repeats until none run).

    `group` is for screens with a worker that never ends by design (a DirectoryTree's loader):
    wait for the ones the test is about.
    """
    deadline = time.monotonic() + timeout
    quiet = 0
    while True:
        await pilot.pause()
        busy = _busy(pilot.app.workers, group)
        if not busy:
            # One pause handles the messages that were waiting when it began; a message handled then
            # may post another that starts a worker (a page shown, then counted): quiet twice running.
            quiet += 1
            if quiet == QUIET_ROUNDS:
                return
            continue
        quiet = 0
        if time.monotonic() > deadline:
            names = ", ".join(sorted({w.name or w.group for w in busy}))
            raise AssertionError(f"the app's workers were still running after {timeout:.0f} s: {names}")
        # Wait on the running workers themselves (a failed one counts as finished: the test that
        # cares looks at what it left behind), then go round again for what they set going.
        running = {asyncio.ensure_future(w.wait()) for w in busy if w.is_running}
        if running:
            done, _ = await asyncio.wait(running, timeout=max(deadline - time.monotonic(), 0.0))
            for finished in done:
                finished.exception()  # retrieved, so a failed worker is not reported twice


async def until(pilot: Pilot[object], check: Callable[[], T], what: str, *, timeout: float = PATIENCE) -> T:
    """Let the app run until `check()` is true, and return what it returned.

    Each round lets every pending message be handled (Pilot's `pause()`, which also lets timers
    fire), so a debounce or a worker's result arrives as soon as the app gets to it.
    """
    deadline = time.monotonic() + timeout
    while not (result := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting until {what}")
        await pilot.pause()
    return result


def wait_until(check: Callable[[], T], what: str, *, timeout: float = PATIENCE, poll: float = POLL) -> T:
    """Block until `check()` is true, and return what it returned: for a test that watches a child
    process or a file from outside any event loop, where nothing can notify it."""
    deadline = time.monotonic() + timeout
    while not (result := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting until {what}")
        time.sleep(poll)
    return result


def wait_for_event(event: threading.Event, what: str, *, timeout: float = PATIENCE) -> None:
    """Block until another thread sets `event` (woken the moment it does)."""
    if not event.wait(timeout):
        raise AssertionError(f"timed out after {timeout:.0f} s waiting until {what}")


def let_time_pass(seconds: float, why: str) -> None:
    """Let `seconds` go by, for a test whose subject is time itself (a kill landing at a chosen
    moment, the tick of a kill scheduler), never to wait for something to happen: use the waits
    above for that. `why` says which, where it is called."""
    assert why, "say why this test lets time pass"
    time.sleep(seconds)
