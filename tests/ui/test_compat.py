"""The app's Textual workarounds (journal/ui/compat.py), each against the behaviour it works around,
and the real start (`App.run()`, not `run_test()`) that only they make work on Python 3.12+.

A test here failing after a Textual upgrade means a trick no longer does what it did: mend it in
compat.py, or drop it if Textual now does the right thing itself."""

from __future__ import annotations

import asyncio
import gc
import inspect
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App, ComposeResult, ScreenStackError
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.geometry import Size
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static, TextArea
from textual.widgets.data_table import ColumnKey

from journal.storage import Store, open_store
from journal.ui import app as app_module
from journal.ui.app import JournalApp, run_app
from journal.ui.compat import (
    SteadyScreen,
    SteadyStylesheet,
    being_removed,
    breakpoint_classes,
    set_column_width,
)
from journal.ui.panes.base import PaneScreen
from journal.ui.panes.history import HistoryPane
from journal.ui.theme import CALM, CALM_LIGHT
from journal.ui.widgets.pane_footer import PaneFooter
from journal.ui.widgets.safe_input import SafeInput
from journal.ui.widgets.safe_text_area import SafeTextArea
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


# -- the private members compat relies on ----------------------------------------------------------


def parameters(function: Callable[..., Any]) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_private_members_compat_uses_still_exist_with_their_signatures(db_path: Path) -> None:
    """compat.py calls these by name; a rename or a new parameter upstream must fail here first."""
    assert parameters(App._fatal_error) == ["self"]
    assert parameters(App._close_messages_no_wait) == ["self"]
    assert parameters(DataTable._clear_caches) == ["self"]
    assert parameters(Stylesheet.set_variables) == ["self", "variables"]
    assert parameters(Stylesheet.reparse) == ["self"] and parameters(Stylesheet.parse) == ["self"]
    assert "_require_update_dimensions" in vars(DataTable())
    store = open_store(db_path)
    try:
        assert "_exception" in vars(JournalApp(store))
    finally:
        store.close()


# -- SteadyStylesheet ------------------------------------------------------------------------------

CSS = "Screen { background: $background; color: $foreground; }"


def background(sheet: Stylesheet) -> Color | None:
    (rule,) = sheet.rules
    return rule.styles.background


def test_new_variables_are_parsed_in_and_the_same_ones_are_not_parsed_again() -> None:
    sheet = SteadyStylesheet(variables={"background": "#111111", "foreground": "#eeeeee"})
    sheet.add_source(CSS, read_from=("test", "CSS"))
    sheet.parse()
    assert background(sheet) == Color.parse("#111111")
    first = sheet.rules[0]

    sheet.set_variables({"background": "#111111", "foreground": "#eeeeee"})
    sheet.reparse()
    assert sheet.rules[0] is first  # the same variables: the parsed rule set is kept

    sheet.set_variables({"background": "#222222", "foreground": "#eeeeee"})
    sheet.reparse()
    assert background(sheet) == Color.parse("#222222")

    sheet.add_source("Static { color: $background; }", read_from=("test", "more"))
    sheet.reparse()
    assert len(sheet.rules) == 2 and sheet.rules[1].styles.color == Color.parse("#222222")


async def test_the_app_keeps_its_steady_stylesheet_and_themes_still_recolour(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(demo_app.stylesheet, SteadyStylesheet)
        footer = demo_app.screen.query_one(PaneFooter)
        assert demo_app.screen.styles.background == Color.parse(CALM.background)
        calm_footer = footer.styles.background
        demo_app.theme = CALM_LIGHT.name
        await pilot.pause()
        assert demo_app.screen.styles.background == Color.parse(CALM_LIGHT.background)
        assert footer.styles.background != calm_footer
        demo_app.theme = CALM.name
        await pilot.pause()
        assert demo_app.screen.styles.background == Color.parse(CALM.background)
        assert footer.styles.background == calm_footer


async def test_a_panes_stylesheet_is_read_again_when_changed_under_dev_mode(
    demo_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`textual run --dev` (TEXTUAL=debug) watches every .tcss file and reloads the CSS when one
    changes; with the steady stylesheet in place, a pane's own file still takes effect."""
    sheets = [Path(path) for path in HistoryPane.CSS_PATH]
    copies = []
    for sheet in sheets:
        copies.append(tmp_path / sheet.name)
        shutil.copyfile(sheet, copies[-1])
    monkeypatch.setattr(HistoryPane, "CSS_PATH", copies)
    monkeypatch.setenv("TEXTUAL", "debug")
    app = JournalApp(demo_store)
    assert app.css_monitor is not None  # what --dev turns on
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_go("history")
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        before = table.styles.background
        changed = Color.parse("#123456")
        assert before != changed
        with copies[-1].open("a") as tcss:
            tcss.write("\n#history-table { background: #123456; }\n")
        stamp = copies[-1].stat().st_mtime + 5
        os.utime(copies[-1], (stamp, stamp))
        await app.css_monitor()  # what the monitor's quarter-second timer does
        await pilot.pause()
        assert table.styles.background == changed


# -- the collector during start-up -----------------------------------------------------------------


def test_the_collector_waits_for_the_first_frame_and_runs_after_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a real start the collector is off while the first pane is built and back on, with what
    start-up built frozen, once the first frame is up. Textual turning it back on by itself
    earlier, or never letting the first frame's callback run, fails this."""
    seen: dict[str, Any] = {}
    first_frame_up = JournalApp._first_frame_up

    def spy(self: JournalApp) -> None:
        seen["enabled_before_first_frame"] = gc.isenabled()
        first_frame_up(self)
        seen["enabled_after"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()

    async def first_frame(pilot: Pilot[None]) -> None:
        await pilot.pause()
        seen["compose_saw"] = seen.get("compose_saw")
        pilot.app.exit()

    def compose_spy(self: PaneScreen) -> Any:
        seen.setdefault("compose_saw", gc.isenabled())
        return compose(self)

    compose = PaneScreen.compose
    monkeypatch.setattr(JournalApp, "_first_frame_up", spy)
    monkeypatch.setattr(PaneScreen, "compose", compose_spy)
    store = open_store(db_path)
    store.set_setting("welcomed", True)
    try:
        JournalApp(store).run(headless=True, size=(120, 40), auto_pilot=first_frame)
    finally:
        store.close()
        gc.unfreeze()
    assert seen == {
        "compose_saw": False,
        "enabled_before_first_frame": False,
        "enabled_after": True,
        "frozen": seen["frozen"],
    }
    assert seen["frozen"] > 10_000
    assert gc.isenabled()


# -- SteadyScreen: breakpoints and resizes ---------------------------------------------------------


@pytest.mark.parametrize("width", [0, 1, 79, 80, 81, 159, 160, 161, 400])
@pytest.mark.parametrize("height", [0, 23, 24, 25, 60])
def test_the_breakpoint_rule_is_textuals_own(width: int, height: int) -> None:
    horizontal = [(0, "-narrow"), (80, "-wide"), (160, "-very-wide")]
    vertical = [(24, "-tall"), (0, "-short")]  # unsorted, as Textual allows
    ours = breakpoint_classes((width, height), horizontal, vertical)
    textuals = Screen()._get_breakpoint_classes(width, horizontal) | Screen()._get_breakpoint_classes(height, vertical)
    assert {name for name, on in ours.items() if on} == textuals
    assert set(ours) == {name for _, name in horizontal + vertical}


class Measured(SteadyScreen):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide"), (160, "-very-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def compose(self) -> ComposeResult:
        self.take_breakpoint_classes()
        yield Static("a pane's body", id="body")


class Overlay(ModalScreen[None]):
    DEFAULT_CSS = "Overlay { background: $background 50%; }"

    def compose(self) -> ComposeResult:
        yield Static("a dialog")


class BreakpointApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Measured())


def classes_on(screen: Screen[Any]) -> set[str]:
    return {name for name in screen.classes if name.startswith("-")}


async def test_breakpoints_apply_from_the_first_frame_and_follow_every_resize() -> None:
    app = BreakpointApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Measured)
        assert classes_on(screen) == {"-wide", "-tall"}
        for size, expected in [
            ((79, 40), {"-narrow", "-tall"}),
            ((80, 29), {"-wide", "-short"}),
            ((160, 30), {"-very-wide", "-tall"}),
            ((159, 30), {"-wide", "-tall"}),
        ]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert (screen.outer_size, classes_on(screen)) == (size, expected)


async def test_a_screen_resized_behind_a_dialog_is_laid_out_and_classed_for_the_new_size() -> None:
    """The dialog's Resize lays the screen behind it out again (background screens still resize),
    so when the screen's own Resize arrives its size already matches: its classes must still follow."""
    app = BreakpointApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        behind = app.screen
        app.push_screen(Overlay())
        await pilot.pause()
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert behind.outer_size == (70, 20)
        assert classes_on(behind) == {"-narrow", "-short"}
        app.pop_screen()
        await pilot.pause()
        assert app.screen is behind and classes_on(behind) == {"-narrow", "-short"}
        assert behind.query_one("#body").size.width == 70


async def test_the_mood_pane_behind_help_narrows_with_the_terminal(demo_app: JournalApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = demo_app.screen
        assert "-wide" in pane.classes
        await pilot.press("f1")
        await pilot.pause()
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.screen is pane
        assert "-narrow" in pane.classes and "-wide" not in pane.classes


async def test_a_resize_to_the_size_already_laid_out_is_passed_over() -> None:
    """The gain itself: without it, Textual lays the screen out again for each repeat of its size
    (if Textual stops sending those, this trick can go)."""
    app = BreakpointApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Measured)
        skipped: list[bool] = []
        event = events.Resize(screen.outer_size, screen.outer_size)
        screen.on_resize(event)
        skipped.append(event._no_default_action)
        other = events.Resize(Size(100, 40), Size(100, 40))
        screen.on_resize(other)
        skipped.append(other._no_default_action)
        assert skipped == [True, False]


# -- CleanPastes -----------------------------------------------------------------------------------

HOSTILE = "ok\x1b]52;c;bWFsaWNpb3Vz\x07 then\x1b[2J more\x9b\nsecond line"


class PasteApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SafeInput(id="input")
        yield SafeTextArea(id="area")
        yield SafeTextArea("kept", id="locked", read_only=True)


async def paste(pilot: Pilot[None], widget: Input | TextArea, text: str) -> None:
    widget.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))  # as the terminal driver delivers it: to the app
    await pilot.pause()


async def test_pastes_lose_their_control_characters_and_otherwise_paste_as_textual_does() -> None:
    app = PasteApp()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#input", SafeInput)
        await paste(pilot, field, HOSTILE)
        assert field.value == "ok]52;c;bWFsaWNpb3Vz then[2J more"  # Input keeps the first line
        field.select_all()
        await paste(pilot, field, "new\x07")
        assert field.value == "new"  # a selection is replaced, as Textual does

        area = app.query_one("#area", SafeTextArea)
        await paste(pilot, area, HOSTILE)
        assert area.text == "ok]52;c;bWFsaWNpb3Vz then[2J more\nsecond line"
        assert area.cursor_location == (1, len("second line"))

        locked = app.query_one("#locked", SafeTextArea)
        await paste(pilot, locked, "\x1b[2Jnot here")
        assert locked.text == "kept"


# -- set_column_width ------------------------------------------------------------------------------


def screen_text(app: App[Any]) -> str:
    return app.export_screenshot().replace("&#160;", " ")


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("when", width=6, key="when")
        table.add_column("words", width=10, key="words")
        table.add_row("monday", "a long line of words that is cut at the column's width")


async def test_a_columns_new_width_shows_at_once() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        narrow = table.virtual_size.width
        assert "that is cut" not in screen_text(app)
        set_column_width(table, ColumnKey("words"), 40)
        await pilot.pause()
        assert table.virtual_size.width == narrow + 30
        assert "that is cut" in screen_text(app)


# -- being_removed ---------------------------------------------------------------------------------


async def test_a_widget_being_removed_says_so_from_the_moment_removal_starts() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        hidden = Static("hidden")
        hidden.display = False
        await app.screen.mount(hidden)
        assert not being_removed(table) and not being_removed(hidden)
        assert isinstance(table, DOMNode) and not table._pruning
        removal = table.remove()
        assert table._pruning and being_removed(table)  # before the removal has run
        await removal
