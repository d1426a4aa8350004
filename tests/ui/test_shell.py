"""The app shell: pane switching, palette, theme memory, help, header, welcome, worker failures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerFailed, get_current_worker

from journal.demo import DEMO_NOW
from journal.domain.models import Entry, Kind
from journal.domain.ritual import RitualState
from journal.storage import Store, open_store
from journal.ui import app as app_module
from journal.ui.app import JournalApp
from journal.ui.dialogs.help import HelpScreen
from journal.ui.dialogs.welcome import WelcomeScreen
from journal.ui.messages import JournalChanged
from journal.ui.panes.catalog import PANES, pane_of
from journal.ui.theme import DEFAULT_THEME
from journal.ui.widgets.pane_footer import PaneFooter
from journal.ui.widgets.shift_header import ShiftHeader
from tests.waiting import settle

AppFactory = Callable[..., JournalApp]

SIZE = (120, 40)


async def run_command(pilot: Pilot, words: str) -> None:
    """Open the command palette, type `words`, and run the best match."""
    await pilot.press("ctrl+p", *words)
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()


def header_state(app: JournalApp) -> str:
    """The shift state, as the header draws it (the rightmost part of its line)."""
    header = app.screen.query_one(ShiftHeader)
    drawn = header.render().plain
    assert drawn.rstrip().endswith(header.state_text)
    return header.state_text


async def test_starts_on_mood_with_calm_theme(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE):
        assert demo_app.current_mode == "mood"
        assert demo_app.theme == DEFAULT_THEME


async def test_each_pane_has_its_key(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        for pane in (*PANES[2:], *PANES[:2]):  # every pane, mood (the start) last
            await pilot.press(pane.key)
            await pilot.pause()
            assert demo_app.current_mode == pane.mode
            assert pane_of(demo_app.screen) == pane


@pytest.mark.parametrize("size", [SIZE, (100, 30)], ids=["wide", "narrow"])
async def test_footer_keeps_the_pane_keys_together_wherever_the_focus_is(
    demo_app: JournalApp, size: tuple[int, int]
) -> None:
    """A focused widget with its own binding on a pane key (TextArea has F6) must not pull that
    key out of the row of pane keys in the footer."""
    pane_keys = [pane.key for pane in PANES]
    async with demo_app.run_test(size=size) as pilot:
        for pane in PANES:
            await pilot.press(pane.key)
            await pilot.pause()
            footer = demo_app.screen.query_one(PaneFooter)
            for widget in [w for w in demo_app.screen.focus_chain][:12]:
                widget.focus()
                await pilot.pause()
                _ = footer.text  # draw it as it stands now
                shown = [key.key for key in footer.keys if key.key in pane_keys]
                assert shown == pane_keys, (pane.mode, type(widget).__name__)


async def test_pane_keys_work_while_typing_but_question_mark_is_typed(
    demo_app: JournalApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await demo_app.switch_mode("history")
        box = Input(id="probe")
        await demo_app.screen.mount(box)
        box.focus()
        await pilot.press("a", "question_mark")
        assert box.value == "a?"
        assert not isinstance(demo_app.screen, HelpScreen)
        await pilot.press("f4")
        await pilot.pause()
        assert demo_app.current_mode == "boundaries"


async def test_pane_key_from_help_leaves_help_behind(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f1", "f5")
        await pilot.pause()
        assert demo_app.current_mode == "history"
        await pilot.press("f3")
        await pilot.pause()
        assert demo_app.current_mode == "mood"
        assert not isinstance(demo_app.screen, HelpScreen)


async def test_command_palette_goes_to_a_pane(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "history")
        assert demo_app.current_mode == "history"


async def test_command_palette_opens_help(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "help")
        assert isinstance(demo_app.screen, HelpScreen)


async def test_theme_is_remembered_across_restarts(demo_store: Store, make_app: AppFactory) -> None:
    first = make_app(demo_store)
    async with first.run_test(size=SIZE) as pilot:
        await run_command(pilot, "switch th")
        await pilot.press(*"calm-light")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert first.theme == "journal-calm-light"
    second = make_app(demo_store)
    async with second.run_test(size=SIZE):
        assert second.theme == "journal-calm-light"


async def test_unknown_saved_theme_falls_back_calmly(demo_store: Store, make_app: AppFactory) -> None:
    demo_store.set_setting("theme", "no-such-theme")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE):
        assert app.theme == DEFAULT_THEME


async def test_help_opens_and_closes(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(demo_app.screen, HelpScreen)
        text = " ".join(str(s.content) for s in demo_app.screen.query("Static"))
        assert "not a medical device" in text and "988" in text and "client-identifying" in text
        await pilot.press("f1")
        assert not isinstance(demo_app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.press("escape")
        assert demo_app.current_mode == "mood"
        assert not isinstance(demo_app.screen, HelpScreen)


async def test_header_shows_off_shift_once_todays_ritual_exists(empty_store: Store, make_app: AppFactory) -> None:
    empty_store.set_setting("welcomed", True)
    now = DEMO_NOW
    # yesterday's ritual does not close today's shift
    empty_store.save(Entry(kind=Kind.RITUAL, created_at=now - timedelta(days=1), ritual={}))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "f3")
        assert header_state(app) == ""
        closed = now - timedelta(minutes=5)
        empty_store.save(Entry(kind=Kind.RITUAL, created_at=closed, ritual={}))
        app.screen.post_message(JournalChanged())
        await pilot.pause()
        assert header_state(app) == f"off shift since {closed:%H:%M}"
        # a pane opened earlier re-reads when it comes back
        await pilot.press("f5")
        await pilot.pause()
        assert header_state(app) == f"off shift since {closed:%H:%M}"


async def test_header_shows_the_frozen_date(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE):
        now = DEMO_NOW
        header = demo_app.screen.query_one(ShiftHeader)
        drawn = header.render().plain
        assert f" {now:%A} {now.day} {now:%B %Y} " in drawn
        assert drawn.startswith("journal (demo) · Mood") or drawn.startswith("journal · Mood")


async def test_first_run_welcome_shows_once(empty_store: Store, make_app: AppFactory) -> None:
    first = make_app(empty_store)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(first.screen, WelcomeScreen)
        await pilot.press("escape")  # "Look around first" (Enter begins the ritual)
        await pilot.pause()
        assert not isinstance(first.screen, WelcomeScreen)
        assert first.current_mode == "mood"
    second = make_app(empty_store)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(second.screen, WelcomeScreen)


async def notices_after_failing(pilot: Pilot, work: Callable[[], None]) -> list[Notification]:
    """Run `work` as a failing thread worker on a pane; the notices the app then shows."""
    app = pilot.app
    await app.switch_mode("history")
    worker = app.screen.run_worker(work, thread=True, exit_on_error=False)
    with pytest.raises(WorkerFailed):
        await worker.wait()
    await pilot.pause()
    await pilot.pause()
    return list(app._notifications)


async def test_failed_worker_becomes_a_calm_notice(demo_app: JournalApp) -> None:
    secret = "entry text that must never be shown"

    def boom() -> None:
        assert get_current_worker() is not None
        raise RuntimeError(secret)

    async with demo_app.run_test(size=SIZE) as pilot:
        notices = await notices_after_failing(pilot, boom)
        assert len(notices) == 1
        assert "nothing you saved was lost" in notices[0].message
        assert secret not in notices[0].message and secret not in notices[0].title
        assert demo_app.is_running


async def test_a_store_error_in_a_worker_is_said_in_its_own_plain_words(demo_app: JournalApp) -> None:
    from journal.storage.errors import DiskFull

    sentence = "The journal could not be written: the disk may be full. Nothing more was saved."

    def full() -> None:
        raise DiskFull(sentence)

    async with demo_app.run_test(size=SIZE) as pilot:
        notices = await notices_after_failing(pilot, full)
        assert [n.message for n in notices] == [sentence]
        assert demo_app.is_running


def test_run_app_closes_the_store_even_on_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    def recording_open_store(path: Path) -> Store:
        store = open_store(path)
        real_close = store.close
        store.close = lambda: (events.append("closed"), real_close())[1]  # type: ignore[method-assign]
        events.append(f"opened {Path(path).name}")
        return store

    def crashing_run(self: JournalApp) -> None:
        events.append("ran")
        raise KeyboardInterrupt

    monkeypatch.setattr(JournalApp, "run", crashing_run)
    with pytest.raises(KeyboardInterrupt):
        app_module.run_app(tmp_path / "mine.db", opener=recording_open_store)
    assert events == ["opened mine.db", "ran", "closed"]


def test_run_app_demo_is_thrown_away(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import journal.demo

    folder = tmp_path / "journal-demo-test"
    folder.mkdir()
    monkeypatch.setattr(journal.demo, "demo_path", lambda: folder / "demo.db")
    seen: list[str] = []
    monkeypatch.setattr(JournalApp, "run", lambda self: seen.append(self.title))
    app_module.run_app(tmp_path / "mine.db", demo=True)
    assert seen == ["journal (demo)"]
    assert not folder.exists()
    assert not (tmp_path / "mine.db").exists()


@pytest.mark.parametrize(
    ("started_hours_ago", "closed", "expected"),
    [(1, False, "ritual"), (30, False, "mood"), (1, True, "mood"), (None, False, "mood")],
)
async def test_an_unfinished_ritual_reopens_on_start(
    empty_store: Store,
    make_app: AppFactory,
    started_hours_ago: int | None,
    closed: bool,
    expected: str,
) -> None:
    empty_store.set_setting("welcomed", True)
    if started_hours_ago is not None:
        state = RitualState.start(DEMO_NOW - timedelta(hours=started_hours_ago)).skip()
        if closed:
            state = state.close(DEMO_NOW)
        empty_store.save_ritual_state(state.to_dict())
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == expected


async def test_narrow_terminal_groups_the_pane_keys_but_they_still_work(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        assert "F2 F3 F4 F5 F6 Panes F1 Help" in demo_app.screen.query_one(PaneFooter).text
        await pilot.press("f4")
        await pilot.pause()
        assert demo_app.current_mode == "boundaries"
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        footer = demo_app.screen.query_one(PaneFooter).text
        # a pane with few keys of its own names the panes (History, with five, keeps them grouped)
        assert "Panes" not in footer and "F5 History" in footer
        await pilot.press("f5")
        await pilot.pause()
        assert demo_app.current_mode == "history"


async def test_a_pane_follows_resizes_it_missed_in_the_background(demo_app: JournalApp) -> None:
    """Panes pass over a Resize to the size they are laid out for; one that missed resizes while
    another pane was showing must still end up laid out for the terminal it comes back to."""
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        mood = demo_app.screen
        await pilot.press("f5")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert demo_app.screen is mood and mood.outer_size == (100, 30)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert mood.outer_size == (120, 40)
        assert mood.query_one(PaneFooter).region.width == 120
        assert mood.query_one("#mood-body").region.width == 120 - 2  # the body's padding
