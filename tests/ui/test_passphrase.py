"""Unlocking an encrypted journal in the app: the passphrase dialog, `run_app`'s unlock path, and the
bare `journal` command's choice between the dialog and $JOURNAL_PASSPHRASE."""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import Input, Static

pytest.importorskip("sqlcipher3")

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store, WrongPassphrase, open_store
from journal.storage.connection import db_errors
from journal.ui import app as app_module
from journal.ui.app import JournalApp
from journal.ui.dialogs import passphrase
from journal.ui.dialogs.passphrase import EMPTY, WRONG, UnlockApp, open_encrypted
from tests.waiting import settle

PASSPHRASE = "tea and toast at 3am"


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """An encrypted journal holding one entry, closed again."""
    path = tmp_path / "locked.db"
    with open_store(path, passphrase=PASSPHRASE) as store:
        store.save(
            Entry(
                kind=Kind.MOOD,
                created_at=datetime(2026, 3, 2, 23, 5, tzinfo=UTC),
                text="A long night shift, then a quiet walk home.",
                mood=3,
            )
        )
    return path


def on_disk(path: Path) -> dict[str, bytes]:
    """Every file of the journal (main file, -wal, -shm) and its bytes."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.name.startswith(path.name)}


async def submit(pilot: Pilot, text: str) -> None:
    """Put `text` in the passphrase box (typing it key by key is only slower), press Enter and wait
    for the attempt to finish."""
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)  # a wrong passphrase fails its worker: settle waits for it all the same


def message(app: UnlockApp) -> str:
    widget = app.screen.query_one("#unlock-message", Static)
    return str(widget.render()) if widget.display else ""


async def test_wrong_passphrase_says_so_and_leaves_the_file_untouched(locked: Path) -> None:
    before = on_disk(locked)
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        box = app.screen.query_one(Input)
        assert box.password and box.has_focus
        await submit(pilot, "not it")
        assert message(app) == WRONG
        assert box.value == "" and not box.disabled and box.has_focus  # cleared, ready for another try
        assert app.is_running
    assert on_disk(locked) == before


async def test_the_right_passphrase_returns_a_working_store_after_any_number_of_tries(locked: Path) -> None:
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        for attempt in ("one", "two", "three"):
            await submit(pilot, attempt)
            assert message(app) == WRONG
        await submit(pilot, PASSPHRASE)
    store = app.return_value
    assert isinstance(store, Store)
    try:
        found = store.search(EntryQuery(text="walk"))
        assert [e.text for e in found] == ["A long night shift, then a quiet walk home."]
    finally:
        store.close()


async def test_the_passphrase_never_shows_on_screen(locked: Path) -> None:
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        await pilot.press(*"secret words")
        await pilot.pause()
        assert "secret words" not in app.export_screenshot()
        await pilot.press("enter")
        await settle(pilot)
        assert "secret words" not in app.export_screenshot()


async def test_enter_on_an_empty_box_asks_gently_and_tries_nothing(locked: Path) -> None:
    tried: list[str] = []
    app = UnlockApp(locked, lambda path, words: tried.append(words) or open_encrypted(path, words))
    async with app.run_test() as pilot:
        await submit(pilot, "")
        assert message(app) == EMPTY
    assert tried == []


async def test_escape_quits_with_nothing_opened(locked: Path) -> None:
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None


async def test_escape_while_opening_closes_the_store_that_arrives_late(locked: Path) -> None:
    """The key takes a moment; leaving meanwhile must not leave a journal open behind the person."""
    go = threading.Event()
    closed: list[bool] = []

    def slow_unlocker(path: Path, words: str) -> Store:
        go.wait(5)
        store = open_encrypted(path, words)
        real_close = store.close
        store.close = lambda: (closed.append(True), real_close())[1]  # type: ignore[method-assign]
        return store

    app = UnlockApp(locked, slow_unlocker)
    async with app.run_test() as pilot:
        app.screen.query_one(Input).value = PASSPHRASE
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.is_running  # still waiting for the attempt under way
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_value is None
    assert closed == [True]


async def test_another_store_error_is_told_in_its_own_sentence(locked: Path) -> None:
    locked.unlink()  # the file went away between start and unlock: never recreated from here
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        await submit(pilot, PASSPHRASE)
        assert "There is no journal at" in message(app)
    assert not locked.exists()


# --- run_app's unlock path -------------------------------------------------------------------------


def fake_app_run(monkeypatch: pytest.MonkeyPatch) -> list[Store]:
    """JournalApp.run stands in: records the store it was given."""
    seen: list[Store] = []
    monkeypatch.setattr(JournalApp, "run", lambda self: seen.append(self.store))
    return seen


def test_run_app_ends_quietly_when_the_person_leaves_the_dialog(locked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = fake_app_run(monkeypatch)
    monkeypatch.setattr(passphrase, "unlock", lambda path: None)
    assert app_module.run_app(locked, unlock=True) is None
    assert seen == []


def test_run_app_starts_the_journal_on_the_unlocked_store_and_closes_it(
    locked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = fake_app_run(monkeypatch)
    monkeypatch.setattr(passphrase, "unlock", lambda path: open_encrypted(path, PASSPHRASE))
    app_module.run_app(locked, unlock=True)
    assert len(seen) == 1 and seen[0].path == locked
    with pytest.raises(db_errors(), match="closed"):  # closed once the app ended
        seen[0].search(EntryQuery(text="walk"))


def test_run_app_without_unlock_still_refuses_a_locked_journal(locked: Path) -> None:
    with pytest.raises(WrongPassphrase):
        app_module.run_app(locked)


def test_a_plain_journal_never_loads_the_dialog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = fake_app_run(monkeypatch)
    monkeypatch.setitem(sys.modules, "journal.ui.dialogs.passphrase", None)  # importing it would fail
    app_module.run_app(tmp_path / "plain.db", unlock=True)
    assert len(seen) == 1


# --- the bare `journal` command ---------------------------------------------------------------------


def bare_journal(
    path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str] | None = None, way: str = "--db"
) -> dict[str, Any]:
    """Run `journal --db PATH` (through click), or `journal` alone with $JOURNAL_DB set (which skips
    click), with run_app replaced; what it was called with, and what the opener did."""
    from journal.cli import cli, main

    got: dict[str, Any] = {}

    def fake_run_app(db_path: Path, *, opener: Callable[[Path], Store], unlock: bool, **_: Any) -> None:
        got["unlock"] = unlock
        try:
            opener(db_path).close()
            got["opened"] = True
        except WrongPassphrase:
            got["opened"] = False

    module = types.ModuleType("journal.ui.app")
    module.run_app = fake_run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "journal.ui.app", module)
    monkeypatch.setattr("journal.cli.opening.interactive", lambda: True)
    if way == "--db":
        result = CliRunner().invoke(cli, ["--db", str(path)], env=env, input="", catch_exceptions=False)
        assert result.exit_code == 0, result.output
    else:
        monkeypatch.setenv("JOURNAL_DB", str(path))
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        main([])
    return got


@pytest.mark.parametrize("way", ["--db", "alone"])
def test_bare_journal_leaves_the_passphrase_to_the_dialog(
    locked: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    # no terminal prompt before the app (it would have read the empty input and aborted)
    assert bare_journal(locked, monkeypatch, way=way) == {"unlock": True, "opened": False}


@pytest.mark.parametrize("way", ["--db", "alone"])
def test_bare_journal_with_the_environment_passphrase_skips_the_dialog(
    locked: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    got = bare_journal(locked, monkeypatch, env={"JOURNAL_PASSPHRASE": PASSPHRASE}, way=way)
    assert got == {"unlock": False, "opened": True}
