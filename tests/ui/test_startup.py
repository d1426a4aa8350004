"""How the app starts: the collector paused until the first frame, and a first frame that is final."""

from __future__ import annotations

import gc
from typing import Any

from textual.pilot import Pilot

from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.widgets.recent_list import RecentList

from .conftest import AppFactory


def test_the_collector_waits_for_the_first_frame_and_no_longer(demo_store: Store, make_app: AppFactory) -> None:
    """`run` (the real start, not `run_test`) pauses garbage collection while the first pane is
    built and resumes it once that pane is on screen, with what was built frozen; and resumes it
    on the way out whatever happens."""
    seen: dict[str, Any] = {}

    async def look(pilot: Pilot[None]) -> None:
        seen["during"] = gc.isenabled()  # the pilot starts as the first layout is done
        await pilot.pause()
        seen["after"], seen["frozen"] = gc.isenabled(), gc.get_freeze_count()
        pilot.app.exit()

    app = make_app(demo_store)
    try:
        app.run(headless=True, size=(120, 40), auto_pilot=look)
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    assert seen["during"] is False
    assert seen["after"] is True and seen["frozen"] > 0
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_app_fails_to_start(demo_store: Store, make_app: AppFactory) -> None:
    app = make_app(demo_store)

    async def fail(pilot: Pilot[None]) -> None:
        raise RuntimeError("a pilot that fails before anything else")

    try:
        app.run(headless=True, size=(120, 40), auto_pilot=fail)
    except Exception:
        pass
    finally:
        gc.unfreeze()
    assert gc.isenabled()


async def test_the_mood_pane_opens_with_its_entries_already_in_place(
    demo_app: JournalApp,
) -> None:
    """What the first frame shows is read as the pane is built: no list fills in a moment later."""
    async with demo_app.run_test(size=(120, 40)):
        recent = demo_app.screen.query_one(RecentList)
        # before any pause: the entries, the class that gives the list its scrollbar from the start
        # and the privacy reminder are all there at the first chance to look
        assert recent.option_count > 0 and recent.has_class("-entries")
        assert demo_app.screen.query("#mood-reminder")


async def test_the_recent_list_shows_its_scrollbar_when_it_is_wanted_without_rewrapping(
    demo_app: JournalApp,
) -> None:
    """A quiet column until pointed at or focused; the rows keep their width either way."""
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        recent = demo_app.screen.query_one(RecentList)
        width = recent.scrollable_content_region.width
        assert recent.styles.scrollbar_size_vertical == 0 and recent.max_scroll_y > 0
        recent.focus()
        await pilot.pause()
        assert recent.styles.scrollbar_size_vertical == 1
        assert recent.scrollable_content_region.width == width
        await pilot.press("end")
        await pilot.pause()
        assert recent.scroll_y > 0
        demo_app.screen.query_one("#mood-mood").focus()
        await pilot.hover(RecentList)
        await pilot.pause()
        assert recent.styles.scrollbar_size_vertical == 1
