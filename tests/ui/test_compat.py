"""The app's Textual workarounds (journal/ui/compat.py), each against the behaviour it works around,
and the real start (`App.run()`, not `run_test()`) that only they make work on Python 3.12+."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from textual.app import App, ScreenStackError

from journal.storage import open_store
from journal.ui import app as app_module
from journal.ui.app import JournalApp, run_app
from tests.smoke.real_start import run_once

SECRET = "my client J told me about the [bold]assault[/bold]"


def test_textual_issue_6444_still_raises_and_the_app_clears_nothing_quietly(db_path: Path) -> None:
    """With no screen on the stack, Textual's own `clear_selection` raises (upstream issue 6444: once
    Textual fixes it, this test says the workaround can go); the app's does nothing, as it should."""
    store = open_store(db_path)
    try:
        app = JournalApp(store)
        with pytest.raises(ScreenStackError):
            App.clear_selection(app)
        app.clear_selection()
    finally:
        store.close()


async def test_a_change_announced_as_the_app_closes_is_not_a_crash(db_path: Path) -> None:
    """A save's JournalChanged can be handled after the last screen is gone (seen under load)."""
    from journal.ui.messages import JournalChanged

    store = open_store(db_path)
    try:
        app = JournalApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            stacks = app._screen_stacks
            app._screen_stacks = {mode: [] for mode in stacks}  # as on the way out
            assert app.top_screen() is None
            app.on_journal_changed(JournalChanged())
            app._screen_stacks = stacks
    finally:
        store.close()


def test_the_real_start_opens_every_pane_and_saves(tmp_path: Path) -> None:
    """`App.run()` headless with an auto-pilot: through the welcome, every pane, an entry saved."""
    assert run_once(tmp_path / "journal.db") is None


@pytest.mark.skipif(sys.version_info < (3, 12), reason="eager tasks came with Python 3.12")
async def test_the_first_pane_mounts_when_tasks_start_eagerly(db_path: Path) -> None:
    """What `App.run()` does on 3.12+, reproduced under the Pilot: tasks start eagerly."""
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)  # type: ignore[attr-defined]
    store = open_store(db_path)
    try:
        app = JournalApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ in {"WelcomeScreen", "MoodPane"}
    finally:
        store.close()


def crash_on_mount(self: JournalApp) -> None:
    raise ValueError(SECRET)


def test_a_crash_is_one_sentence_that_quotes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(JournalApp, "on_mount", crash_on_mount)
    store = open_store(db_path)
    try:
        app = JournalApp(store)
        app.run(headless=True, size=(80, 24))
    finally:
        store.close()
    assert app.return_code == 1
    assert app.crash_sentence is not None
    assert "ValueError" in app.crash_sentence and "test_compat.py" in app.crash_sentence
    out = capsys.readouterr()
    for text in (app.crash_sentence, out.out, out.err):
        assert "assault" not in text and "client" not in text


def test_run_app_exits_non_zero_with_the_sentence_when_the_app_crashes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_run = JournalApp.run

    def headless(self: JournalApp, *args: object, **kwargs: object) -> object:
        return real_run(self, headless=True, size=(80, 24))

    monkeypatch.setattr(app_module.JournalApp, "run", headless)
    monkeypatch.setattr(JournalApp, "on_mount", crash_on_mount)
    with pytest.raises(SystemExit) as stopped:
        run_app(db_path)
    assert stopped.value.code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("journal stopped on a problem of its own (ValueError")
    assert "everything you saved is safe" in err and SECRET not in err
