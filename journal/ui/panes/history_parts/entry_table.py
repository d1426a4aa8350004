"""The History timeline: a DataTable that fetches entries a page at a time, only as far as people look.

A journal can hold 100,000 entries, so the table never asks for all of them: it asks the store for one
page (newest first) in a thread worker, and for the next page only when the cursor or the scroll
position comes within `NEAR_END` rows of the end. Every reload bumps a generation number, so a page
that arrives after the filter changed is simply dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey
from textual.worker import get_current_worker

from journal.domain.models import Entry, EntryQuery
from journal.storage import Store
from journal.ui.compat import set_column_width
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.panes.history_parts.rows import COLUMNS, entry_cells
from journal.ui.services import UsesServices

TAGS_WIDTH = 24
MIN_TEXT_WIDTH = 28

#: (limit, offset) -> the query for that page
QueryForPage = Callable[[int, int], EntryQuery]


class EntryTable(UsesServices, ForwardWorkerFailures, DataTable[Content]):
    """Entries newest first, loaded lazily; see the module docstring."""

    PAGE = 100
    NEAR_END = 20
    BINDINGS = [
        Binding("enter", "open", "Open", show=True),
        # the text column fits the width, so Home/End mean the first and last rows loaded
        Binding("home", "scroll_top", "First", show=False),
        Binding("end", "scroll_bottom", "Last", show=False),
    ]

    class Opened(Message):
        """The person asked to open an entry (Enter or a click on the highlighted row)."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class PageLoaded(Message):
        """A page arrived and is on screen (the pane updates its status line)."""

        def __init__(self, rows: int, done: bool) -> None:
            super().__init__()
            self.rows, self.done = rows, done

    class _Page(Message):
        def __init__(self, generation: int, offset: int, entries: list[Entry]) -> None:
            super().__init__()
            self.generation, self.offset, self.entries = generation, offset, entries

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._query_for: QueryForPage | None = None
        self._entries: list[Entry] = []
        self._generation = 0
        self._fetching = False
        self._done = True
        self._keep_row = 0
        self.pages_requested = 0

    def on_mount(self) -> None:
        for key, header, width in COLUMNS:
            self.add_column(Text(header), key=key, width=width or 20)

    def on_resize(self) -> None:
        """Fit the columns to the width: the text takes what is left (Content cannot be measured), and
        in a narrow terminal the tags give way first so the words stay readable."""
        pad = 2 * self.cell_padding
        usable = self.scrollable_content_region.width - pad * len(COLUMNS)
        fixed = sum(width or 0 for key, _, width in COLUMNS if key not in ("tags", "text"))
        tags = min(TAGS_WIDTH, max(0, usable - fixed - MIN_TEXT_WIDTH))
        tags = tags if tags >= 10 else 0
        set_column_width(self, ColumnKey("tags"), tags)
        set_column_width(self, ColumnKey("text"), max(MIN_TEXT_WIDTH, usable - fixed - tags))

    # public ----------------------------------------------------------------------------------------
    @property
    def entries(self) -> list[Entry]:
        """The entries loaded so far, in table order."""
        return list(self._entries)

    @property
    def exhausted(self) -> bool:
        """True when the last page has arrived: there is nothing more to fetch."""
        return self._done

    def load(self, query_for: QueryForPage, *, keep_cursor: bool = False) -> None:
        """Start again from the first page of `query_for` (a new filter, or the journal changed)."""
        self._query_for = query_for
        self._generation += 1
        self._keep_row = self.cursor_row if keep_cursor else 0
        self._entries = []
        self._done = False
        self._fetch_next(replace=True)

    def highlighted_entry(self) -> Entry | None:
        if 0 <= self.cursor_row < len(self._entries) and self.row_count:
            return self._entries[self.cursor_row]
        return None

    def replace_entry(self, entry: Entry, now: datetime) -> None:
        """Show an edited entry in place (no reload: the person keeps their place, however deep)."""
        for index, old in enumerate(self._entries):
            if old.id == entry.id:
                self._entries[index] = entry
                for (key, _, _), cell in zip(COLUMNS, entry_cells(entry, now), strict=True):
                    self.update_cell(str(entry.id), key, cell)
                return

    def drop_entry(self, entry_id: int | None) -> None:
        """Take an entry off the list (moved to or out of the trash) without reloading."""
        for index, old in enumerate(self._entries):
            if old.id == entry_id:
                del self._entries[index]
                self.remove_row(str(entry_id))
                self.post_message(self.PageLoaded(len(self._entries), self._done))
                return

    # paging ----------------------------------------------------------------------------------------
    def _fetch_next(self, *, replace: bool = False) -> None:
        if self._query_for is None or self._done or (self._fetching and not replace):
            return
        self._fetching = True
        self.pages_requested += 1
        offset = 0 if replace else len(self._entries)
        self._fetch(self.store, self._query_for(self.PAGE, offset), self._generation, offset)

    @work(thread=True, exclusive=True, group="history-page", exit_on_error=False)
    def _fetch(self, store: Store, query: EntryQuery, generation: int, offset: int) -> None:
        entries = store.search(query)
        if not get_current_worker().is_cancelled:
            self.post_message(self._Page(generation, offset, entries))

    @on(_Page)
    def _page(self, event: _Page) -> None:
        event.stop()
        if event.generation != self._generation:
            return  # a page for a filter that is no longer on screen
        self._fetching = False
        if event.offset == 0:
            self.clear()
        now = self.now()
        for entry in event.entries:
            self.add_row(*entry_cells(entry, now), key=str(entry.id))
        self._entries.extend(event.entries)
        self._done = len(event.entries) < self.PAGE
        if event.offset == 0 and self.row_count:
            self.move_cursor(row=min(self._keep_row, self.row_count - 1), animate=False)
        self.post_message(self.PageLoaded(len(self._entries), self._done))
        self._maybe_more()

    def _maybe_more(self) -> None:
        """Fetch the next page when the cursor or the bottom of the view nears the loaded end."""
        if self._done or self._fetching or not self.row_count:
            return
        bottom = int(self.scroll_y) + self.scrollable_content_region.height
        if max(self.cursor_row, bottom) >= self.row_count - self.NEAR_END:
            self._fetch_next()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._maybe_more()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._maybe_more()

    # opening ---------------------------------------------------------------------------------------
    def action_open(self) -> None:
        entry = self.highlighted_entry()
        if entry is not None:
            self.post_message(self.Opened(entry))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()
