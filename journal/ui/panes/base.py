"""What every pane shares: the header/body/footer layout, and typed access to the journal and clock.

Each pane is a Textual mode with its own screen stack (see `JournalApp.MODES`), so each one can be
built and tested alone. A pane subclasses `PaneScreen` and implements `compose_body`; it reads the
journal as `self.store` (from thread workers only) and the time as `self.now()` (see `journal.ui.services`).

Workers: `Worker.StateChanged` does not bubble, so `PaneScreen` forwards failures of its own workers
to the app, which shows one calm notice. Start workers with `exit_on_error=False` (Textual's default
would end the app with a traceback), e.g. `@work(thread=True, exclusive=True, group="load",
exit_on_error=False)`; a widget running its own workers mixes in `ForwardWorkerFailures`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical

from journal.ui.compat import SteadyScreen
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.services import UsesServices
from journal.ui.widgets.pane_footer import PaneFooter
from journal.ui.widgets.shift_header import ShiftHeader

#: Every pane's own stylesheet; a pane adds its own after it (`CSS_PATH = [PANE_CSS, ...]`).
PANE_CSS = Path(__file__).with_name("base.tcss")


class PaneScreen(UsesServices, ForwardWorkerFailures, SteadyScreen):
    """A pane: the shift header on top, the pane's body, the footer with the keys."""

    CSS_PATH: ClassVar[PurePath | list[str | PurePath]] = PANE_CSS

    def compose(self) -> ComposeResult:
        self.take_breakpoint_classes()  # see SteadyScreen
        yield ShiftHeader()
        with Vertical(classes="pane-body"):
            yield from self.compose_body()
        yield PaneFooter()

    #: whether the pane has been out of sight since it was built (another pane, a dialog): what it
    #: read then may be out of date when it shows again, and not before
    been_away = False

    def on_screen_suspend(self) -> None:
        self.been_away = True

    def on_screen_resume(self) -> None:
        # Another pane may have closed the shift while this one was in the background. (Textual
        # calls this for every class that defines it: a pane's own handler must not call it again.)
        if self.been_away:
            self.refresh_header()

    def compose_body(self) -> ComposeResult:
        """The pane's own widgets, between header and footer."""
        yield from ()

    def after_typing(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the focused widget has handled every key it was already sent.

        Priority bindings (ctrl+s, ctrl+n) fire at the app the moment their key arrives, while keys
        typed just before may still wait in the focused widget's queue; queueing the action behind
        them means a save never misses the last few keystrokes of a fast typist or a stalled app.
        """
        target = self.app.focused or self
        target.call_later(callback)

    def refresh_header(self) -> None:
        """Re-read today's shift state, e.g. after saving an entry."""
        for header in self.query(ShiftHeader):
            header.refresh_state()
