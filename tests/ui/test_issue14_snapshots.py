"""Snapshots for issue 14, points 7 to 16, at 80x24: History offering a word's tag, and the
Boundaries chart reached by Tab. Refresh with `--snapshot-update` and look at the pictures."""

from __future__ import annotations

from journal.ui.app import JournalApp
from journal.ui.panes.history_parts.filter_bar import FilterBar
from tests.waiting import settle

SMALL = (80, 24)


async def word_is_a_tag(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f5")
    await settle(pilot)
    bar = pilot.app.screen.query_one(FilterBar)
    bar.input.focus()
    bar.input.value = "sleep"
    await pilot.press("enter")
    await settle(pilot)


async def chart_by_tab(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("2", "c", "tab", "tab", "tab")  # cost -> note -> when -> the chart
    await settle(pilot)


def test_history_word_that_is_a_tag_small(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SMALL, run_before=word_is_a_tag)


def test_boundaries_chart_reached_by_tab_small(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=SMALL, run_before=chart_by_tab)
