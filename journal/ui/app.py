"""The app shell: five panes as modes, their keys, the theme, help, and calm worker failures.

Kept deliberately small; everything a pane does lives in its own module under `panes/`.

Start-up is kept close to a bare Textual app's: only the first pane's module is imported and mounted
(the others when first visited, see `catalog.screen_factory`), help and the welcome are imported when
shown, and the tagger is warmed in a thread once the first frame is up, so the first words typed are
tagged at once without the first frame waiting for it.
"""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from journal.storage import ReadOnlyJournal, Store, StoreError, WrongPassphrase, open_store
from journal.ui.commands import JournalCommands
from journal.ui.compat import CompatApp
from journal.ui.latest_writes import LatestWrites
from journal.ui.messages import JournalChanged
from journal.ui.panes.base import PaneScreen
from journal.ui.panes.catalog import NARROW, PANES, pane_bindings, screen_factory
from journal.ui.theme import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from journal.ui.panes.mood import FirstLook

WELCOMED = "welcomed"
#: The only Textual system commands the palette keeps (see `JournalApp.get_system_commands`).
SYSTEM_COMMANDS_KEPT = frozenset({"Quit"})
#: A ritual started this recently and not closed reopens the app on the Ritual pane.
RESUME_WITHIN = timedelta(hours=12)
#: Seconds after the first frame before the tagger is built in a thread: late enough not to slow the
#: first frame down, early enough to be ready before a first sentence is typed (and if it is not,
#: the live tagging simply builds it itself, off the UI thread all the same).
WARM_TAGGER_AFTER = 0.2
#: Said once on opening a journal that can only be read (read-only media, or no write permission).
READ_ONLY_NOTICE = "This journal is read-only here: you can read everything, but nothing new can be saved."
READ_ONLY_NOTICE_SECONDS = 12
#: Said when a save meets a read-only journal; the form or editor keeps what was typed.
READ_ONLY_REFUSED = "The journal is read-only here, so nothing was saved; anything you typed is still on screen."


def local_now() -> datetime:
    """The real clock: aware, in the local time zone."""
    return datetime.now().astimezone()


def ritual_in_progress(state: dict[str, Any] | None, now: datetime) -> bool:
    """Whether a ritual was left halfway recently enough to pick up again on start.

    Older unfinished rituals wait quietly in the Ritual pane instead of greeting the next morning.
    """
    if not state or state.get("closed_at"):
        return False
    try:
        started = datetime.fromisoformat(state["started_at"])
    except (KeyError, TypeError, ValueError):
        return False
    return timedelta(0) <= now - started <= RESUME_WITHIN


class JournalApp(CompatApp):
    """The journal's terminal interface, over one open `Store`."""

    TITLE = "journal"
    # The everyday first pane's stylesheets come with the app's, in its first parse: a screen that
    # brings a CSS_PATH the app lacks costs Textual a full re-parse and restyle before the first
    # frame. Only these: every extra rule slows each later parse. The other panes bring their own
    # on first visit (and Mood keeps its CSS_PATH for use on its own; Textual skips a file it has).
    CSS_PATH = [
        "app.tcss",
        "panes/base.tcss",
        "panes/mood.tcss",
    ]
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {pane.mode: screen_factory(pane) for pane in PANES}
    # Mood by default (the everyday pane); __init__ picks the Ritual instead when one is unfinished.
    DEFAULT_MODE = "mood"
    COMMANDS = App.COMMANDS | {JournalCommands}
    # Pane keys are priority bindings so they work while the cursor is in a text box.
    BINDINGS: ClassVar[list[BindingType]] = [
        *pane_bindings(),
        Binding("f1", "help", "Help", key_display="F1", priority=True),
        Binding("question_mark", "help", "Help", show=False),
    ]

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] | None = None,
        demo: bool = False,
    ) -> None:
        clock = clock or local_now
        # Chosen before Textual opens the first mode, so the pane not shown is never built.
        if ritual_in_progress(store.ritual_state(), clock()):
            # a ritual left halfway resumes where it was (Textual reads DEFAULT_MODE in __init__)
            self.DEFAULT_MODE = "ritual"  # type: ignore[misc]
        super().__init__()
        self.store = store
        #: set once the tagger is built (the benchmark and tests wait on it)
        self.tagger_warm = threading.Event()
        #: set once the app has checked whether to offer re-tagging past entries (tests wait on it)
        self.retag_checked = threading.Event()
        self._settings: LatestWrites[str, Any] = LatestWrites()
        self.clock: Callable[[], datetime] = clock
        self.demo = demo
        if demo:
            self.title = "journal (demo)"
        #: what the Mood pane shows first, read in a thread while Textual starts (see MoodPane)
        self._mood_first_look: Future[FirstLook] | None = None
        if self.DEFAULT_MODE == "mood":
            from journal.ui.panes.mood import FirstLook

            self._mood_first_look = FirstLook.read_ahead(store)
        for theme in THEMES:
            self.register_theme(theme)
        ours = {theme.name for theme in THEMES}
        # Read as the app is built, before the interface runs; every later read or write of the
        # journal happens in a thread worker (see `write_setting`).
        self._welcomed_before = bool(store.get_setting(WELCOMED, False))
        saved = self._saved_theme = store.get_setting("theme", DEFAULT_THEME)
        self.theme = saved if saved in ours else DEFAULT_THEME
        # Only the app's own themes are offered: each keeps every piece of text at WCAG AA contrast
        # (tests/ui/test_contrast.py); Textual's built-in ones were never checked and several fail.
        for name in [name for name in self.available_themes if name not in ours]:
            self.unregister_theme(name)

    def take_mood_first_look(self) -> Future[FirstLook] | None:
        """The Mood pane's first look read ahead at start (once; None after, or if Mood was not first)."""
        ahead, self._mood_first_look = self._mood_first_look, None
        return ahead

    def on_mount(self) -> None:
        if self.store.read_only:
            self.notify(READ_ONLY_NOTICE, title="Read-only", timeout=READ_ONLY_NOTICE_SECONDS, markup=False)
        if not self._welcomed_before:
            from journal.ui.dialogs.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), self._welcomed)
        self.call_after_refresh(self._first_frame_up)

    def _first_frame_up(self) -> None:
        self.collect_from_now()  # see CompatApp.run
        self.set_timer(WARM_TAGGER_AFTER, self._warm_tagger)

    @work(thread=True, group="warm-tagger", exit_on_error=False)
    def _warm_tagger(self) -> None:
        """Build the shared tagger off the UI thread; the live tags of the first words then wait
        for nothing. Outside the store's lock, so loading entries meanwhile is not held up."""
        from journal.domain.tagging import default_tagger

        try:
            default_tagger().tag("ready")  # also builds the typo index the first tagging needs
        finally:
            self.tagger_warm.set()
        from journal.domain.tagging.compiled import cache_notice

        notice = cache_notice()
        if notice:
            self.call_from_thread(self.notify, notice, title="A note on speed", timeout=10)
        try:
            if self.store.retag_offer_due():
                self.call_from_thread(self._offer_retag)
        except Exception:  # only an offer: a journal that cannot say now (or an app closing) asks next time
            pass
        finally:
            self.retag_checked.set()

    def _offer_retag(self) -> None:
        """Once after an upgrade of the tagger: offer to re-tag the past entries (see RetagDialog)."""
        from journal.ui.dialogs.retag import RetagDialog

        self.push_screen(RetagDialog(offered=True))

    def write_setting(self, key: str, value: Any) -> None:
        """Remember a setting, off the UI thread (the last value asked for is the one that lands).
        A read-only journal keeps nothing: the welcome comes again, a theme lasts this session."""
        if self.store.read_only:
            return
        self._settings.put(key, value)
        self._write_settings()

    @work(thread=True, group="app-settings", exit_on_error=False)
    def _write_settings(self) -> None:
        self._settings.write(self.store.set_setting)

    def _welcomed(self, choice: str | None) -> None:
        self.write_setting(WELCOMED, True)
        if choice == "ritual":  # the welcome's invitation taken: begin the end-of-shift ritual
            self.action_go("ritual")

    def watch_theme(self, name: str) -> None:
        if self._saved_theme != name:
            self._saved_theme = name
            self.write_setting("theme", name)

    def action_go(self, mode: str) -> None:
        """Go to a pane; help or the palette left open would only be in the way on return."""
        from journal.ui.dialogs.help import HelpScreen

        while isinstance(self.screen, (HelpScreen, CommandPalette)):
            self.pop_screen()
        self.switch_mode(mode)

    def action_go_short(self, mode: str) -> None:
        self.action_go(mode)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One form of each pane key is live at a time; it is also the one the footer shows.
        if action in ("go", "go_short"):
            return (action == "go_short") == (self.size.width < NARROW)
        return True

    def on_resize(self) -> None:
        self.refresh_bindings()

    def action_help(self) -> None:
        """Open help, or close it if it is open (F1 is a priority key, so it must do both)."""
        from journal.ui.dialogs.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Only this app's commands, plus Textual's "Quit".

        Textual's own ("Theme", duplicated by our "Switch theme"; "Keys", "Maximize", "Minimize";
        "Screenshot", which would write a private journal to a file unasked) are left out.
        """
        return (c for c in super().get_system_commands(screen) if c.title in SYSTEM_COMMANDS_KEPT)

    def on_journal_changed(self, _: JournalChanged) -> None:
        screen = self.top_screen()  # None when a save lands as the app closes
        if isinstance(screen, PaneScreen):
            screen.refresh_header()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed background job becomes a calm notice (no text, no traceback)."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, ReadOnlyJournal):
            self.notify(READ_ONLY_REFUSED, title="Not saved", severity="warning", markup=False)
            return
        if isinstance(error, StoreError):
            # the store's errors are written for people (disk full, file moved, locked): say exactly that
            self.notify(str(error), title="That didn't work", severity="warning")
            return
        self.notify(
            "Something went wrong in the background; nothing you saved was lost. Please try that again.",
            title="That didn't work",
            severity="warning",
        )


def run_app(
    db_path: Path,
    *,
    demo: bool = False,
    opener: Callable[[Path], Store] = open_store,
    unlock: bool = False,
) -> None:
    """Open the journal (or a fresh throwaway demo journal), run the app, and always close the store.

    `opener` lets the CLI open the journal its own way (making the folder, a passphrase from the
    environment). With `unlock`, a journal the opener finds locked is unlocked in a passphrase dialog
    first; leaving that dialog ends here quietly, with nothing opened.
    """
    if demo:
        from journal.demo import demo_path

        db_path = demo_path()
    try:
        store = opener(db_path)
    except WrongPassphrase:
        if not unlock:
            raise
        from journal.ui.dialogs.passphrase import unlock as unlock_dialog  # only for a locked journal

        unlocked = unlock_dialog(db_path)
        if unlocked is None:
            return
        store = unlocked
    try:
        app = JournalApp(store, demo=demo)
        app.run()
    finally:
        store.close()
        if demo and db_path.parent.name.startswith("journal-demo-"):
            shutil.rmtree(db_path.parent, ignore_errors=True)  # the demo is throwaway
    if app.return_code:  # Textual's code for a crash; a crash must never look like a clean exit
        print(app.crash_sentence or "journal stopped on a problem of its own.", file=sys.stderr)
        raise SystemExit(app.return_code)
