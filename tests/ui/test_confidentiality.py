"""The confidentiality dialog on the Mood pane's save, and the never-write list, driven with Pilot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.domain.confidentiality import NEVER_WRITE_SETTING
from journal.domain.models import EntryQuery
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.dialogs.confidentiality import ConfidentialityDialog
from journal.ui.dialogs.never_write import NeverWriteDialog
from journal.ui.widgets.tagged_editor import TaggedEditor
from tests.ui.test_mood import NOW, open_journal
from tests.waiting import settle, until

RISKY = "Rang her on 07700 900123 about the move"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_journal(db_path)
    yield s
    s.close()


def saved_texts(store: Store) -> list[str]:
    return [e.text for e in store.search(EntryQuery())]


async def write_and_save(pilot, text: str) -> None:
    editor = pilot.app.screen.query_one(TaggedEditor)
    editor.text_area.focus()
    editor.text_area.insert(text)
    await pilot.pause()
    await pilot.press("ctrl+s")


@pytest.mark.parametrize(
    ("key", "stored"),
    [("s", RISKY), ("r", "Rang her on [phone] about the move")],
)
async def test_save_as_is_or_redact_and_save(store: Store, key: str, stored: str) -> None:
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(110, 36)) as pilot:
        await write_and_save(pilot, RISKY)
        await until(pilot, lambda: isinstance(app.screen, ConfidentialityDialog), "the guard asked")
        shown = str(app.screen.query_one("#guard-found").render())
        assert "phone number '07700 900123'" in shown
        await pilot.press(key)
        await until(pilot, lambda: saved_texts(store) == [stored], "the entry was saved")
        await until(pilot, lambda: app.screen.query_one(TaggedEditor).text == "", "the editor cleared")


async def test_keep_editing_saves_nothing_and_keeps_every_word(store: Store) -> None:
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(110, 36)) as pilot:
        await write_and_save(pilot, RISKY)
        await until(pilot, lambda: isinstance(app.screen, ConfidentialityDialog), "the guard asked")
        await pilot.click("#guard-edit")
        await until(pilot, lambda: not isinstance(app.screen, ConfidentialityDialog), "the dialog closed")
        assert saved_texts(store) == []
        editor = app.screen.query_one(TaggedEditor)
        assert editor.text == RISKY
        editor.text_area.clear()
        editor.text_area.insert("Rang her about the move")  # edited by hand: nothing to flag now
        await pilot.press("ctrl+s")
        await until(pilot, lambda: saved_texts(store) == ["Rang her about the move"], "saved after editing")
        assert not isinstance(app.screen, ConfidentialityDialog)


async def test_ordinary_notes_save_without_a_question(store: Store) -> None:
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(110, 36)) as pilot:
        await write_and_save(pilot, "Out at 18:30, the day was a 4/5, room 3 finally warm")
        await until(pilot, lambda: len(saved_texts(store)) == 1, "saved")
        assert not isinstance(app.screen, ConfidentialityDialog)


async def test_never_write_list_is_managed_and_used(store: Store) -> None:
    app = JournalApp(store, clock=lambda: NOW)
    async with app.run_test(size=(110, 36)) as pilot:
        app.push_screen(NeverWriteDialog())
        await pilot.pause()
        for name in ("Okafor", "okafor", "Priya Shah"):
            await pilot.press(*["space" if c == " " else c for c in name])
            await pilot.press("enter")
            await settle(pilot)
        await until(pilot, lambda: store.get_setting(NEVER_WRITE_SETTING) == ["Okafor", "Priya Shah"], "stored")
        assert "already on the list" not in str(app.screen.query_one("#never-said").render())  # last was new
        listing = app.screen.query_one("#never-list")
        listing.focus()
        listing.highlighted = 1
        await pilot.press("delete")
        await until(pilot, lambda: store.get_setting(NEVER_WRITE_SETTING) == ["Okafor"], "removed")
        await pilot.press("escape")
        await write_and_save(pilot, "Saw the okafor family again")
        await until(pilot, lambda: isinstance(app.screen, ConfidentialityDialog), "the guard asked")
        assert "name 'okafor'" in str(app.screen.query_one("#guard-found").render())
        await pilot.press("r")
        await until(pilot, lambda: saved_texts(store) == ["Saw the [name] family again"], "redacted")
