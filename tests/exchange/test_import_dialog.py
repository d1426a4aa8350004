"""The app's "Import…" command: pick a file, see the dry run, give mood scores, import with progress."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import DirectoryTree, ProgressBar, Static

from journal.domain.models import EntryQuery
from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.dialogs.import_file import ImportDialog, MoodScoresDialog
from tests.exchange.conftest import FIXTURES, T0
from tests.waiting import settle, until


def make_app(store: Store) -> JournalApp:
    store.set_setting("welcomed", True)
    return JournalApp(store, clock=lambda: T0)  # type: ignore[arg-type]


async def settle_import(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the dialog's own workers are done (the DirectoryTree's loader never finishes)."""
    await settle(pilot, group="import")


def summary_text(app: JournalApp) -> str:
    return str(app.screen.query_one("#import-summary", Static).content)


async def test_palette_import_checks_then_imports_with_progress(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"Import")
        await settle(pilot)  # the palette's search
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        await pilot.press(*str(FIXTURES / "daylio_8col.csv"), "enter")
        await settle_import(pilot)
        text = summary_text(app)
        assert "daylio_8col.csv: 5 in the file." in text
        assert "Would import 4 entries; 1 was repeated in the file." in text
        assert store.count(EntryQuery()) == 0  # the check changed nothing
        assert dialog.query_one("#import-go").display
        await pilot.click("#import-go")
        await settle_import(pilot)
        assert dialog.query_one("#import-progress", ProgressBar).progress == 5
        assert summary_text(app).startswith("Imported 4 entries; 1 was repeated in the file.")
        await pilot.click("#import-close")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
    assert store.count(EntryQuery()) == 4


async def test_unknown_moods_are_asked_in_a_dialog(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ImportDialog())
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(FIXTURES / "daylio_custom.csv")
        await pilot.click("#import-check")
        await settle_import(pilot)
        moods = app.screen
        assert isinstance(moods, MoodScoresDialog)
        assert moods.labels == ["Ecstatic", "Drained"]
        await pilot.click("#moods-ok")  # nothing chosen yet: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, MoodScoresDialog)
        assert moods.focused is moods.query_one("#mood-0")  # the first one still without a score
        await pilot.press("7", "5", "enter")  # only 1-5 can be typed; Enter goes on to Drained
        assert moods.focused is moods.query_one("#mood-1")
        await pilot.press("2")
        assert moods.scores() == {"ecstatic": 5, "drained": 2}
        await pilot.press("enter")  # Enter on the last one accepts
        await settle_import(pilot)
        assert isinstance(app.screen, ImportDialog)
        assert 'Would import 3 entries.\nThe column "photos" was not imported' in summary_text(app)
        await pilot.click("#import-go")
        await settle_import(pilot)
    assert sorted(e.mood for e in store.search(EntryQuery(limit=None))) == [2, 4, 5]


async def test_a_broken_file_is_named_and_a_second_import_adds_nothing(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("full_date,date,weekday,time,mood\n2024-01-01,x,x,10:00,good\n2024-01-02,x,x,99:00,good\n")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ImportDialog())
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(bad)
        await pilot.click("#import-check")
        await settle_import(pilot)
        assert "line 3" in summary_text(app)
        assert app.screen.query_one("#import-check").display  # back to choosing
        app.screen.query_one("#import-path").value = str(FIXTURES / "daylio_7col.csv")
        await pilot.click("#import-check")
        await settle_import(pilot)
        await pilot.click("#import-go")
        await settle_import(pilot)
        await pilot.click("#import-close")
        await pilot.pause()
        app.push_screen(ImportDialog())
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(FIXTURES / "daylio_7col.csv")
        await pilot.click("#import-check")
        await settle_import(pilot)
        assert "Would import 0 entries; 4 were already here." in summary_text(app)
    assert store.count(EntryQuery()) == 4


async def test_picking_a_file_in_the_tree_checks_it(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(FIXTURES / "jrnl_export.json", folder / "jrnl_export.json")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ImportDialog(start=folder))
        await pilot.pause()
        tree = app.screen.query_one(DirectoryTree)
        await until(pilot, lambda: tree.cursor_node is not None and tree.root.children, "the folder was listed")
        tree.focus()
        await pilot.press("down", "enter")
        await settle_import(pilot)
        assert app.screen.query_one("#import-path").value == str(folder / "jrnl_export.json")
        assert "Would import 4 entries." in summary_text(app)
