"""Help: the keys, what the app is and is not, and where to find urgent help."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from journal.ui.dialogs.wording import NO_CLIENT_DETAILS, NOT_MEDICAL, URGENT_HELP, WHAT_IT_IS
from journal.ui.panes.catalog import PANES
from journal.ui.widgets.kept_whole import KeptWhole

#: Keys that work everywhere besides the pane keys, as (key, what it does).
GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("F1 or ?", "this help (? only when you are not typing)"),
    ("Ctrl+P", "command palette: every command by name, themes included"),
    ("Tab / Shift+Tab", "move between fields"),
    ("Esc", "close a dialog"),
    ("Ctrl+Q", "quit (everything you saved is kept)"),
)


def keys_table() -> str:
    """The key list as aligned plain lines."""
    rows = [(p.key.upper(), f"{p.title}: {p.help.lower()}") for p in PANES]
    rows += list(GENERAL_KEYS)
    width = max(len(key) for key, _ in rows)
    return "\n".join(f"{key.ljust(width)}  {what}" for key, what in rows)


class HelpScreen(ModalScreen[None]):
    """A calm overlay; any of Esc, F1, ? or q closes it."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS = [
        Binding("escape,f1,question_mark,q", "close", "Close", key_display="Esc"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help") as dialog:
            dialog.border_title = "Help"
            dialog.border_subtitle = "Esc to close"
            with VerticalScroll():
                yield Static("Keys", classes="dialog-heading")
                yield Static(keys_table(), classes="dialog-keys", markup=False)
                yield Static("What this is", classes="dialog-heading")
                yield Static(f"{WHAT_IT_IS} {NOT_MEDICAL}", markup=False)
                yield Static("If things feel like too much", classes="dialog-heading")
                yield KeptWhole(URGENT_HELP, classes="dialog-urgent")
                yield Static("Privacy", classes="dialog-heading")
                yield Static(NO_CLIENT_DETAILS, markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
