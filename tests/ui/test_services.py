"""Two rules every pane keeps: the journal is never touched on the UI thread, and every "now" comes
from the one clock handed to the app.

One Pilot session walks through each pane's everyday actions (Mood: write, save, star, tick off a
parked item, dismiss the reminder; the ritual: answer, park, tick off, close; Boundaries: log an
event; History: filter, star, open, the calendar; Insights: another period; the palette's "forget what
the tagger learned") with the journal wrapped so that each call records the thread that made it, and
the clock frozen at a moment far from the wall clock, so an answer from `datetime.now()` shows.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from textual.widgets import Button, Input

from journal.domain.models import Entry, EntryQuery, Kind
from journal.storage import Store, open_store
from journal.ui.app import JournalApp
from journal.ui.dialogs.export import ExportDialog
from journal.ui.panes.history_parts.entry_table import EntryTable
from journal.ui.widgets.gentle_note import GentleNote
from journal.ui.widgets.parked_list import ParkedList
from journal.ui.widgets.shift_header import ShiftHeader
from tests.waiting import settle as settled
from tests.waiting import until

#: Far from any day the suite runs on: a "now" taken from the wall clock cannot pass for it.
FROZEN = datetime(2031, 2, 14, 17, 5, tzinfo=ZoneInfo("Europe/London"))
SIZE = (120, 40)


class RecordingStore:
    """The journal, noting which thread made each call while `recording` is on."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.recording = False
        self.on_ui_thread: list[str] = []
        self.calls: list[str] = []
        self._ui_thread = threading.current_thread()

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._store, name)
        if name.startswith("_") or not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            if self.recording:
                self.calls.append(name)
                if threading.current_thread() is self._ui_thread:
                    self.on_ui_thread.append(name)
            return value(*args, **kwargs)

        return call


def journal_with_a_little_of_everything(path: Path) -> Store:
    store = open_store(path)
    store.set_setting("welcomed", True)
    earlier = FROZEN - timedelta(days=1)
    store.save(Entry(kind=Kind.MOOD, created_at=earlier, text="Long shift, slept badly", mood=2))
    store.park("ring the GP back", now=earlier)
    return store


async def test_the_journal_is_never_touched_on_the_ui_thread_and_every_now_is_the_clocks(
    tmp_path: Path,
) -> None:
    store = journal_with_a_little_of_everything(tmp_path / "journal.db")
    recorder = RecordingStore(store)
    app = JournalApp(recorder, clock=lambda: FROZEN)  # type: ignore[arg-type]
    recorder.recording = True  # from here on: what the app read as it was built is not counted
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        header = app.screen.query_one(ShiftHeader)
        assert header.date_text == "Friday 14 February 2031"

        # Mood: tick off last time's parked item, dismiss the reminder, write and save, star it
        app.screen.query_one(ParkedList).focus()
        await pilot.press("d")
        app.screen.query_one(GentleNote).action_got_it()
        app.screen.query_one("#mood-mood").focus()
        await pilot.press("3")
        app.screen.query_one("#editor-text").focus()
        await pilot.press(*"a quiet evening", "ctrl+s")
        await until(pilot, lambda: store.count(EntryQuery(kind=Kind.MOOD)) == 2, "the second mood entry was saved")
        app.screen.query_one("#mood-recent-list").focus()
        await pilot.press("home", "s")
        await until(
            pilot, lambda: store.search(EntryQuery(kind=Kind.MOOD, limit=1))[0].starred, "the entry was starred"
        )

        # the ritual: an answer, a parked line, a step back and forth, then close the shift
        await pilot.press("f2")
        await settled(pilot)
        await pilot.press("4", "enter", "enter")
        await pilot.press("ctrl+n")  # skip unload
        await settled(pilot)
        await pilot.press(*"send the rota", "enter")
        await pilot.press("escape", "ctrl+n")
        for _ in range(5):
            await settled(pilot)
            await pilot.press("ctrl+n")
        await until(
            pilot,
            lambda: store.ritual_state() is None and store.count(EntryQuery(kind=Kind.RITUAL)),
            "the ritual closed into entries",
        )
        await until(pilot, lambda: header_of(app).state_text, "the header shows the shift's state")
        assert header_of(app).state_text == "off shift since 17:05"

        # Boundaries: log one event
        await pilot.press("f4")
        await settled(pilot)
        await pilot.press("3", "h", "2", "ctrl+s")
        await until(pilot, lambda: store.count(EntryQuery(kind=Kind.BOUNDARY)) >= 1, "the boundary event was saved")

        # History: a filter, a star, an entry opened and closed, the calendar
        await pilot.press("f5")
        await until(pilot, lambda: app.screen.query_one(EntryTable).row_count, "History listed the entries")
        await pilot.press("s")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("escape", "c")
        await settled(pilot)
        await pilot.press("right", "l")
        await settled(pilot)

        # Insights: another period
        await pilot.press("f6")
        await settled(pilot)
        await pilot.press("3")
        await settled(pilot)

        # the export dialog names its file by the clock's day
        app.push_screen(ExportDialog(encrypted=False))
        await settled(pilot)
        assert "2031-02-14" in app.screen.query_one("#export-path", Input).value
        # ...and stamps the export with the clock's moment, not the wall clock's
        exported = tmp_path / "export.json"
        app.screen.query_one("#export-path", Input).value = str(exported)
        app.screen.query_one("#export-ok", Button).press()
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog), "the export finished")
        assert '"exported_at": "2031-02-14T' in exported.read_text(encoding="utf-8")

        # the palette: "forget what the tagger learned" (nothing learned yet: it says so)
        await pilot.press("ctrl+p", *"forget what")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        recorder.recording = False  # the last draft written as the app closes is the one exception

    assert recorder.on_ui_thread == [], f"store calls on the UI thread: {recorder.on_ui_thread}"
    for expected in (
        "save",
        "set_starred",
        "set_parked_status",
        "save_ritual_state",
        "save_many",
        "park",
        "set_setting",
        "boundary_day_counts",
        "personal_counts",
    ):
        assert expected in recorder.calls, f"the session never called {expected}: it covers less than it says"

    # every moment the interface stamped came from the frozen clock, none from the wall clock
    written = store.search(EntryQuery(since=FROZEN - timedelta(minutes=1), limit=None))
    assert {e.kind for e in written} == {Kind.MOOD, Kind.RITUAL, Kind.BOUNDARY}
    assert {e.created_at for e in written} == {FROZEN}
    parked_tonight = [p for p in store.parked(status=None) if p.text == "send the rota"]
    assert [p.created_at for p in parked_tonight] == [FROZEN]
    store.close()


def header_of(app: JournalApp) -> ShiftHeader:
    return app.screen.query_one(ShiftHeader)
