"""What every pane shares: the header/body/footer layout and a calm placeholder.

Each pane is a Textual mode with its own screen stack (see `JournalApp.MODES`), so each one can be
built and tested alone. A pane subclasses `PaneScreen` and implements `compose_body`.

Workers: `Worker.StateChanged` does not bubble, so `PaneScreen` forwards failures of its own workers
to the app, which shows one calm notice. Start workers with `exit_on_error=False` (Textual's default
would end the app with a traceback), e.g. `@work(thread=True, exclusive=True, group="load",
exit_on_error=False)`; a widget running its own workers mixes in `ForwardWorkerFailures`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Static

from journal.ui.messages import ForwardWorkerFailures
from journal.ui.widgets.pane_footer import PaneFooter
from journal.ui.widgets.shift_header import ShiftHeader

#: Every pane's own stylesheet; a pane adds its own after it (`CSS_PATH = [PANE_CSS, ...]`).
PANE_CSS = Path(__file__).with_name("base.tcss")


class PaneScreen(ForwardWorkerFailures, Screen[None]):
    """A pane: the shift header on top, the pane's body, the footer with the keys."""

    CSS_PATH: ClassVar[PurePath | list[str | PurePath]] = PANE_CSS

    def compose(self) -> ComposeResult:
        self._take_breakpoint_class()
        yield ShiftHeader()
        with Vertical(classes="pane-body"):
            yield from self.compose_body()
        yield PaneFooter()

    def _take_breakpoint_class(self) -> None:
        """Start with the width class the first resize would give (e.g. `-wide`), so that resize
        finds nothing to change; otherwise it restyles every widget just built, before the first
        frame. Textual's own rule: the largest breakpoint not wider than the screen."""
        width = self.app.size.width
        for breakpoint, name in sorted(self.HORIZONTAL_BREAKPOINTS or [], reverse=True):
            if width >= breakpoint:
                self.set_class(True, name, update=False)
                return

    def on_resize(self, event: events.Resize) -> None:
        # Textual lays the whole screen out again on every Resize, even one that repeats the size it
        # was laid out for, and the terminal's first report of its size always does, just after the
        # first frame: ~15 ms of layout and repaint on the Mood pane for nothing. Whatever does need
        # a new layout asks for one itself (`refresh(layout=True)`), so a size the screen is already
        # laid out for is passed over. (Its laid-out size, not the last Resize it saw: a pane in the
        # background misses resizes, and is laid out again when it comes back.)
        if event.size == self.outer_size:
            event.prevent_default()

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


class PlaceholderPane(PaneScreen):
    """A friendly stand-in for a pane that is still being built; says what will be here."""

    HEADLINE = ""
    DETAIL = ""

    def compose_body(self) -> ComposeResult:
        with Center(classes="placeholder-wrap"):
            with Vertical(classes="placeholder"):
                yield Static(self.HEADLINE, classes="placeholder-headline", markup=False)
                yield Static(self.DETAIL, classes="placeholder-detail", markup=False)
