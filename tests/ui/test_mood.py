"""The Mood pane, driven like a person would: keys and clicks in, widgets and database rows checked.

Each test runs the real `JournalApp` on its own journal file with a frozen clock.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Selection

from journal.domain.models import MOOD_WORDS, Entry, EntryQuery, Kind, Source, UserKeyword
from journal.storage import Store, open_store
from journal.ui.app import JournalApp
from journal.ui.dialogs.teach import TeachDialog
from journal.ui.panes.mood import REMINDER_SETTING, MoodPane
from journal.ui.widgets.recent_list import RecentList
from journal.ui.widgets.scale_picker import ScalePicker
from journal.ui.widgets.tag_list import TagList
from journal.ui.widgets.tagged_editor import TaggedEditor
from tests.waiting import settle, until

NOW = datetime(2026, 11, 20, 18, 42, tzinfo=UTC)
TEXT = "Couldn't sleep again. Ate at my desk, no break at all. #nights"
HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m [link=http://x]y[/link] \x07"


def open_journal(path: Path) -> Store:
    store = open_store(path)
    store.set_setting("welcomed", True)
    return store


@pytest.fixture(autouse=True)
def _quick_tagging(monkeypatch: pytest.MonkeyPatch) -> None:
    """A shorter debounce keeps the suite quick; the behaviour is the same."""
    monkeypatch.setattr(TaggedEditor, "TAG_DELAY", 0.05)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_journal(db_path)
    yield s
    s.close()


def make(store: Store) -> JournalApp:
    return JournalApp(store, clock=lambda: NOW)


def notices(app: App) -> list[str]:
    return [n.message for n in app._notifications]


def chips(app: App) -> dict[str, bool]:
    """Tag name -> rejected, as the tag list shows them."""
    return {c.name: c.rejected for c in app.screen.query_one(TagList).chips}


async def tags_settled(pilot) -> None:
    """Wait until the live tags are those of the current text (the debounce and the worker)."""
    editor = pilot.app.screen.query_one(TaggedEditor)
    await until(pilot, lambda: editor.tags_current, "the live tags caught up")


def editor_empty(app: App) -> Callable[[], bool]:
    return lambda: app.screen.query_one(TextArea).text == ""


async def write(pilot, text: str) -> None:
    pilot.app.screen.query_one(TextArea).text = text
    await tags_settled(pilot)


async def test_write_reject_add_and_save(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, MoodPane)
        await pilot.press("2", "tab", "right", "right")  # mood 2; energy from none -> 3 -> 4
        await write(pilot, TEXT)
        shown = chips(app)
        assert {"sleep", "skipped-break", "nights"} <= set(shown)
        assert not any(shown.values())

        tag_list = app.screen.query_one(TagList)
        tag_list.focus()
        tag_list.highlighted = [c.name for c in tag_list.chips].index("skipped-break")
        await pilot.press("x")
        assert chips(app)["skipped-break"] is True
        assert "rejected" in tag_list.get_option("skipped-break").prompt.plain

        app.screen.query_one("#editor-add-tag", Input).focus()
        await pilot.press(*"supervision", "enter")
        assert chips(app)["supervision"] is False

        await pilot.press("ctrl+s")
        await until(pilot, editor_empty(app), "the save cleared the editor")
        recent = app.screen.query_one(RecentList)
        await until(pilot, lambda: recent.options[0].id is not None, "listed")

        [entry] = store.search(EntryQuery(limit=5))
        assert (entry.mood, entry.energy, entry.text) == (2, 4, TEXT)
        visible = {t.name: t.source for t in entry.visible_tags}
        assert visible["supervision"] is Source.MANUAL
        assert {"sleep", "nights"} <= set(visible) and "skipped-break" not in visible
        assert [t.name for t in entry.tags if t.rejected] == ["skipped-break"]

        assert app.screen.query_one(TextArea).text == ""
        assert app.screen.query_one("#mood-mood", ScalePicker).value is None
        assert any(n.startswith("Saved — tagged") and "supervision" in n for n in notices(app))
        prompt = recent.get_option(f"entry-{entry.id}").prompt.plain
        assert "mood 2 low" in prompt and "energy 4 lively" in prompt and "Couldn't sleep" in prompt
        assert "skipped-break" not in prompt
        assert store.load_draft("mood") is None


async def test_saving_nothing_only_says_so(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await write(pilot, "   \n ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.count(EntryQuery()) == 0
        assert any(n.startswith("Nothing to save yet") for n in notices(app))


async def test_mood_alone_is_enough_to_save(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "ctrl+s")
        await until(pilot, lambda: store.count(EntryQuery()) == 1, "saved")
        [entry] = store.search(EntryQuery())
        assert (entry.mood, entry.energy, entry.text) == (5, None, "")


async def test_draft_survives_quitting_and_comes_back(db_path: Path) -> None:
    first = open_journal(db_path)
    app = make(first)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await write(pilot, TEXT)
        tag_list = app.screen.query_one(TagList)
        tag_list.focus()
        tag_list.highlighted = 0
        await pilot.press("x")
        rejected = [name for name, r in chips(app).items() if r]
        # quit before the autosave timer fires: unmounting must write the draft
    first.close()

    second = open_journal(db_path)
    app = make(second)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.screen.query_one(TextArea).text, "restored")
            await tags_settled(pilot)
            assert app.screen.query_one(TextArea).text == TEXT
            assert app.screen.query_one("#mood-mood", ScalePicker).value == 1
            assert [name for name, r in chips(app).items() if r] == rejected
            assert "Restored your unsaved draft." in notices(app)
    finally:
        second.close()


async def test_draft_autosaves_after_a_pause(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(MoodPane, "DRAFT_DELAY", 0.1)
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await write(pilot, "a long day")
        await until(pilot, lambda: (store.load_draft("mood") or {}).get("text"), "the draft was written")
        draft = store.load_draft("mood")
        assert draft is not None and draft["text"] == "a long day" and draft["mood"] == 3


async def test_hostile_text_stays_text(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        area = app.screen.query_one(TextArea)
        area.post_message(events.Paste(HOSTILE))
        await until(pilot, lambda: area.text, "pasted")
        await tags_settled(pilot)
        assert "\x1b" not in area.text and "\x07" not in area.text
        assert "[bold red]x[/]" in area.text

        await pilot.press("ctrl+s")
        await until(pilot, editor_empty(app), "saved")
        recent = app.screen.query_one(RecentList)
        await until(pilot, lambda: recent.option_count == 1 and recent.options[0].id, "listed")
        [entry] = store.search(EntryQuery())
        prompt = app.screen.query_one(RecentList).get_option(f"entry-{entry.id}").prompt.plain
        assert "[bold red]x[/]" in prompt and "[link=http://x]y[/link]" in prompt

        # an entry saved elsewhere with raw escapes still reaches the screen inert
        store.save(type(entry)(kind=entry.kind, created_at=NOW, text=HOSTILE, mood=2))
        app.screen.refresh_recent()
        await until(pilot, lambda: recent.option_count == 2, "both entries listed")
        screen_text = app.export_screenshot()
        assert "\x1b" not in screen_text and "\x07" not in screen_text
        assert "[bold red]x[/]" in screen_text.replace("&#160;", " ")


async def test_teach_the_tagger_from_a_selection(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        # a word no cue knows, so only the teaching can make it a tag
        await write(pilot, "the gizmo was a mess again")
        assert "staffing" not in chips(app)
        area = app.screen.query_one(TextArea)
        area.focus()
        area.selection = Selection((0, 4), (0, 9))
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TeachDialog)
        await pilot.press(*"staffing", "enter")
        await until(pilot, lambda: "staffing" in chips(app), "the taught tag showed up")
        assert isinstance(app.screen, MoodPane)
        assert UserKeyword("staffing", "gizmo") in store.keywords()
        assert "staffing" in chips(app)


async def test_teaching_without_a_selection_explains(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await write(pilot, "nothing selected")
        app.screen.query_one(TextArea).focus()
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, MoodPane)
        assert any("Select a word" in n for n in notices(app))


def got_it_offset(app: JournalApp, selector: str) -> tuple[int, int]:
    """Where "Got it" is drawn inside the widget: the cell whose style carries its click action."""
    region = app.screen.query_one(selector).region
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            if "@click" in app.screen.get_style_at(x, y).meta:
                return x - region.x, y - region.y
    raise AssertionError(f"no Got it in {selector}")


async def test_privacy_reminder_is_dismissed_for_good(db_path: Path) -> None:
    store = open_journal(db_path)
    try:
        app = make(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.screen.query("#mood-reminder"), "the reminder showed")
            await pilot.pause()
            await pilot.click("#mood-reminder", offset=got_it_offset(app, "#mood-reminder"))
            await pilot.pause()
            assert not app.screen.query("#mood-reminder")
            await until(pilot, lambda: store.get_setting(REMINDER_SETTING), "remembered")
        app = make(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: app.screen.query_one(RecentList).option_count, "loaded")
            await settle(pilot)
            assert not app.screen.query("#mood-reminder")
    finally:
        store.close()


async def test_privacy_reminder_goes_with_enter_too(db_path: Path) -> None:
    store = open_journal(db_path)
    try:
        app = make(store)
        async with app.run_test(size=(120, 40)) as pilot:
            app.screen.query_one("#mood-reminder").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert not app.screen.query("#mood-reminder")
            await until(pilot, lambda: store.get_setting(REMINDER_SETTING), "remembered")
    finally:
        store.close()


async def test_narrow_terminal_stacks_recent_below(store: Store) -> None:
    app = make(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        composer = app.screen.query_one("#mood-composer").region
        recent = app.screen.query_one("#mood-recent").region
        assert recent.y >= composer.bottom and recent.width > 60
    async with make(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        composer = pilot.app.screen.query_one("#mood-composer").region
        recent = pilot.app.screen.query_one("#mood-recent").region
        assert recent.x >= composer.right


class PickerHost(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield ScalePicker("Mood", MOOD_WORDS, id="picker", label_width=8)

    def on_scale_picker_changed(self, event: ScalePicker.Changed) -> None:
        self.changes.append(event.value)


async def test_scale_picker_keys_clicks_and_words() -> None:
    app = PickerHost()
    async with app.run_test(size=(80, 3)) as pilot:
        picker = app.query_one(ScalePicker)
        picker.focus()
        await pilot.press("right")
        assert picker.value == 3 and picker.word == "okay"
        await pilot.press("right", "right", "right")
        assert picker.value == 5
        await pilot.press("1", "left")
        assert picker.value == 1
        await pilot.press("backspace")
        assert picker.value is None
        rendered = picker.render().plain
        for n, word in MOOD_WORDS.items():
            assert f"{n} {word}" in rendered
        start = rendered.index("4 good")
        await pilot.click(ScalePicker, offset=(start, 0))
        assert picker.value == 4
        assert "● 4 good" in picker.render().plain
        await pilot.pause()
        assert app.changes == [3, 4, 5, 1, None, 4]


async def test_own_editor_round_trip(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.sh"
    script.write_text('#!/bin/sh\nprintf "\\nwritten elsewhere \\033[31m #nights" >> "$1"\n')
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # headless apps can't suspend
        await write(pilot, "first line")
        area = app.screen.query_one(TextArea)
        area.focus()
        await pilot.press("ctrl+o")
        await tags_settled(pilot)
        assert area.text == "first line\nwritten elsewhere [31m #nights"
        assert "nights" in chips(app)
    assert not list(tmp_path.glob("journal-*"))


async def test_recent_entries_keep_their_dividers_when_the_list_scrolls(store: Store) -> None:
    """Long, wrapping entries plus a scrollbar once made OptionList measure and draw at different
    widths, so each tall entry swallowed the divider below it."""
    for n in range(25):
        long_text = f"Entry {n}: " + "a long and winding sentence about the day " * 3
        store.save(Entry(Kind.MOOD, NOW - timedelta(hours=n), long_text, mood=3))
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        recent = app.screen.query_one(RecentList)
        await until(pilot, lambda: recent.option_count == 20, "listed")
        starts = [line for index, line in recent._index_to_line.items() if index > 0 and line < 30]
        assert len(starts) >= 4
        for line in starts:
            assert set(recent.render_line(line - 1).text.strip()) == {"─"}


async def test_a_failed_save_keeps_every_word(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(entry: Entry) -> Entry:
        raise OSError("disk full")

    monkeypatch.setattr(store, "save", broken)
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await write(pilot, TEXT)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("went wrong" in n for n in notices(app)), "a calm notice")
        assert app.screen.query_one(TextArea).text == TEXT
        assert app.screen.query_one("#mood-mood", ScalePicker).value == 2
        assert not any(n.startswith("Saved") for n in notices(app))

        monkeypatch.delattr(store, "save")  # the disk recovers: trying again just works
        await pilot.press("ctrl+s")
        await until(pilot, editor_empty(app), "saved on the second try")
        assert store.count(EntryQuery()) == 1


async def test_save_waits_for_keys_the_editor_has_not_handled_yet(store: Store) -> None:
    """ctrl+s is a priority binding: it must not overtake keystrokes still queued for the editor."""
    app = make(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await write(pilot, "typed quickly")
        area = app.screen.query_one(TextArea)
        area.move_cursor(area.document.end)
        for ch in "xyz":  # delivered to the editor's queue, not yet handled
            area.post_message(events.Key(ch, ch))
        app.screen.action_save()
        await until(pilot, lambda: store.count(EntryQuery()) == 1, "the entry was saved")
        (saved,) = store.search(EntryQuery())
        assert saved.text == "typed quicklyxyz"
