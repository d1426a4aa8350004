"""Where the app works around Textual: the one module that leans on Textual's private members or
re-implements one of its rules. Each trick says what it works around, why it is worth keeping (the
figure measured for it) and has a test in tests/ui/test_compat.py that fails if a Textual upgrade
breaks it (or makes it unnecessary); the rest of the UI uses only the public names here.

`CompatApp` is the base of `JournalApp`; what it changes is only how Textual behaves at the edges
(start-up, on Python 3.12+, an unexpected crash), never what the app does. `SteadyScreen` is the
base of every pane, `CleanPastes` of the text widgets for the user's own words.

Figures: the app started headless on an empty journal and quit after its first frame and the tagger's
warm-up, in fresh processes, with and without the trick, in pairs (median of 15) on a busy two-core
machine; the ratios carry over, the milliseconds are 3-4 times a quiet machine's.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ScreenStackError
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen
from textual.widget import Widget

from journal.ui.safe import safe_plain

if TYPE_CHECKING:  # the History pane's table: not imported at start-up
    from textual.widgets import DataTable
    from textual.widgets.data_table import ColumnKey

#: Set to anything to get Textual's own full traceback (with local variables, which may quote entry
#: text) instead of the one-sentence crash report: for developers, never the default.
DEBUG_ENV = "JOURNAL_DEBUG"


class SteadyStylesheet(Stylesheet):
    """A `Stylesheet` that parses a source again only when its text or the variables change.

    Textual refreshes the CSS whenever a theme is set, and again when the first pane's mode opens.
    Each refresh throws away every parsed rule set and parses all of them again in a fresh
    stylesheet, even with exactly the variables they were parsed with. This one parses each source
    once for each set of variables: new variables empty the cache, as in Textual, and a refresh
    parses in place, reading only what the cache does not hold (a parse error leaves the rules in
    force untouched, as Textual's fresh copy does). Measured: 23 sources parsed before the first
    frame instead of 39 (27 ms of parsing instead of 72); the whole process takes 1.08x the CPU
    without it. Textual's live CSS reload (`textual run --dev`) swaps in a plain copy, which is
    fine: it only means a developer's session parses as Textual does.
    """

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._given = dict(variables or {})

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables == self._given:
            return  # parsed with these already: keep every parsed rule set
        self._given = dict(variables)
        super().set_variables(variables)  # empties the cache

    def reparse(self) -> None:
        self.parse()


class CompatApp(App[None]):
    """A Textual `App` with the journal's workarounds; see each method."""

    #: the one-sentence account of a crash, set when the app stopped on an unexpected error
    crash_sentence: str | None = None

    def __init__(self) -> None:
        super().__init__()
        self.stylesheet = SteadyStylesheet(variables=self.get_css_variables())

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Start-up allocates what lives as long as the app (modules, then the first pane's widgets)
        and the collector would walk it again and again for nothing: everything imported so far is
        frozen (out of its reach) and collection waits until the first frame is up, when what was
        built is frozen too (`collect_from_now`). Textual pauses the collector the same way while it
        scrolls. Measured: the collector's own CPU from start to quit is 47 ms with this and 137 ms
        without (90 ms of it while running, 47 ms at exit, when the interpreter's last collection
        skips what is frozen); the whole process takes 1.23x the CPU without it."""
        gc.freeze()
        gc.disable()
        try:
            return super().run(*args, **kwargs)
        finally:
            gc.enable()

    def collect_from_now(self) -> None:
        """Call once the first frame is up: freeze what start-up built and let the collector run."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

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
        error's type and where it happened; `run_app` prints it and exits non-zero. (Overrides
        Textual's private `_fatal_error`, and ends the app with its private `_close_messages_no_wait`
        as that does; `_exception` is where Textual keeps an error raised outside a handler.)"""
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


def breakpoint_classes(
    size: tuple[int, int],
    horizontal: list[tuple[int, str]],
    vertical: list[tuple[int, str]],
) -> dict[str, bool]:
    """Textual's breakpoint rule (`Screen._on_resize`, `_get_breakpoint_classes`), re-implemented
    so a screen can take its classes before Textual would: for each axis, the class of the largest
    breakpoint not above the size is on, every other breakpoint's class off."""
    classes = {name: False for _, name in (*horizontal, *vertical)}
    for dimension, breakpoints in zip(size, (horizontal, vertical), strict=True):
        for threshold, name in sorted(breakpoints, reverse=True):
            if dimension >= threshold:
                classes[name] = True
                break
    return classes


class SteadyScreen(Screen[None]):
    """A screen that is styled for its width before its first layout and skips a Resize that would
    change nothing.

    Textual lays a screen out again on every Resize, even one that repeats the size it was laid out
    for: each layout posts the screen such a Resize, and the terminal's first report of its size
    is another, just after the first frame. And it sets the breakpoint classes (e.g. `-wide`) only
    on that first Resize, restyling every widget just built. Measured on the Mood pane: 2 layouts
    and 4 style passes before the first frame instead of 5 and 5 (60 ms of layout and styling
    instead of 98); the whole process takes 1.12x the CPU without it.

    So a screen takes its breakpoint classes as it composes (call `take_breakpoint_classes`), and a
    Resize is passed over only when the screen is already laid out for that size *and* has that
    size's classes. (Both: a pane behind a dialog is laid out again by the dialog's Resize, so by
    the time its own arrives its size already matches while its classes do not.) Everything else
    Textual's own handler does (the layout, background screens, the classes) then still happens.
    """

    def breakpoints(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """This screen's (horizontal, vertical) breakpoints, falling back to the app's as Textual does."""
        horizontal = self.HORIZONTAL_BREAKPOINTS
        vertical = self.VERTICAL_BREAKPOINTS
        return (
            (self.app.HORIZONTAL_BREAKPOINTS if horizontal is None else horizontal) or [],
            (self.app.VERTICAL_BREAKPOINTS if vertical is None else vertical) or [],
        )

    def take_breakpoint_classes(self) -> None:
        """Start with the classes the first Resize would give, so that Resize finds nothing to do."""
        for name, on in breakpoint_classes(self.app.size, *self.breakpoints()).items():
            self.set_class(on, name, update=False)

    def on_resize(self, event: events.Resize) -> None:
        if event.size != self.outer_size:
            return
        wanted = breakpoint_classes(event.size, *self.breakpoints())
        if all(self.has_class(name) == on for name, on in wanted.items()):
            event.prevent_default()


class CleanPastes:
    """Mixin for `Input` and `TextArea`: a paste's control characters are dropped before Textual's
    own handler inserts it. Textual inserts a bracketed paste as is, so ESC, BEL or C1 characters in
    it would be drawn straight to the terminal (clearing the screen, setting the clipboard through
    OSC 52...); keys never insert controls, so cleaning pastes is enough.

    This handler runs first (Textual calls each class's handler from the most derived down) and
    cleans the event's text in place, so Textual's own handler inserts only what is safe, with its
    own rules (Input takes the first line and replaces a selection; a read-only TextArea takes
    nothing). Replaces a copy of those handlers that called TextArea's private `_replace_via_keyboard`.
    """

    def on_paste(self, event: events.Paste) -> None:
        event.text = safe_plain(event.text)


def set_column_width(table: DataTable[Any], key: ColumnKey, width: int) -> None:
    """Give a `DataTable` column a new width in place. Textual has no public way to: a column's
    width is read into cached dimensions and rendered lines, which only its own methods refresh,
    through these two private members; removing the column and adding it back would rebuild every
    row. Without them the table keeps drawing the old width."""
    column = table.columns[key]
    if column.width != width:
        column.width = width
        table._require_update_dimensions = True
        table._clear_caches()
        table.refresh()


def being_removed(widget: Widget) -> bool:
    """Whether Textual has begun removing `widget` (a callback queued before may still arrive).
    Textual marks it with the private `_pruning`; its public `display` reads False from then on
    while the widget's style still says to show it, which is what is read here."""
    return not widget.display and widget.styles.display != "none"
