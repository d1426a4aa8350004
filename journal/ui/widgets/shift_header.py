"""The one-line header on every pane: the app's name, today's date, and whether the shift is closed.

"Off shift since 18:42" is a small reward for closing the day; it appears once today's ritual is
done (journal.usecases.ritual.off_shift_since) and never nags when it is not. The date comes from
the app's clock at once; the shift's state is read in a thread worker (on mount, after each save,
and every minute) and reported back by message.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from journal.storage import Store
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.panes.catalog import pane_of
from journal.ui.services import UsesServices
from journal.usecases.ritual import off_shift_since


class _ShiftState(Message):
    def __init__(self, asked: int, closed: datetime | None) -> None:
        super().__init__()
        self.asked, self.closed = asked, closed


class ShiftHeader(UsesServices, ForwardWorkerFailures, Widget):
    """Title on the left, today's date in the middle, the shift state on the right: one line of
    text drawn by one widget (three labels in a row cost every pane's first frame three widgets)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"shift-header--title", "shift-header--state"}
    DEFAULT_CSS = """
    ShiftHeader {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        padding: 0 1;
        & > .shift-header--title { text-style: bold; color: $text-primary; }
        & > .shift-header--state { color: $text-success; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.date_text = ""
        #: how many times the shift's state was asked for: only the latest answer is shown
        self._asked = 0
        #: "off shift since 18:42" once today's shift is closed, else ""
        self.state_text = ""

    @property
    def title_text(self) -> str:
        """The app's name and, when known, the pane this header sits on."""
        pane = pane_of(self.screen)
        return f"{self.app.title} · {pane.title}" if pane else self.app.title

    def on_mount(self) -> None:
        self._read_state()
        # An app left open overnight should show the new day without a restart.
        self.set_interval(60, self.refresh_state)

    def _read_state(self) -> None:
        now = self.now()
        self.date_text = f"{now:%A} {now.day} {now:%B %Y}"
        self._asked += 1
        self._read_shift(self.store, now, self._asked)

    @work(thread=True, group="shift-header", exit_on_error=False)
    def _read_shift(self, store: Store, now: datetime, asked: int) -> None:
        self.post_message(_ShiftState(asked, off_shift_since(store, now)))

    @on(_ShiftState)
    def _shift_read(self, event: _ShiftState) -> None:
        event.stop()
        if event.asked != self._asked:
            return  # a newer answer is on its way
        state_text = f"off shift since {event.closed:%H:%M}" if event.closed else ""
        if state_text != self.state_text:
            self.state_text = state_text
            self.refresh()

    def refresh_state(self) -> None:
        """Re-read the date and today's shift state; call after saving anything."""
        if self.is_mounted:
            self._read_state()
            self.refresh()

    def render(self) -> Content:
        """The three parts in three equal columns, as the labels were: left, centred, right."""
        width = self.content_region.width
        third, rest = divmod(width, 3)
        widths = (third, third + rest, third)
        title = Content(self.title_text).truncate(widths[0], ellipsis=True)
        date = Content(self.date_text).truncate(widths[1], ellipsis=True)
        state = Content(self.state_text).truncate(widths[2], ellipsis=True)
        before_date = (widths[1] - date.cell_length) // 2
        return Content.assemble(
            title.stylize(self.get_visual_style("shift-header--title")),
            " " * (widths[0] - title.cell_length + before_date),
            date,
            " " * (widths[1] - before_date - date.cell_length + widths[2] - state.cell_length),
            state.stylize(self.get_visual_style("shift-header--state")),
        )
