"""The first-run welcome: shown once, says what the app is and where urgent help is, and invites the
end-of-shift ritual (the heart of the app) with a button that begins it. The app remembers
it was seen (setting `welcomed`) when it is dismissed.

The reminder to keep client details out is not repeated here: the Mood pane gives it once, beside the
editor where it matters, and the help screen keeps it for reference."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.ui.dialogs.wording import NOT_MEDICAL, URGENT_HELP, WHAT_IT_IS
from journal.ui.widgets.kept_whole import KeptWhole

#: What the welcome dismisses with when the person chose to begin the ritual.
BEGIN_RITUAL = "ritual"

RITUAL_INVITE = (
    "At the heart of it is a five-minute ritual for the end of a shift: check in, put down what is "
    "still on your mind, park tomorrow's loops, breathe, and close the day. Every step can be skipped."
)


class WelcomeScreen(ModalScreen[str | None]):
    """A short hello before the first use, inviting the end-of-shift ritual.

    Dismisses with `BEGIN_RITUAL` when the person chooses to begin it, None to look around first.
    """

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS = [Binding("escape", "close", "Look around first")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="welcome") as dialog:
            dialog.border_title = "Welcome"
            yield Static(WHAT_IT_IS, markup=False)
            yield Static(RITUAL_INVITE, markup=False)
            yield Static(NOT_MEDICAL, markup=False)
            yield KeptWhole(URGENT_HELP, classes="dialog-urgent")
            with Horizontal(id="welcome-buttons"):
                yield Button("Begin the end-of-shift ritual", variant="primary", id="begin-ritual")
                yield Button("Look around first", id="begin")
            yield Static(
                "F2 opens the ritual whenever you want it; F1 shows help and the keys at any time.",
                classes="dialog-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#begin-ritual", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(BEGIN_RITUAL if event.button.id == "begin-ritual" else None)

    def action_close(self) -> None:
        self.dismiss(None)
