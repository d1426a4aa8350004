"""The Insights pane through the keyboard: periods by key and by typed range, the early notice on a
constructed rising history (shown, dismissed, still dismissed next time), and the same figures as
`journal stressors --json` (one code path)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from click.testing import CliRunner
from textual.app import App, ComposeResult
from textual.widgets import Button, Static

from journal.cli import cli
from journal.demo import DEMO_NOW
from journal.domain.models import Category, Entry, Kind
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.panes.insights import InsightsPane
from journal.ui.panes.insights_parts.period_bar import PeriodBar
from journal.ui.widgets.early_notice import DISMISSED_KEY, EarlyNoticeBox
from tests.ui.conftest import AppFactory, frozen_clock
from tests.waiting import settle

SIZE = (120, 40)


async def open_pane(pilot) -> InsightsPane:  # type: ignore[no-untyped-def]
    await pilot.press("f6")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, InsightsPane)
    return screen


def days_shown(screen: InsightsPane) -> tuple[date, date]:
    assert screen.figures is not None
    days = screen.figures.period.local_days()
    return days[0], days[-1]


def rising_history(store: Store) -> None:
    """Eight ordinary weeks, then two weeks with exhaustion and broken sleep on most days."""
    entries = []
    for ago in range(69, -1, -1):
        day = DEMO_NOW - timedelta(days=ago, hours=1)
        entries.append(Entry(Kind.MOOD, day, "A steady day, the caseload as ever.", mood=3, energy=3))
        if ago < 9:
            entries.append(Entry(Kind.MOOD, day - timedelta(hours=3), "Drained, nothing left. #sleep", mood=2))
    store.save_many(entries)
    store.set_setting("welcomed", True)


async def test_quick_periods_by_key(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        assert days_shown(screen) == (date(2026, 8, 29), date(2026, 11, 20))  # 12 weeks by default
        for key, first in (("1", date(2026, 11, 7)), ("2", date(2026, 10, 24)), ("4", date(2025, 11, 22))):
            await pilot.press(key)
            await settle(pilot)
            assert days_shown(screen) == (first, date(2026, 11, 20))
        assert screen.query_one("#ins-weeks-52", Button).has_class("-chosen")
        assert not screen.query_one("#ins-weeks-12", Button).has_class("-chosen")
        status = str(screen.query_one("#ins-period-status", Static).render())
        assert "364 days, compared with the 364 days before" in status


async def test_typed_range_and_a_mistake(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        await pilot.press("slash", *"2026-09..2026-10", "enter")
        await settle(pilot)
        assert days_shown(screen) == (date(2026, 9, 1), date(2026, 10, 31))
        assert screen.figures is not None and screen.figures.rows
        await pilot.press("ctrl+a", "ctrl+k", *"since someday", "enter")
        await settle(pilot)
        bar = screen.query_one(PeriodBar)
        assert bar.error is not None and "someday" in bar.error
        assert screen.query_one("#ins-period-status").has_class("-error")
        assert days_shown(screen) == (date(2026, 9, 1), date(2026, 10, 31))  # the last good period stays
        await pilot.press("escape", "1")  # out of the box, then a quick key works again
        await settle(pilot)
        assert days_shown(screen) == (date(2026, 11, 7), date(2026, 11, 20))
        assert bar.error is None


async def test_notice_shows_dismisses_and_stays_dismissed(empty_store: Store, make_app: AppFactory) -> None:
    rising_history(empty_store)
    async with make_app(empty_store).run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        box = screen.query_one(EarlyNoticeBox)
        assert box.display and box.notice is not None
        headline = str(box.query_one("#notice-headline", Static).render())
        assert "come up more in the last two weeks than usual for you" in headline
        assert "exhaustion" in headline.lower() and "sleep trouble" in headline
        urgent = str(box.query_one("#notice-urgent", Static).render())
        assert "not a diagnosis" in urgent and "988" in urgent
        await pilot.click("#notice-dismiss")
        await settle(pilot)
        assert not box.display
        assert empty_store.get_setting(DISMISSED_KEY)["tags"] == ["emotional-exhaustion", "sleep"]
        await pilot.press("2")  # a new period: the notice does not come back
        await settle(pilot)
        assert not box.display
    async with make_app(empty_store).run_test(size=SIZE) as pilot:  # the next day's session
        screen = await open_pane(pilot)
        assert not screen.query_one(EarlyNoticeBox).display


def steady_history(store: Store) -> None:
    """Ten weeks with exhaustion and broken sleep every third day, the last two weeks included: watched
    tags come up often (5 of the last 14 days), but no more than usual."""
    entries = []
    for ago in range(69, -1, -1):
        day = DEMO_NOW - timedelta(days=ago, hours=1)
        entries.append(Entry(Kind.MOOD, day, "A steady day, the caseload as ever.", mood=3, energy=3))
        if ago % 3 == 0:
            entries.append(Entry(Kind.MOOD, day - timedelta(hours=3), "Drained, nothing left. #sleep", mood=2))
    store.save_many(entries)
    store.set_setting("welcomed", True)


async def test_no_notice_on_an_ordinary_journal(empty_store: Store, make_app: AppFactory) -> None:
    steady_history(empty_store)
    async with make_app(empty_store).run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        assert screen.figures is not None
        assert not screen.query_one(EarlyNoticeBox).display


async def test_the_notice_box_loads_itself_after_the_ritual(empty_store: Store) -> None:
    rising_history(empty_store)

    class Host(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.store, self.clock = empty_store, frozen_clock

        def compose(self) -> ComposeResult:
            yield EarlyNoticeBox(autoload=True)

    async with Host().run_test(size=SIZE) as pilot:
        await settle(pilot)
        box = pilot.app.query_one(EarlyNoticeBox)
        assert box.display and "sleep" in box.notice.tags  # type: ignore[union-attr]


async def test_pane_figures_equal_journal_stressors(demo_app: JournalApp, demo_store: Store) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        await pilot.press("2")  # four weeks, like the CLI's default
        await settle(pilot)
        first, last = days_shown(screen)
        stats = screen.figures.stats  # type: ignore[union-attr]
    result = CliRunner().invoke(
        cli,
        ["--db", str(demo_store.path), "stressors", "--since", str(first), "--until", str(last), "--json"],
        catch_exceptions=False,
    )
    printed = json.loads(result.stdout)
    assert (printed["since"], printed["until"], printed["days"]) == (str(first), str(last), 28)
    listed = [t for t in printed["tags"] if t["category"] in (Category.SYMPTOM, Category.STRESSOR)]
    assert len(listed) > 10
    assert listed == [
        {
            "name": s.name,
            "category": str(s.category),
            "count": s.count,
            "days": s.days,
            "mood_with": None if s.mood_with is None else round(s.mood_with, 2),
            "mood_without": None if s.mood_without is None else round(s.mood_without, 2),
            "trend": s.trend,
        }
        for s in stats
    ]
