"""Child process of startup.py: start one app headless, say when its first frame is up, then quit.

Prints one JSON line the moment the app is ready and idle (the first frame a user could act on), with
this process's peak RSS so far, and a second line with the peak at exit.

    python benchmarks/startup_child.py bare
    python benchmarks/startup_child.py journal PATH
"""

from __future__ import annotations

import json
import resource
import sys
from typing import Any


def _report(**facts: Any) -> None:
    facts["rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps(facts), flush=True)


async def _first_frame(pilot: Any) -> None:
    await pilot.pause()  # mounted, painted and idle
    _report(event="ready")
    pilot.app.exit()


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
    # The same imports and calls as the `journal` command: the CLI, then the app over an open store.
    import journal.cli  # noqa: F401
    from journal.storage import open_store
    from journal.ui.app import JournalApp

    store = open_store(path)
    try:
        JournalApp(store).run(headless=True, size=(120, 40), auto_pilot=_first_frame)
    finally:
        store.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        journal(sys.argv[2])
    _report(event="exit")
