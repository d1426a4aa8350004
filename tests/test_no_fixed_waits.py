"""No test waits for a length of time: fixed pauses stay out of tests/ (issue 18, point 6).

A `pilot.pause(0.3)`, `asyncio.sleep(N)` or `time.sleep(N)` guesses how long the app needs: too
short on a loaded machine, too long on a quiet one. Tests wait for what happens instead, with the
helpers in `tests/waiting.py`, the one module allowed to sleep (its polls watch a condition). This
reads every test file's syntax tree, and the source of child scripts kept in strings, and names
each fixed pause it finds.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ALLOWED = {TESTS / "waiting.py", Path(__file__).resolve()}  # this file: its samples are meant to be found

#: A sleep in the source of a child script kept in a string (`python -c SCRIPT`).
SLEEP_IN_TEXT = re.compile(r"\b(?:time|asyncio)\.sleep\s*\(|\bfrom\s+(?:time|asyncio)\s+import\b[^\n]*\bsleep\b")


def fixed_waits(source: str) -> list[tuple[int, str]]:
    """(line, what) for every fixed pause in `source`."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
            if name == "pause" and (node.args or node.keywords):
                found.append((node.lineno, "a pause for a fixed time (pilot.pause(N))"))
            elif name == "sleep" and owner in ("time", "asyncio", ""):
                found.append((node.lineno, f"{owner + '.' if owner else ''}sleep()"))
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "asyncio"):
            if any(alias.name == "sleep" for alias in node.names):
                found.append((node.lineno, f"sleep imported from {node.module}"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SLEEP_IN_TEXT.search(node.value):
            found.append((node.lineno, "a sleep in a child script's source"))
    return found


def test_no_test_waits_for_a_fixed_time() -> None:
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: {what}"
        for path in sorted(TESTS.rglob("*.py"))
        if path not in ALLOWED
        for line, what in fixed_waits(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "Wait for what happens, not for a time (tests/waiting.py: settle, until, wait_until; "
        "let_time_pass where time itself is the subject):\n" + "\n".join(offenders)
    )


def test_the_check_finds_each_kind_of_fixed_pause() -> None:
    """The check above must be able to fail: each form it looks for is found, and the waits that
    wait for an event are not."""
    bad = """
import time
from asyncio import sleep
async def t(pilot):
    await pilot.pause(0.2)
    await pilot.pause(delay=1)
    await asyncio.sleep(0.1)
    time.sleep(1)
    HOLDER = "import time\\ntime.sleep(30)"
"""
    assert sorted(line for line, _ in fixed_waits(bad)) == [3, 5, 6, 7, 8, 9]
    good = """
async def t(pilot, app):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await settle(pilot)
    text = "couldn't sleep again"
"""
    assert fixed_waits(good) == []
