"""Where the app works around Textual: each trick names why it is here and has a test that fails
if a Textual upgrade breaks it (or makes it unnecessary).

`CompatApp` is the base of `JournalApp`; what it changes is only how Textual behaves at the edges
(start-up on Python 3.12+, an unexpected crash), never what the app does.
"""

from __future__ import annotations

import os
import sys
import traceback
from contextlib import suppress
from pathlib import Path

from textual.app import App, ScreenStackError
from textual.screen import Screen

#: Set to anything to get Textual's own full traceback (with local variables, which may quote entry
#: text) instead of the one-sentence crash report: for developers, never the default.
DEBUG_ENV = "JOURNAL_DEBUG"


class CompatApp(App[None]):
    """A Textual `App` with the journal's workarounds; see each method."""

    #: the one-sentence account of a crash, set when the app stopped on an unexpected error
    crash_sentence: str | None = None

    def clear_selection(self) -> None:
        """Textual issue 6444 (open upstream): on Python 3.12+ `App.run()` starts tasks eagerly
        (`asyncio.eager_task_factory`), so an `Input` in the first mode's screen runs its selection
        watcher before that screen is on the stack; the watcher calls this method, whose
        `self.screen` then raises `ScreenStackError` and the app dies before its first frame.
        With no screen yet there is no selection to clear either, so there is nothing to do.
        `run_test()` never starts tasks eagerly, which is why only the real start showed it."""
        with suppress(ScreenStackError):
            super().clear_selection()

    def top_screen(self) -> Screen[object] | None:
        """The screen on top, or None while the app starts or closes, when Textual's `screen` raises
        `ScreenStackError` (a message can still arrive then: issue 6444 above, and a save's
        `JournalChanged` landing after the last screen was popped on quit)."""
        try:
            return self.screen
        except ScreenStackError:
            return None

    def _fatal_error(self) -> None:
        """An unexpected exception ends the app. Textual would print a traceback with the local
        variables of every frame, and those can quote what the user wrote (a private journal on a
        shared screen, or pasted into a bug report). Instead keep one sentence that names only the
        error's type and where it happened; `run_app` prints it and exits non-zero."""
        if os.environ.get(DEBUG_ENV):
            super()._fatal_error()
            return
        self.crash_sentence = crash_sentence(sys.exc_info()[1] or self._exception)
        self.bell()
        self._close_messages_no_wait()


def crash_sentence(error: BaseException | None) -> str:
    """One sentence for a crash: the error's type and the innermost frame's file and line, never the
    error's message or any value (either might quote an entry)."""
    where = ""
    trace = error.__traceback__ if error is not None else None
    frames = traceback.extract_tb(trace) if trace is not None else []
    if frames:
        last = frames[-1]
        parts = Path(last.filename).parts
        short = "/".join(parts[-2:]) if len(parts) >= 2 else last.filename
        where = f" in {short}:{last.lineno}"
    name = type(error).__name__ if error is not None else "an unknown error"
    return (
        f"journal stopped on a problem of its own ({name}{where}); everything you saved is safe. "
        f"Please report it (set {DEBUG_ENV}=1 for the details)."
    )
