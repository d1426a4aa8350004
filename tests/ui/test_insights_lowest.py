"""Issue 14, point 4: "lowest week" is chosen among the rows the chart shows, one week of data marks
nothing, and the share column says what it is a share of."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from journal.demo import DEMO_NOW
from journal.domain.models import Entry, Kind
from journal.storage import open_store
from journal.ui.app import JournalApp
from tests.ui.conftest import frozen_clock
from tests.ui.test_insights import SIZE, open_pane


def text_of(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector).render())


async def test_one_week_of_data_marks_nothing_lowest(db_path: Path) -> None:
    store = open_store(db_path)
    store.set_setting("welcomed", True)
    store.save_many(
        [
            Entry(
                Kind.MOOD,
                DEMO_NOW - timedelta(days=d, hours=2),
                "Caseload is through the roof, fourteen clients this week.",
                mood=2 + d % 2,
            )
            for d in range(4)
        ]
    )
    async with JournalApp(store, clock=frozen_clock).run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        mood = text_of(screen, "#ins-mood")
        assert "← lowest" not in mood and "Lowest:" not in mood
        assert "No lowest week yet: that needs at least two weeks with 3 or more entries with a mood." in mood
        assert screen.figures is not None and screen.figures.lowest is None
        tags = text_of(screen, "#ins-tags")
        assert "share: of the 84 days in this period, the part on which it came up." in tags
    store.close()


async def test_the_lowest_is_a_row_of_the_chart_and_thin_weeks_are_named(db_path: Path) -> None:
    store = open_store(db_path)
    store.set_setting("welcomed", True)
    entries = []
    for week, (mood, n) in enumerate([(4, 3), (3, 3), (1, 1)]):  # the worst week has one entry only
        for i in range(n):
            entries.append(Entry(Kind.MOOD, DEMO_NOW - timedelta(days=7 * week + i, hours=2), "A day.", mood=mood))
    store.save_many(entries)
    async with JournalApp(store, clock=frozen_clock).run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        mood = text_of(screen, "#ins-mood")
        marked = [line for line in mood.splitlines() if "← lowest" in line]
        assert len(marked) == 1 and " 3.0 " in marked[0]
        assert "Not compared: 1 week with fewer than 3 entries with a mood." in mood
    store.close()
