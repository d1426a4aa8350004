"""The first-run welcome: shown once, says what the app is and where urgent help is. The app remembers
it was seen (setting `welcomed`) when it is dismissed.

The reminder to keep client details out is not repeated here: the Mood pane gives it once, beside the
editor where it matters, and the help screen keeps it for reference."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.ui.dialogs.wording import NOT_MEDICAL, URGENT_HELP, WHAT_IT_IS


class WelcomeScreen(ModalScreen[None]):
    """A short hello before the first use."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS = [Binding("escape", "close", "Begin")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="welcome") as dialog:
            dialog.border_title = "Welcome"
            yield Static(WHAT_IT_IS, markup=False)
            yield Static(NOT_MEDICAL, markup=False)
            yield Static(URGENT_HELP, classes="dialog-urgent", markup=False)
            yield Static("F1 shows help and the keys at any time.", classes="dialog-hint")
            yield Button("Begin", variant="primary", id="begin")

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
