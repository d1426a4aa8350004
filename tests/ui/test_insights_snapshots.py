"""Snapshots of the Insights pane on the demo journal with the clock frozen at DEMO_NOW: the top (the
stressors and symptoms), the rest (weekday pattern, what helps, mood chart, pairs), a year, a narrow
terminal, and the early notice on a constructed rising history. Refresh with `--snapshot-update` and
look at the pictures before committing.
"""

from __future__ import annotations

from journal.storage import Store
from journal.ui.app import JournalApp
from tests.ui.conftest import AppFactory
from tests.ui.test_insights import rising_history
from tests.waiting import settle


async def to_pane(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f6")
    await settle(pilot)


async def scrolled_to_the_end(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_pane(pilot)
    await pilot.press("end")
    await settle(pilot)


async def a_year(pilot) -> None:  # type: ignore[no-untyped-def]
    await to_pane(pilot)
    await pilot.press("4")
    await settle(pilot)
    await pilot.press("end")
    await settle(pilot)


def test_insights_top(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=to_pane)


def test_insights_patterns(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=scrolled_to_the_end)


def test_insights_a_year(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=a_year)


def test_insights_narrow(demo_app: JournalApp, snap_compare) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=to_pane)


def test_insights_early_notice(empty_store: Store, make_app: AppFactory, snap_compare) -> None:
    rising_history(empty_store)
    assert snap_compare(make_app(empty_store), terminal_size=(120, 40), run_before=to_pane)
