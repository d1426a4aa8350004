"""The History pane: every entry, newest first, with one filter line, a month calendar and the trash.

Two tabs. "Entries": the filter line (journal.domain.filters grammar; the same query `journal search`
runs) over a lazily paged table; Enter opens an entry. "Calendar": the month coloured by mood, with
"on this day" beside it; Enter on a day filters the list to it. Moving an entry to the trash offers
ctrl+z for a few seconds; `t` shows the trash itself (`in:trash`), where entries can be restored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static, TabbedContent, TabPane

from journal.domain.filters import FilterError, FilterSpec
from journal.domain.models import Entry, EntryQuery
from journal.storage import Store
from journal.ui.boundary_names import remember
from journal.ui.dialogs.entry_detail import EntryDetail
from journal.ui.messages import JournalChanged
from journal.ui.panes.base import PANE_CSS, PaneScreen
from journal.ui.panes.history_parts.calendar import MonthCalendar
from journal.ui.panes.history_parts.entry_table import EntryTable
from journal.ui.panes.history_parts.filter_bar import FilterBar
from journal.ui.widgets.recent_list import RecentList
from journal.ui.widgets.star import star_said

#: Seconds during which ctrl+z brings back an entry just moved to the trash.
UNDO_SECONDS = 8.0
ON_THIS_DAY_LIMIT = 30


class _Counted(Message):
    def __init__(self, spec: FilterSpec, count: int | None) -> None:
        super().__init__()
        self.spec, self.count = spec, count


class _Catalogue(Message):
    """The names of every known tag, for the filter line's completion."""

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names


class _OnThisDay(Message):
    def __init__(self, day: date, entries: list[Entry]) -> None:
        super().__init__()
        self.day, self.entries = day, entries


class _EntryRead(Message):
    """An entry read again after it was edited (None: it is gone)."""

    def __init__(self, entry: Entry | None) -> None:
        super().__init__()
        self.entry = entry


class _Starred(Message):
    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry


class _Restored(Message):
    """An entry just moved to the trash is back."""


class HistoryPane(PaneScreen):
    """See the module docstring."""

    CSS_PATH = [PANE_CSS, Path(__file__).with_name("history.tcss")]
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/"),
        Binding("c", "tab('history-calendar')", "Calendar"),
        Binding("l", "tab('history-list')", "List"),
        Binding("t", "trash", "Trash"),
        Binding("s", "star", "Star"),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        # a searched word that is also a tag ("sleep"): search the tag, which finds "slept" too
        Binding("ctrl+t", "words_as_tags", "As a tag", priority=True, show=False),  # the status line names it
    ]

    def __init__(self) -> None:
        super().__init__()
        self._undo: tuple[int, Timer] | None = None
        self._in_dialog = False
        self._away = False
        self._count_next: tuple[FilterSpec, EntryQuery] | None = None
        self._on_this_day: dict[str, Entry] = {}

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="history-tabs"):
            with TabPane(Content("Entries"), id="history-list"):
                yield FilterBar(id="history-filter-bar")
                yield EntryTable(id="history-table")
                yield Static(id="history-empty")
            with TabPane(Content("Calendar"), id="history-calendar"):
                with Horizontal(id="history-calendar-body"):
                    yield MonthCalendar(self.now().date(), id="history-month")
                    with Vertical(id="history-side"):
                        yield Static(id="history-side-title")
                        yield RecentList(id="history-on-this-day")

    # pieces ------------------------------------------------------------------------------------------
    @property
    def table(self) -> EntryTable:
        return self.query_one(EntryTable)

    @property
    def filter_bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    # loading -----------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._load_catalogue(self.store)
        self.query_one("#history-empty").display = False
        self.filter_bar.apply(FilterSpec())
        self._fetch_on_this_day(self.store, self.query_one(MonthCalendar).cursor)
        self.table.focus()

    def on_screen_suspend(self) -> None:
        self._away = not self._in_dialog

    def on_screen_resume(self) -> None:
        self._in_dialog = False  # back from our own dialog: its callback refreshes what changed
        if self._away:
            self._away = False
            self.reload(keep_cursor=True)  # another pane may have written something

    def reload(self, *, keep_cursor: bool = False) -> None:
        self._apply(self.filter_bar.spec, keep_cursor=keep_cursor)
        self.query_one(MonthCalendar).reload()

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        self._apply(event.spec)

    def _apply(self, spec: FilterSpec, *, keep_cursor: bool = False) -> None:
        now = self.now()
        try:
            spec.to_query(now, now.tzinfo)
        except FilterError as exc:
            self.filter_bar.show_error(str(exc))
            return

        def query_for(limit: int, offset: int) -> EntryQuery:
            return spec.to_query(now, now.tzinfo, limit=limit, offset=offset)

        self.table.load(query_for, keep_cursor=keep_cursor)
        # counted once the first page is on screen: the page matters first, and they share one lock
        self._count_next = (spec, query_for(0, 0))

    @work(thread=True, exclusive=True, group="history-count", exit_on_error=False)
    def _count(self, store: Store, spec: FilterSpec, query: EntryQuery) -> None:
        self.post_message(_Counted(spec, store.count(query)))

    @on(_Counted)
    def _counted(self, event: _Counted) -> None:
        if event.spec == self.filter_bar.spec:
            self.filter_bar.show_count(event.count)

    @on(EntryTable.PageLoaded)
    def _page_loaded(self, event: EntryTable.PageLoaded) -> None:
        if self._count_next is not None:
            self._count(self.store, *self._count_next)
            self._count_next = None
        empty = self.query_one("#history-empty", Static)
        empty.display = event.rows == 0
        if event.rows == 0:
            spec = self.filter_bar.spec
            empty.update(
                "The trash is empty."
                if spec == FilterSpec(trash=True)
                else "Nothing written yet. Entries from every pane will show up here."
                if spec.is_empty
                else "No entries match this filter. Try fewer words or a wider date range."
            )

    @work(thread=True, group="history-catalogue", exit_on_error=False)
    def _load_catalogue(self, store: Store) -> None:
        remember(store.boundary_kinds())  # the Kind column names a person's own kinds as they did
        self.post_message(_Catalogue([t.name for t in store.tag_catalogue()]))

    @on(_Catalogue)
    def _catalogue_read(self, event: _Catalogue) -> None:
        self.filter_bar.set_tags(event.names)

    # the list ----------------------------------------------------------------------------------------
    def action_search(self) -> None:
        self.action_tab("history-list")
        self.filter_bar.input.focus()

    @on(Input.Submitted, "#history-filter")
    def _submitted(self) -> None:
        if self.filter_bar.error is None:
            self.table.focus()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        (self.table if tab == "history-list" else self.query_one(MonthCalendar)).focus()

    def action_trash(self) -> None:
        spec = self.filter_bar.spec
        self.filter_bar.set_spec(replace(spec, trash=not spec.trash))
        self.action_tab("history-list")

    @on(EntryTable.Opened)
    def _opened(self, event: EntryTable.Opened) -> None:
        self.open_entry(event.entry)

    def open_entry(self, entry: Entry) -> None:
        def closed(result: str | None) -> None:
            if result == "edited":
                self._refresh_entry(self.store, entry.id)
            elif result in ("deleted", "restored", "purged"):
                self.table.drop_entry(entry.id)
                self._after_change()
                if result == "deleted" and entry.id is not None:  # a listed entry is a stored one
                    self._offer_undo(entry.id)

        self._in_dialog = True
        self.app.push_screen(EntryDetail(entry), closed)

    def _after_change(self) -> None:
        self.query_one(MonthCalendar).reload()
        self._count(self.store, self.filter_bar.spec, self.filter_bar.spec.to_query(self.now(), self.now().tzinfo))
        self.post_message(JournalChanged())

    @work(thread=True, group="history-refresh", exit_on_error=False)
    def _refresh_entry(self, store: Store, entry_id: int) -> None:
        self.post_message(_EntryRead(store.get(entry_id)))

    @on(_EntryRead)
    def _entry_refreshed(self, event: _EntryRead) -> None:
        if event.entry is not None:
            self.table.replace_entry(event.entry, self.now())
            self._after_change()

    # starring ----------------------------------------------------------------------------------------
    def action_star(self) -> None:
        """Star the highlighted entry to bring to supervision, or take its star off."""
        entry = self.table.highlighted_entry()
        if entry is None or entry.id is None:
            return
        self._star(self.store, entry.id, not entry.starred)

    @work(thread=True, group="history-star", exit_on_error=False)
    def _star(self, store: Store, entry_id: int, starred: bool) -> None:
        from journal.usecases.entries import star

        self.post_message(_Starred(star(store, entry_id, starred)))

    @on(_Starred)
    def _starred(self, event: _Starred) -> None:
        self.table.replace_entry(event.entry, self.now())
        self.notify(star_said(event.entry), markup=False, timeout=4)

    # undo --------------------------------------------------------------------------------------------
    def _offer_undo(self, entry_id: int) -> None:
        if self._undo is not None:
            self._undo[1].stop()
        self._undo = (entry_id, self.set_timer(UNDO_SECONDS, self._undo_expired))
        self.refresh_bindings()
        self.notify("Ctrl+Z brings it back; t shows the trash.", title="Moved to the trash", timeout=UNDO_SECONDS)

    def _undo_expired(self) -> None:
        self._undo = None
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self._undo is not None
        if action == "star":  # on the list of entries only (the calendar's Enter picks a day)
            return self._active_tab() in ("history-list", None)
        if action == "tab":  # the key of the tab already shown does nothing: leave the footer room
            return parameters[0] != self._active_tab()
        if action == "words_as_tags":
            return bool(self.filter_bar.words_that_are_tags)
        return True

    def action_words_as_tags(self) -> None:
        self.filter_bar.words_as_tags()

    def _active_tab(self) -> str | None:
        tabs = self.query(TabbedContent)
        return tabs.first().active if tabs else None

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        self.refresh_bindings()

    def action_undo(self) -> None:
        if self._undo is None:
            return
        entry_id, timer = self._undo
        timer.stop()
        self._undo = None
        self.refresh_bindings()
        self._restore(self.store, entry_id)

    @work(thread=True, group="history-undo", exit_on_error=False)
    def _restore(self, store: Store, entry_id: int) -> None:
        store.restore(entry_id)
        self.post_message(_Restored())

    @on(_Restored)
    def _undone(self) -> None:
        self.notify("It's back.", timeout=3)
        self.reload(keep_cursor=True)
        self.post_message(JournalChanged())

    # the calendar ------------------------------------------------------------------------------------
    @on(MonthCalendar.CursorMoved)
    def _day_moved(self, event: MonthCalendar.CursorMoved) -> None:
        self._fetch_on_this_day(self.store, event.day)

    @work(thread=True, exclusive=True, group="history-on-this-day", exit_on_error=False)
    def _fetch_on_this_day(self, store: Store, day: date) -> None:
        self.post_message(_OnThisDay(day, store.on_this_day(day, ON_THIS_DAY_LIMIT)))

    @on(_OnThisDay)
    def _on_this_day_read(self, event: _OnThisDay) -> None:
        day = event.day
        if day != self.query_one(MonthCalendar).cursor:
            return
        self._on_this_day = {f"entry-{e.id}": e for e in event.entries}
        self.query_one("#history-side-title", Static).update(
            Content.assemble(("On this day", "bold"), f"\nthe {day.day}{_ordinal(day.day)} in earlier months")
        )
        self.query_one(RecentList).show(event.entries, self.now())

    @on(MonthCalendar.DaySelected)
    def _day_chosen(self, event: MonthCalendar.DaySelected) -> None:
        # the whole day, as the calendar counted it: other filters would hide some of what it showed
        self.filter_bar.set_spec(FilterSpec().with_day(event.day.isoformat()))
        self.action_tab("history-list")

    @on(OptionList.OptionSelected, "#history-on-this-day")
    def _on_this_day_chosen(self, event: OptionList.OptionSelected) -> None:
        entry = self._on_this_day.get(event.option.id or "")
        if entry is not None:
            self.open_entry(entry)


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
