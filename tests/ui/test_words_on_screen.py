"""Words on screen (issue 14, points 10 to 12): the trash and the early notice say each thing once,
the welcome invites the ritual, the crisis line never breaks inside a number, and the command palette
holds this app's commands only."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Static

from journal.domain.models import EntryQuery
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.dialogs.help import HelpScreen
from journal.ui.dialogs.welcome import WelcomeScreen
from journal.ui.dialogs.wording import URGENT_HELP
from journal.ui.widgets.early_notice import EarlyNoticeBox
from journal.ui.widgets.kept_whole import KeptWhole, wrap_kept_whole
from tests.ui.conftest import AppFactory
from tests.ui.test_history import open_history
from tests.ui.test_insights import open_pane, rising_history
from tests.waiting import settle

SIZE = (120, 40)
SMALL = (80, 24)


async def test_moving_to_the_trash_says_so(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        victim = table.entries[0].id
        await pilot.press("enter", "d")
        await settle(pilot)
        assert demo_app.store.get(victim).deleted_at is not None  # type: ignore[attr-defined]
        said = [(n.title, n.message) for n in demo_app._notifications]
        assert ("Moved to the trash", "Ctrl+Z brings it back; t shows the trash.") in said
        assert not any("Deleted" in f"{title} {message}" for title, message in said)


async def test_early_notice_says_each_thing_once(empty_store: Store, make_app: AppFactory) -> None:
    rising_history(empty_store)
    async with make_app(empty_store).run_test(size=SIZE) as pilot:
        screen = await open_pane(pilot)
        await settle(pilot)
        box = screen.query_one(EarlyNoticeBox)
        headline = str(box.query_one("#notice-headline", Static).render())
        figures = str(box.query_one("#notice-figures", Static).render())
        assert "than usual for you." in headline and "(" not in headline  # the numbers are said below
        assert figures.startswith("The numbers: ") and "usual for you" not in figures
        assert "last two weeks" not in figures
        assert "9 days vs" in figures


@pytest.mark.parametrize("width", range(8, 90))
def test_the_crisis_line_never_breaks_inside_a_number(width: int) -> None:
    lines = wrap_kept_whole(URGENT_HELP, width)
    assert all(len(line) <= width for line in lines)
    joined = "\n".join(lines)
    assert "116\u00a0123" in joined and "988" in joined


@pytest.mark.parametrize("size", [(40, 30), (62, 30), SMALL, (100, 30), (160, 48)])
async def test_help_draws_the_crisis_line_whole_at_any_width(demo_app: JournalApp, size: tuple[int, int]) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        urgent = demo_app.screen.query_one(".dialog-urgent", KeptWhole)
        drawn = [urgent.render_line(y).text for y in range(urgent.size.height)]
        assert any("116 123" in line.replace("\u00a0", " ") for line in drawn), drawn


async def test_first_run_invites_the_ritual(empty_store: Store, make_app: AppFactory) -> None:
    app = make_app(empty_store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.screen.focused is not None and app.screen.focused.id == "begin-ritual"
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "ritual"
        assert empty_store.get_setting("welcomed") is True


async def test_first_run_can_look_around_first(empty_store: Store, make_app: AppFactory) -> None:
    app = make_app(empty_store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "mood" and not isinstance(app.screen, WelcomeScreen)
        assert empty_store.get_setting("welcomed") is True
        assert empty_store.search(EntryQuery()) == []


async def test_palette_holds_only_this_apps_commands(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        system = [c.title for c in demo_app.get_system_commands(demo_app.screen)]
        assert system == ["Quit"]
        for words in ("screenshot", "keys", "maximize", "minimize"):
            await pilot.press("ctrl+p", *words)
            await settle(pilot)
            palette = demo_app.screen
            assert isinstance(palette, CommandPalette)
            shown = [str(option.prompt) for option in palette.query_one("CommandList").options]  # type: ignore[attr-defined]
            assert not any(w in " ".join(shown).lower() for w in ("screenshot", "maximi", "minimi")), shown
            assert not any(p.lower().startswith("keys") for p in shown), shown
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+p", *"quit")
        await settle(pilot)
        shown = [str(o.prompt) for o in demo_app.screen.query_one("CommandList").options]  # type: ignore[attr-defined]
        assert any("Quit" in p for p in shown)
