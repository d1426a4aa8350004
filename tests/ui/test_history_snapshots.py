"""Snapshots of the History pane on the seeded demo journal with the clock frozen at DEMO_NOW.

The list, a filtered list with highlighted matches, the calendar, and an entry's detail. Refresh with
`--snapshot-update` and look at the pictures before committing them.
"""

from __future__ import annotations

from journal.ui.app import JournalApp
from journal.ui.panes.history_parts.filter_bar import FilterBar
from tests.waiting import settle

SIZE = (120, 40)


async def history(pilot) -> None:
    await pilot.press("f5")
    await settle(pilot)


async def filtered(pilot) -> None:
    await history(pilot)
    bar = pilot.app.screen.query_one(FilterBar)
    bar.input.focus()
    bar.input.value = "tir* kind:mood since:last month"
    await pilot.press("enter")
    await settle(pilot)


async def calendar(pilot) -> None:
    await history(pilot)
    await pilot.press("c", "left")
    await settle(pilot)


async def detail(pilot) -> None:
    await history(pilot)
    await pilot.press("down", "enter")
    await settle(pilot)


def test_history_list(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=history)


def test_history_filtered(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=filtered)


def test_history_calendar(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=calendar)


def test_history_detail(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=detail)


def test_history_narrow(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=history)
