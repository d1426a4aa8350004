"""Editing an entry (issue 14, point 8): the cursor starts at the end of the words, and Ctrl+End and
Ctrl+Home go to the end and the start of the whole text, as in any editor."""

from __future__ import annotations

from journal.ui.app import JournalApp
from journal.ui.dialogs.entry_edit import EntryEdit
from journal.ui.widgets.tagged_editor import TaggedEditor
from tests.ui.test_history import open_history
from tests.waiting import settle

SIZE = (120, 40)


async def test_editing_starts_at_the_end_and_ctrl_end_works(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        table = await open_history(pilot)
        entry = next(e for e in table.entries if e.text.strip())
        table.move_cursor(row=table.entries.index(entry))
        await pilot.press("enter", "e")
        await settle(pilot)
        assert isinstance(demo_app.screen, EntryEdit)
        area = demo_app.screen.query_one(TaggedEditor).text_area
        assert area.has_focus
        end = area.text_end
        assert area.cursor_location == end and end != (0, 0)
        await pilot.press(*" and then some")
        await pilot.press("ctrl+home")
        assert area.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        assert area.cursor_location == area.text_end
        await pilot.press("ctrl+shift+home")
        assert area.selected_text == area.text
        await pilot.press("ctrl+end", *"!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(demo_app.screen, EntryEdit)
        saved = demo_app.store.get(entry.id)  # type: ignore[attr-defined]
        assert saved.text == entry.text + " and then some!"
