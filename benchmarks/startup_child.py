"""Child process of startup.py: start one app headless, say when its first frame is up, then quit.

Prints one JSON line when the first frame is painted; one the moment the app is ready and idle (the
first frame a user could act on: everything in it drawn, nothing more to do), with this process's peak
RSS so far (VmHWM); another once the work the app starts after its first frame
(warming the tagger in a thread) has finished, so its time and memory are counted too; a last with
the peak at exit.

    python benchmarks/startup_child.py bare
    python benchmarks/startup_child.py journal PATH
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from typing import Any

#: The real standard output, kept before Textual can swap `sys.stdout` for its print capture.
_OUT = sys.__stdout__.fileno()


def _peak_rss_kb() -> int:
    """This process's own peak RSS. Not `ru_maxrss`: Linux carries the parent's high-water mark
    over fork and exec into it, so a big parent would inflate every child's figure."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _report(**facts: Any) -> None:
    facts["rss_kb"] = _peak_rss_kb()
    facts["cpu_s"] = time.process_time()  # CPU spent so far: steadier than wall time under load
    os.write(_OUT, (json.dumps(facts) + "\n").encode())


def _watch_first_paint() -> None:
    """Say when the first frame is painted: the first screen update Textual would write to a
    terminal (headless, it stops short of the write itself, for both apps alike). Only a figure
    beside the first interactive frame: Textual's own `Footer` fills in its keys after the first
    refresh, so the bare app's first paint has a footer with no keys in it."""
    from textual.app import App

    display = App._display
    painted = False

    def first_display(app: App[Any], screen: Any, renderable: Any) -> None:
        nonlocal painted
        if renderable is not None and not app._batch_count and not painted:
            painted = True
            _report(event="painted")
        display(app, screen, renderable)

    App._display = first_display  # type: ignore[method-assign]


async def _first_frame(pilot: Any) -> None:
    await pilot.pause()  # mounted, painted, filled in and idle: the first interactive frame
    _report(event="ready")
    await _background_done(pilot.app)
    _report(event="warm")
    pilot.app.exit()


async def _background_done(app: Any, patience: float = 30.0) -> None:
    """Wait for the work the app starts once its first frame is up (the tagger warming up)."""
    warm = getattr(app, "tagger_warm", None)
    if warm is not None:
        await asyncio.to_thread(warm.wait, patience)


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello from a bare Textual app.")
            yield Footer()

    Bare().run(headless=True, size=(120, 40), auto_pilot=_first_frame)


def journal(path: str) -> None:
    # The same imports and calls as the bare `journal` command (journal.cli.main -> journal.cli.start),
    # the app run headless on the given journal instead of the one the user's data folder holds.
    from pathlib import Path

    import journal.cli
    import journal.cli.start  # noqa: F401
    from journal.cli.opening import open_journal
    from journal.paths import default_db_path
    from journal.ui.app import JournalApp

    default_db_path()  # as the command finds its journal (loads platformdirs); not used here
    store = open_journal(Path(path), prompt=False)
    try:
        JournalApp(store).run(headless=True, size=(120, 40), auto_pilot=_first_frame)
    finally:
        store.close()


if __name__ == "__main__":
    _watch_first_paint()
    if sys.argv[1] == "bare":
        bare()
    else:
        journal(sys.argv[2])
    _report(event="exit")
