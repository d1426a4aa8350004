"""The app's "Export…" command: a small dialog that writes the export in a thread worker."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import RadioButton

from journal.storage import Store
from journal.ui.app import JournalApp
from journal.ui.dialogs.export import ExportDialog
from tests.exchange.conftest import T0, fill
from tests.waiting import settle


def make_app(store: Store) -> JournalApp:
    store.set_setting("welcomed", True)
    return JournalApp(store, clock=lambda: T0)  # type: ignore[arg-type]


async def test_palette_opens_the_dialog_and_exports_markdown(store: Store, tmp_path: Path) -> None:
    fill(store)
    app = make_app(store)
    out = tmp_path / "mine.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"Export")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path").value.endswith(".json")
        await pilot.click(dialog.query(RadioButton)[1])  # md
        await pilot.pause()
        assert dialog.fmt == "md" and dialog.query_one("#export-path").value.endswith(".md")
        dialog.query_one("#export-path").value = str(out)
        await pilot.click("#export-ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert out.read_text().startswith("# Journal")


async def test_an_existing_file_is_not_replaced(store: Store, tmp_path: Path) -> None:
    fill(store)
    app = make_app(store)
    out = tmp_path / "taken.json"
    out.write_text("keep me")
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ExportDialog())
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(out)
        await pilot.click("#export-ok")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # stays open to choose another name
        assert any("already exists" in str(n.message) for n in app._notifications)
    assert out.read_text() == "keep me"


async def test_json_from_the_dialog_is_the_full_export(store: Store, tmp_path: Path) -> None:
    fill(store)
    app = make_app(store)
    out = tmp_path / "all.json"
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ExportDialog(encrypted=True))
        await pilot.pause()
        assert "not be" in str(app.screen.query_one("#export-note").content)
        app.screen.query_one("#export-path").value = str(out)
        app.screen.query_one("#export-path").focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert len(json.loads(out.read_text())["entries"]) == 5
