"""Snapshots of the Brief view on the demo journal (clock frozen at DEMO_NOW) with two entries starred:
the top of the brief at 120x40, and at 80x24. Refresh with `--snapshot-update` and look at the
pictures before committing."""

from __future__ import annotations

from journal.storage import Store
from tests.ui.conftest import AppFactory
from tests.ui.test_brief import open_from_palette, star_two
from tests.waiting import settle


async def to_brief(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_from_palette(pilot)


async def to_the_quotes(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_from_palette(pilot)
    await pilot.press("end")
    await settle(pilot)


def test_brief_view(demo_store: Store, make_app: AppFactory, snap_compare) -> None:
    star_two(demo_store)
    assert snap_compare(make_app(demo_store), terminal_size=(120, 40), run_before=to_brief)


def test_brief_view_quotes(demo_store: Store, make_app: AppFactory, snap_compare) -> None:
    star_two(demo_store)
    assert snap_compare(make_app(demo_store), terminal_size=(120, 40), run_before=to_the_quotes)


def test_brief_view_narrow(demo_store: Store, make_app: AppFactory, snap_compare) -> None:
    star_two(demo_store)
    assert snap_compare(make_app(demo_store), terminal_size=(80, 24), run_before=to_brief)
