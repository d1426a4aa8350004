"""The History pane through the keyboard, checked against the widgets and the database alike."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import TabbedContent

from journal.demo import DEMO_NOW
from journal.domain.filters import parse_filter
from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.dialogs.entry_detail import EntryDetail
from journal.ui.dialogs.entry_edit import EntryEdit
from journal.ui.panes.history import HistoryPane
from journal.ui.panes.history_parts.calendar import MonthCalendar
from journal.ui.panes.history_parts.entry_table import EntryTable
from journal.ui.panes.history_parts.filter_bar import FilterBar
from journal.ui.widgets.tagged_editor import TaggedEditor
from tests.waiting import settle

TZ = ZoneInfo("Europe/London")
SIZE = (120, 40)


def pane(app: JournalApp) -> HistoryPane:
    screen = app.screen
    assert isinstance(screen, HistoryPane)
    return screen


def ids(table: EntryTable) -> list[int | None]:
    return [e.id for e in table.entries]


async def open_history(pilot) -> EntryTable:
    await pilot.press("f5")
    table = pane(pilot.app).table
    await settle(pilot)
    return table


async def type_filter(pilot, line: str) -> None:
    bar = pane(pilot.app).query_one(FilterBar)
    bar.input.focus()
    bar.input.value = line
    await pilot.press("enter")
    await settle(pilot)


def expected(store: Store, line: str, limit: int = EntryTable.PAGE) -> list[int | None]:
    return [e.id for e in store.search(parse_filter(line, now=DEMO_NOW).to_query(DEMO_NOW, TZ, limit=limit))]


# --- filtering -----------------------------------------------------------------------------------


async def test_opens_on_everything_newest_first(demo_app: JournalApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        assert ids(table) == [e.id for e in demo_store.search(EntryQuery(limit=100))]
        assert table.row_count == 100
        times = [e.created_at for e in table.entries]
        assert times == sorted(times, reverse=True)
        bar = pane(demo_app).filter_bar
        assert bar._count == demo_store.count(EntryQuery(limit=None))


FILTERS = [
    "sleep",
    '"work phone"',
    "tir*",
    "tag:after-hours",
    "#caseload",
    "kind:boundary",
    "since:2026-11-01 until:2026-11-10",
    "since:last month",
    "on:2026-11-03..2026-11-06",
    "tag:caseload kind:mood since:2026-09",
    "slept tag:sleep kind:mood since:2026-06",
]


async def test_each_filter_and_composed(demo_app: JournalApp, demo_store: Store) -> None:
    """One app for every line (booting one per line would be slow): each must match the store."""
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        bar = pane(demo_app).filter_bar
        for line in FILTERS:
            await type_filter(pilot, line)
            want = expected(demo_store, line)
            assert want, f"the demo journal should have entries for {line!r}"
            assert ids(table) == want, line
            spec = parse_filter(line, now=DEMO_NOW)
            assert bar.spec == spec and bar.error is None
            assert bar._count == demo_store.count(spec.to_query(DEMO_NOW, TZ, limit=None)), line
            if spec.text:  # matches come highlighted, from the snippet
                assert all(e.snippet and "«" in e.snippet for e in table.entries), line


async def test_a_mistake_is_one_sentence_and_keeps_the_list(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        before = ids(table)
        await type_filter(pilot, "kind:feelings")
        bar = pane(demo_app).filter_bar
        assert bar.error == "The kind is mood, boundary or ritual, like kind:mood."
        assert ids(table) == before


async def test_nothing_matches_says_so(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        await type_filter(pilot, "zzzqqq")
        assert table.row_count == 0
        assert pane(demo_app).query_one("#history-empty").display


# --- paging --------------------------------------------------------------------------------------


@pytest.fixture
def big_store(empty_store: Store) -> Store:
    start = DEMO_NOW - timedelta(days=500)
    empty_store.save_many(
        (Entry(Kind.MOOD, start + timedelta(days=i), f"day {i}", mood=1 + i % 5) for i in range(500)), tag=False
    )
    empty_store.set_setting("welcomed", True)
    return empty_store


async def test_pages_load_only_as_the_cursor_nears_the_end(
    big_store: Store, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[EntryQuery] = []
    real = big_store.search

    def counting(query: EntryQuery) -> list[Entry]:
        if query.limit == EntryTable.PAGE:  # the History table's pages (other panes ask for less)
            calls.append(query)
        return real(query)

    monkeypatch.setattr(big_store, "search", counting)
    app = make_app(big_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        assert table.row_count == 100 and len(calls) == 1 and calls[0].limit == 100
        await pilot.press("down", "down")
        await settle(pilot)
        assert table.row_count == 100 and len(calls) == 1  # nowhere near the end: nothing fetched
        await pilot.press("end")
        await settle(pilot)
        assert table.row_count == 200 and len(calls) == 2 and calls[1].offset == 100
        await pilot.press("end")
        await settle(pilot)
        assert table.row_count == 300 and len(calls) == 3
        assert [e.text for e in table.entries] == [f"day {i}" for i in range(499, 199, -1)]
        assert len(calls) == table.pages_requested
        for _ in range(4):
            await pilot.press("end")
            await settle(pilot)
        assert table.row_count == 500 and table.exhausted
        assert len(calls) <= 6 and all(q.limit == 100 for q in calls)


# --- the calendar --------------------------------------------------------------------------------


async def test_calendar_moves_by_day_month_and_year(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("c")
        await pilot.pause()
        calendar = pane(demo_app).query_one(MonthCalendar)
        assert demo_app.focused is calendar and calendar.cursor == date(2026, 11, 20)
        await pilot.press("right_square_bracket")
        assert calendar.cursor == date(2026, 12, 20)
        await pilot.press("left_curly_bracket")
        assert calendar.cursor == date(2025, 12, 20)
        await pilot.press("shift+down", "shift+left", "left_square_bracket")
        assert calendar.cursor == date(2026, 10, 20)
        await pilot.press("home", "left", "up")
        assert calendar.cursor == date(2026, 11, 12)
        await settle(pilot)
        days = calendar.days_of(date(2026, 11, 1))
        assert days is not None and days[date(2026, 11, 12)].count > 0


async def test_enter_on_a_day_shows_its_entries(demo_app: JournalApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        await pilot.press("c", "home", "left", "enter")
        await settle(pilot)
        assert pane(demo_app).query_one(TabbedContent).active == "history-list"
        bar = pane(demo_app).filter_bar
        assert bar.input.value == "on:2026-11-19"
        want = demo_store.search(
            EntryQuery(since=datetime(2026, 11, 19, tzinfo=TZ), until=datetime(2026, 11, 20, tzinfo=TZ), limit=None)
        )
        assert want and ids(table) == [e.id for e in want]
        assert demo_store.day_moods(date(2026, 11, 19), date(2026, 11, 20))[date(2026, 11, 19)].count == len(want)


async def test_on_this_day_lists_earlier_months(demo_app: JournalApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("c")
        await settle(pilot)
        shown = pane(demo_app)._on_this_day
        assert [e.id for e in shown.values()] == [e.id for e in demo_store.on_this_day(date(2026, 11, 20))]
        assert all(e.local_day.day == 20 and e.local_day < date(2026, 11, 1) for e in shown.values())


# --- detail, edit, trash -------------------------------------------------------------------------


@pytest.fixture
def small_store(empty_store: Store) -> Store:
    empty_store.set_setting("welcomed", True)
    first = empty_store.save(Entry(Kind.MOOD, DEMO_NOW - timedelta(days=1), "Couldn't sleep again.", mood=2))
    empty_store.reject_tag(first.id, "sleep")
    empty_store.save(Entry(Kind.MOOD, DEMO_NOW - timedelta(hours=2), "A calm [bold]day[/bold].", mood=4))
    return empty_store


async def test_edit_retags_and_rejected_stays_rejected(small_store: Store, make_app) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryDetail)
        entry_id = app.screen.entry.id
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EntryEdit)
        editor = app.screen.query_one(TaggedEditor)
        assert editor.text == "Couldn't sleep again." and editor.rejected == {"sleep"}
        editor.text_area.load_text("Couldn't sleep again. Headache all afternoon.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EntryDetail)
        stored = small_store.get(entry_id)
        assert stored.text == "Couldn't sleep again. Headache all afternoon."
        assert [t.name for t in stored.visible_tags] == ["headache"]
        assert [t.name for t in stored.tags if t.rejected] == ["sleep"]
        await pilot.press("escape")
        await settle(pilot)
        row = table.entries[1]
        assert row.id == entry_id and row.text.endswith("afternoon.")
        assert "headache" in str(table.get_row_at(1)[3])


async def test_delete_then_undo(small_store: Store, make_app) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        victim = table.entries[0].id
        await pilot.press("enter", "d")
        await settle(pilot)
        assert isinstance(app.screen, HistoryPane)
        assert small_store.get(victim).deleted_at is not None
        assert ids(table) == [e.id for e in small_store.search(EntryQuery())] and victim not in ids(table)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert small_store.get(victim).deleted_at is None
        assert victim in ids(table)
        await pilot.press("ctrl+z")  # nothing left to undo: nothing happens
        await settle(pilot)
        assert small_store.get(victim).deleted_at is None


async def test_trash_restore_and_purge(small_store: Store, make_app) -> None:
    keep, gone = (e.id for e in small_store.search(EntryQuery()))
    small_store.delete(keep)
    small_store.delete(gone)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        assert table.row_count == 0
        await pilot.press("t")
        await settle(pilot)
        assert pane(app).filter_bar.input.value == "in:trash"
        assert ids(table) == [keep, gone]
        await pilot.press("enter", "r")
        await settle(pilot)
        assert small_store.get(keep).deleted_at is None and ids(table) == [gone]
        await pilot.press("enter", "x")
        await pilot.pause()
        assert small_store.get(gone) is not None  # one press only asks
        await pilot.press("x")
        await settle(pilot)
        assert small_store.get(gone) is None and table.row_count == 0
        await pilot.press("t")
        await settle(pilot)
        assert ids(table) == [keep]


async def test_user_text_stays_literal(small_store: Store, make_app) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        assert table.get_row_at(0)[4].plain == "A calm [bold]day[/bold]."
        await pilot.press("enter")
        await pilot.pause()
        text = app.screen.query_one("#detail-text")
        assert "[bold]day[/bold]" in str(text.render())
