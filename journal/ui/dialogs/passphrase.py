"""Unlocking an encrypted journal from the app: a calm passphrase dialog before anything else is shown.

Why a tiny app of its own (`UnlockApp`) rather than a screen inside `JournalApp`: the journal app is
built around one open `Store` (its theme, its first pane and the welcome all come from the journal),
so the journal is unlocked first and the real app starts only once there is a store to give it.
`run_app` imports this module only when a journal turns out to be locked, so opening a plain journal
costs nothing extra.

The passphrase goes from the password box straight to `open_store` in a thread worker (key derivation
takes a noticeable moment) and the box is emptied at once; it is never logged, shown or put in argv.
A wrong one gets one plain sentence and another try, as many as the person likes, with no hint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from journal.storage import Store, StoreError, WrongPassphrase, open_store
from journal.ui.theme import DEFAULT_THEME, THEMES

LOCKED = "This journal is locked. Your passphrase:"
HINT = "Enter opens it · Escape quits"
OPENING = "Opening…"
EMPTY = "Type your passphrase, then press Enter."
WRONG = "That passphrase doesn't open this journal; please try again."

#: Opens the journal at a path with a passphrase (a StoreError if it cannot).
Unlocker = Callable[[Path, str], Store]


def open_encrypted(path: Path, passphrase: str) -> Store:
    """Open an existing encrypted journal; never creates one (a moved file must not become a new one)."""
    return open_store(path, passphrase=passphrase, create=False)


class PassphraseDialog(ModalScreen[Store | None]):
    """Asks for the passphrase until the journal opens (dismissed with the store) or Escape (None)."""

    DEFAULT_CSS = """
    PassphraseDialog {
        align: center middle;
        background: $background 60%;
        & > .dialog {
            width: 60; max-width: 100%; height: auto;
            padding: 1 2 0 2;
            border: round $primary;
            border-title-color: $text-primary;
            border-title-style: bold;
            background: $surface;
        }
        & #unlock-prompt { margin-bottom: 1; }
        & Input { margin-bottom: 1; }
        & #unlock-message { height: auto; margin-bottom: 1; color: $text-warning; }
        & #unlock-message.-calm { color: $text-muted; }
        & #unlock-message.-empty { display: none; }
        & #unlock-hint { color: $text-muted; margin-bottom: 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "quit", "Quit")]

    def __init__(self, path: Path, unlocker: Unlocker = open_encrypted) -> None:
        super().__init__()
        self.path = path
        self.unlocker = unlocker
        self._opening = False
        self._quit_when_done = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as dialog:
            dialog.border_title = "Locked"
            yield Static(LOCKED, id="unlock-prompt")
            yield Input(password=True, id="passphrase", placeholder="passphrase")
            yield Static("", id="unlock-message", classes="-empty", markup=False)
            yield Static(HINT, id="unlock-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        box = event.input
        passphrase = box.value
        box.value = ""  # never kept on screen or in the widget once used
        if self._opening:
            return
        if not passphrase:
            self._say(EMPTY, calm=True)
            return
        self._opening = True
        box.disabled = True
        self._say(OPENING, calm=True)
        self._open(passphrase)

    @work(thread=True, exclusive=True, exit_on_error=False, group="unlock")
    def _open(self, passphrase: str) -> Store:
        return self.unlocker(self.path, passphrase)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "unlock" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self._opening = False
        if event.state == WorkerState.SUCCESS:
            store: Store | None = event.worker.result
            assert store is not None  # a successful unlock returns the open store
            if self._quit_when_done:  # Escape came while the key was being derived
                store.close()
                self.dismiss(None)
            else:
                self.dismiss(store)
            return
        if self._quit_when_done:
            self.dismiss(None)
            return
        error = event.worker.error
        if isinstance(error, WrongPassphrase):
            self._say(WRONG)
        elif isinstance(error, StoreError):
            self._say(str(error))  # written for people: the file moved, is damaged, is too new...
        else:
            name = type(error).__name__
            self._say(f"Something went wrong while opening the journal ({name}); it was not changed.")
        box = self.query_one(Input)
        box.disabled = False
        box.focus()

    def _say(self, sentence: str, *, calm: bool = False) -> None:
        message = self.query_one("#unlock-message", Static)
        message.update(sentence)
        message.set_class(calm, "-calm")
        message.remove_class("-empty")

    def action_quit(self) -> None:
        """Leave without opening anything; an attempt under way is closed again when it finishes."""
        if self._opening:
            self._quit_when_done = True
        else:
            self.dismiss(None)


class UnlockApp(App[Store | None]):
    """A small app that only unlocks the journal: `run()` returns the open store, or None on Escape."""

    TITLE = "journal"

    def __init__(self, path: Path, unlocker: Unlocker = open_encrypted) -> None:
        super().__init__()
        self.path = path
        self.unlocker = unlocker
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME  # the chosen theme is a setting inside the still-locked journal

    def on_mount(self) -> None:
        self.push_screen(PassphraseDialog(self.path, self.unlocker), self.exit)


def unlock(path: Path, unlocker: Unlocker = open_encrypted) -> Store | None:
    """Ask for the passphrase in the terminal's full screen; the open store, or None if they left."""
    return UnlockApp(path, unlocker).run()
