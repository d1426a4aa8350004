"""The Brief view and starring through the keyboard: open it from the palette and from Insights, change
the period, switch the privacy choice, save it; star entries with `s` in History and in Mood's recent
list; `starred:yes` in History's filter. The preview holds starred text and no other entry text."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input, Static

from journal.demo import DEMO_NOW
from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.brief.export import BriefExportDialog
from journal.ui.brief.screen import BriefScreen
from journal.ui.panes.history import HistoryPane
from journal.ui.panes.history_parts.entry_table import EntryTable
from journal.ui.widgets.recent_list import RecentList
from tests.ui.conftest import AppFactory
from tests.waiting import settle

SIZE = (120, 40)
PHONE_TEXT = "Rang the ward back on 07700 900123 after hours. Felt it all evening."


def star_two(store: Store) -> list[Entry]:
    """Star a mood entry with a phone number in it and one demo entry, both in the last four weeks."""
    noted = store.save(Entry(Kind.MOOD, DEMO_NOW - timedelta(days=3), PHONE_TEXT, mood=2, energy=2))
    demo = store.search(EntryQuery(kind=Kind.BOUNDARY, until=DEMO_NOW - timedelta(days=5), limit=1))[0]
    return [store.set_starred(noted.id), store.set_starred(demo.id)]  # type: ignore[arg-type]


def preview_text(screen: BriefScreen) -> str:
    return str(screen.query_one("#brief-preview", Static).render())


async def open_from_palette(pilot) -> BriefScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"supervision brief")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, BriefScreen)
    return screen


async def test_from_the_palette_four_weeks_with_the_starred_entries(demo_store: Store, make_app: AppFactory) -> None:
    starred = star_two(demo_store)
    async with make_app(demo_store).run_test(size=SIZE) as pilot:
        screen = await open_from_palette(pilot)
        assert screen.brief is not None
        days = screen.brief.period.local_days()
        assert (days[0], days[-1], len(days)) == (date(2026, 10, 24), date(2026, 11, 20), 28)
        shown = preview_text(screen)
        assert "A personal reflection aid, not a clinical record." in shown
        assert "Rang the ward back on [phone] after hours." in shown and "07700" not in shown
        assert starred[1].text.split("\n")[0] in shown
        # no other entry's text: none of the period's other entries shows up
        others = demo_store.search(EntryQuery(since=screen.brief.period.start, limit=None))
        for entry in others:
            if not entry.starred and len(entry.text) > 25:
                assert entry.text.split("\n")[0][:40] not in shown, entry.text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, BriefScreen)


async def test_from_insights_with_its_period_then_another(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BriefScreen) and screen.brief is not None
        assert screen.brief.period.days == 84  # what Insights showed: 12 weeks
        insights = pilot.app.screen_stack[-2]
        figures = insights.figures
        assert figures is not None and figures.period == screen.brief.period
        assert screen.brief.helpers == figures.helpers  # "what helped" is Insights' "what helps"
        listed = [s for s in figures.stats if s in screen.brief.stressors or s in screen.brief.signs]
        assert listed and [s for s in figures.stats if s.category.value == "stressor"][:6] == screen.brief.stressors
        await pilot.press("1")
        await settle(pilot)
        assert screen.brief.period.days == 14
        await pilot.press("slash", *"2026-09..2026-10", "enter")
        await settle(pilot)
        days = screen.brief.period.local_days()
        assert (days[0], days[-1]) == (date(2026, 9, 1), date(2026, 10, 31))
        assert "Supervision brief: 01 Sep – 31 Oct 2026" in preview_text(screen)
        await pilot.press("escape")  # out of the period box first
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen.__class__.__name__ == "InsightsPane"


async def test_keeping_details_is_a_choice_and_saving_writes_a_private_file(
    demo_store: Store, make_app: AppFactory, tmp_path: Path
) -> None:
    star_two(demo_store)
    async with make_app(demo_store).run_test(size=SIZE) as pilot:
        screen = await open_from_palette(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert screen.brief is not None and screen.brief.keep_identifiers
        assert "07700 900123" in preview_text(screen)
        await pilot.press("r")
        await settle(pilot)
        assert "07700" not in preview_text(screen)
        await pilot.press("e")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, BriefExportDialog)
        target = tmp_path / "brief.html"
        dialog.query_one("#brief-export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        html = target.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "[phone]" in html and "07700" not in html
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        # again, to the same file: refused, the file untouched
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("#brief-export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BriefExportDialog)
        assert target.read_text(encoding="utf-8") == html


async def test_s_in_history_stars_with_a_mark_and_starred_yes_filters(demo_store: Store, make_app: AppFactory) -> None:
    async with make_app(demo_store).run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HistoryPane)
        table = screen.query_one(EntryTable)
        await pilot.press("down")
        entry = table.highlighted_entry()
        assert entry is not None and not entry.starred
        await pilot.press("s")
        await settle(pilot)
        assert demo_store.get(entry.id).starred  # type: ignore[arg-type, union-attr]
        starred = table.highlighted_entry()
        assert starred is not None and starred.starred
        assert str(table.get_cell(str(entry.id), "text")).startswith("★ ")
        await pilot.press("slash", *"starred:yes", "enter")
        await settle(pilot)
        assert [e.id for e in table.entries] == [entry.id]
        await pilot.press("s")  # takes it off again
        await settle(pilot)
        assert not demo_store.get(entry.id).starred  # type: ignore[arg-type, union-attr]


async def test_s_in_moods_recent_list_stars_and_only_there(demo_store: Store, make_app: AppFactory) -> None:
    async with make_app(demo_store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        recent = pilot.app.screen.query_one(RecentList)
        await pilot.press("s")  # in the mood picker: not a star
        await pilot.pause()
        assert demo_store.count(EntryQuery(starred=True)) == 0
        recent.focus()
        await pilot.pause()
        recent.highlighted = 0
        first = recent.highlighted_entry()
        assert first is not None
        await pilot.press("s")
        await settle(pilot)
        assert [e.id for e in demo_store.search(EntryQuery(starred=True))] == [first.id]
        assert str(recent.get_option_at_index(0).prompt).startswith("★ ")
        assert recent.highlighted == 0  # the place is kept
