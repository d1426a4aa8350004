"""The one-line header on every pane: the app's name, today's date, and whether the shift is closed.

"Off shift since 18:42" is a small reward for closing the day; it appears once today's ritual is
done (a ritual entry today, or the `off_shift_since` setting the ritual may record) and never nags
when it is not.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from journal.domain.models import EntryQuery, Kind
from journal.storage import Store
from journal.ui.panes.catalog import pane_of

if TYPE_CHECKING:
    from journal.ui.app import JournalApp


def _start_of_day(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def off_shift_since(store: Store, now: datetime) -> datetime | None:
    """When today's shift was closed, in `now`'s time zone, or None if it is still open."""
    start = _start_of_day(now)
    rituals = store.search(EntryQuery(kind=Kind.RITUAL, since=start, limit=1))
    if rituals:
        return rituals[0].created_at.astimezone(now.tzinfo)
    recorded = store.get_setting("off_shift_since")
    if isinstance(recorded, str):
        try:
            moment = datetime.fromisoformat(recorded).astimezone(now.tzinfo)
        except ValueError:
            return None
        if start <= moment <= now:
            return moment
    return None


class ShiftHeader(Horizontal):
    """Title on the left, today's date in the middle, the shift state on the right."""

    DEFAULT_CSS = """
    ShiftHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    ShiftHeader > Label { width: 1fr; }
    ShiftHeader > #shift-title { text-style: bold; color: $text-primary; }
    ShiftHeader > #shift-date { content-align: center middle; text-align: center; }
    ShiftHeader > #shift-state { text-align: right; color: $text-success; }
    """

    def compose(self) -> ComposeResult:
        date, state = self._state()  # born with what it shows: nothing to re-lay out once mounted
        yield Label(self._title(), id="shift-title", markup=False)
        yield Label(date, id="shift-date")
        yield Label(state, id="shift-state")

    def _title(self) -> str:
        """The app's name and, when known, the pane this header sits on."""
        pane = pane_of(self.screen)
        return f"{self.app.title} · {pane.title}" if pane else self.app.title

    def on_mount(self) -> None:
        # An app left open overnight should show the new day without a restart.
        self.set_interval(60, self.refresh_state)

    def _state(self) -> tuple[str, str]:
        """Today's date, and the shift state in words ("" while the shift is open)."""
        app = cast("JournalApp", self.app)
        now = app.clock()
        closed = off_shift_since(app.store, now)
        return f"{now:%A} {now.day} {now:%B %Y}", f"off shift since {closed:%H:%M}" if closed else ""

    def refresh_state(self) -> None:
        """Re-read the date and today's shift state; call after saving anything."""
        if not self.is_mounted:
            return
        date, state = self._state()
        self.query_one("#shift-date", Label).update(date)
        self.query_one("#shift-state", Label).update(state)
