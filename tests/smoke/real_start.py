"""Start the real app with `App.run()` (headless) and use it: every pane, an entry typed and saved.

`run_test()` starts tasks differently from `App.run()` (on Python 3.12+ `run()` starts them eagerly),
so a start-up crash can pass the whole Pilot suite; this drives the real start. CI runs it with the
built wheel under every Python the project supports (`.ci/smoke`), and the suite runs it in-process.

    python tests/smoke/real_start.py      # exit 0 when the app started, worked and saved
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

WORDS = "smoke test: drained after the late shift"
PANE_KEYS = ("f2", "f4", "f5", "f6", "f3")


async def use_every_pane(pilot) -> None:  # type: ignore[no-untyped-def]
    """What a first visit does: through the welcome, to every pane, then write and save an entry."""
    app = pilot.app
    await pilot.pause()
    await pilot.press("enter")  # the welcome's "Begin the end-of-shift ritual"
    for key in PANE_KEYS:
        await pilot.press(key)
        await pilot.pause()
    await pilot.press("3")  # a mood, on the picker that has focus
    for _ in range(10):  # then Tab, as a person would, to the text box
        if any(type(node).__name__ == "TaggedEditor" for node in app.focused.ancestors_with_self):
            break
        await pilot.press("tab")
    await pilot.press(*WORDS)
    await pilot.press("ctrl+s")
    deadline = time.monotonic() + 60
    while saved_entries(app.store.path) < 1 and time.monotonic() < deadline:  # the save runs in a worker
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.press("ctrl+q")


def saved_entries(db_path: Path) -> int:
    """Entries with the smoke words, read with plain sqlite3 as an outsider would."""
    with sqlite3.connect(db_path) as connection:
        (count,) = connection.execute("SELECT count(*) FROM entries WHERE text = ?", (WORDS,)).fetchone()
    return int(count)


def run_once(db_path: Path, size: tuple[int, int] = (120, 40)) -> str | None:
    """Run the app once on a new journal at `db_path`; None when all went well, else what failed."""
    from journal.storage import open_store
    from journal.ui.app import JournalApp

    store = open_store(db_path)
    try:
        app = JournalApp(store)
        app.run(headless=True, size=size, auto_pilot=use_every_pane)
    finally:
        store.close()
    if app.return_code:
        return f"the app stopped with code {app.return_code}: {app.crash_sentence}"
    if saved_entries(db_path) != 1:
        return "the entry typed in the Mood pane was not saved"
    return None


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        failure = run_once(Path(folder) / "journal.db")
    version = ".".join(map(str, sys.version_info[:3]))
    if failure:
        print(f"Python {version}: {failure}", file=sys.stderr)
        return 1
    print(f"Python {version}: the real app started, visited every pane, saved an entry and quit.")
    return 0


if __name__ == "__main__":
    asyncio.set_event_loop_policy(None)
    raise SystemExit(main())
