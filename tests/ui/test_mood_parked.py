"""The Mood pane's "Parked last time": open loops from the last ritual, ticked off, carried or let go.

Driven from the keyboard on the real app; what matters is checked in the journal file itself.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from textual.app import App, ComposeResult

from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.panes.mood import MoodPane
from journal.ui.widgets.parked_list import ParkedList, ParkedSection
from tests.waiting import settle, until

NOW = datetime(2026, 11, 20, 18, 42, tzinfo=UTC)
LOOPS = ["ring the GP back", "update the care plan", "order more worksheets"]


@pytest.fixture
def store(welcomed_store: Store) -> Store:
    return welcomed_store


def parked_store(store: Store) -> Store:
    for text in LOOPS:
        store.park(text)
    return store


def statuses(store: Store) -> dict[str, str]:
    return {p.text: p.status for p in store.parked(status=None)}


def section(app: JournalApp) -> ParkedSection:
    return app.screen.query_one(ParkedSection)


def section_shown(app: JournalApp) -> bool:
    """Whether "Parked last time" is on screen (it is only built once something is parked)."""
    return any(s.display for s in app.screen.query(ParkedSection))


def lines(app: JournalApp) -> list[str]:
    listed = app.screen.query_one(ParkedList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def shown(pilot) -> None:  # type: ignore[no-untyped-def]
    await until(
        pilot,
        lambda: isinstance(pilot.app.screen, MoodPane) and section_shown(pilot.app),
        "the parked items were shown",
    )


async def test_open_items_are_shown_with_the_ritual_keys(store: Store) -> None:
    parked_store(store)
    store.set_parked_status(store.park("already sorted").id, "done")
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        assert [line.split("  ·")[0] for line in lines(app)] == [f"○ {t}" for t in LOOPS]
        assert all(line.endswith("· still open") for line in lines(app))
        assert section(app).title == "Parked last time · 3 still open"
        assert not section(app).collapsed  # room enough: unfolded
        assert "d done · c carry again · x let go" in str(section(app).query_one(".parked-hint").render())


async def test_tick_off_drop_and_carry_save_at_once(store: Store) -> None:
    parked_store(store)
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        app.screen.query_one(ParkedList).focus()
        await pilot.press("d", "down", "x", "down", "c")
        await until(pilot, lambda: statuses(store)["update the care plan"] == "dropped", "the marks were saved")
        await until(pilot, lambda: statuses(store)["ring the GP back"] == "done", "the tick was saved")
        assert statuses(store)["order more worksheets"] == "open"  # carried again: still open
        assert [line.split(" ", 1)[0] for line in lines(app)] == ["✓", "✗", "→"]
        assert lines(app)[0].endswith("· done") and lines(app)[1].endswith("· let go")
        assert section(app).title == "Parked last time · 1 still open"

        await pilot.press("f5")  # away and back: only what is still open comes back
        await pilot.pause()
        await pilot.press("f3")
        await until(pilot, lambda: len(lines(app)) == 1, "the list was re-read")
        assert lines(app) == ["→ order more worksheets  · carried to tomorrow"]


async def test_changing_your_mind_keeps_the_last_choice(store: Store) -> None:
    parked_store(store)
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        app.screen.query_one(ParkedList).focus()
        await pilot.press("x", "d", "c")
        await until(pilot, lambda: not any(w.is_running for w in app.workers), "the saves finished")
        assert statuses(store)["ring the GP back"] == "open"
        assert lines(app)[0].startswith("→ ring the GP back")


async def test_hidden_when_nothing_is_open(store: Store) -> None:
    store.set_parked_status(store.park("already sorted").id, "done")
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: not any(w.is_running for w in app.workers), "the pane loaded")
        await settle(pilot)
        assert not section_shown(app)
        assert app.screen.query_one("#mood-recent-title").region.y <= 3  # recent entries keep the top


async def test_the_last_one_sorted_hides_the_section_next_time(store: Store) -> None:
    store.park("ring the GP back")
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await shown(pilot)
        app.screen.query_one(ParkedList).focus()
        await pilot.press("d")
        await until(pilot, lambda: statuses(store)["ring the GP back"] == "done", "the tick was saved")
        assert section(app).title == "Parked last time · nothing left open"
        assert section(app).display  # still there this visit, so the tick can be seen (and undone)
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f3")
        await until(pilot, lambda: not section_shown(app), "the empty section went away")


async def test_folded_on_a_small_terminal(store: Store) -> None:
    parked_store(store)
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot)
        folded = section(app)
        assert folded.collapsed and folded.outer_size.height == 1
        folded.query_one("CollapsibleTitle").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not folded.collapsed and app.screen.query_one(ParkedList).region.height == len(LOOPS)
        assert app.screen.query_one("#mood-recent-title").region.bottom < 23  # recent still in view


# the list itself --------------------------------------------------------------------------------


class _OneList(App[None]):
    def __init__(self, listed: ParkedList) -> None:
        super().__init__()
        self.listed, self.marked = listed, []

    def compose(self) -> ComposeResult:
        yield self.listed

    def on_parked_list_marked(self, event: ParkedList.Marked) -> None:
        self.marked.append((event.item_id, event.mark, event.status))


async def test_the_list_keeps_marks_only_for_items_still_listed(store: Store) -> None:
    items = [store.park(t) for t in LOOPS]
    marks = {items[0].id: "done", items[2].id: "carried"}
    app = _OneList(ParkedList(items, marks=marks))
    async with app.run_test() as pilot:
        listed = app.listed
        assert listed.still_open == 2  # carried counts as open; done does not
        listed.show(items[:2])
        assert marks == {items[0].id: "done"} and listed.still_open == 1
        assert listed.option_count == 2
        listed.focus()
        await pilot.press("down", "x", "enter")  # enter picks nothing: only the keys decide
        await pilot.pause()
        assert app.marked == [(items[1].id, "dropped", "dropped")]
        assert marks[items[1].id] == "dropped" and listed.still_open == 0


async def test_carry_is_stored_as_open(store: Store) -> None:
    item = store.park("ring the GP back")
    app = _OneList(ParkedList([item]))
    async with app.run_test() as pilot:
        app.listed.focus()
        await pilot.press("c")
        await pilot.pause()
        assert app.marked == [(item.id, "carried", "open")]
