"""Your "never write" list: names (or any words) the confidentiality guard should always flag.

Kept in the journal itself (a setting), so it is encrypted along with everything else when the
journal is. The list is read and written in thread workers; the dialog dismisses with whether
anything changed.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from journal.domain.confidentiality import NEVER_WRITE_SETTING, never_write_list
from journal.storage import Store
from journal.ui.dialogs.list_dialog import ListDialog
from journal.ui.safe import safe_plain, safe_text

_MAX_NAME = 60
HINT = "enter adds · delete removes the highlighted name · escape closes"
INTRO = (
    "Names on this list are flagged whenever they appear in a note (whole words, any case), "
    "so you can redact them before saving."
)


class _Names(Message):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names


class NeverWriteDialog(ListDialog):
    """Add or remove names on the never-write list."""

    DEFAULT_CSS = """
    NeverWriteDialog {
        & #never-title { text-style: bold; margin-bottom: 1; }
        & #never-intro { margin-bottom: 1; }
        & #never-list { height: auto; max-height: 12; border: none; padding: 0; margin-bottom: 1; }
        & #never-said { height: auto; margin-top: 1; }
        & #never-hint { color: $text-muted; margin-top: 1; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Never write", id="never-title")
            yield Static(INTRO, markup=False, id="never-intro")
            yield OptionList(id="never-list")
            yield Input(placeholder="Add a name, e.g. a client's surname", id="never-new")
            yield Static("", id="never-said", markup=False)
            yield Static(HINT, id="never-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#never-new", Input).focus()
        self._run(self.store, None)

    @work(thread=True, exclusive=True, group="never-write", exit_on_error=False)
    def _run(self, store: Store, names: list[str] | None) -> None:
        """Store a new list (or nothing), then read it back."""
        if names is not None:
            store.set_setting(NEVER_WRITE_SETTING, names)
        self.post_message(_Names(never_write_list(store.get_setting(NEVER_WRITE_SETTING, []))))

    @on(_Names)
    def _show(self, event: _Names) -> None:
        self.names = event.names
        listing = self.query_one("#never-list", OptionList)
        listing.set_options([Option(safe_text(name), id=str(i)) for i, name in enumerate(self.names)])
        if self.names:
            listing.highlighted = min(listing.highlighted or 0, len(self.names) - 1)

    def _say(self, text: str) -> None:
        self.query_one("#never-said", Static).update(text)

    @on(Input.Submitted, "#never-new")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(safe_plain(event.value).split())[:_MAX_NAME]
        if not name:
            self._say("Type a name first.")
            return
        event.input.value = ""
        if name.casefold() in (n.casefold() for n in self.names):
            self._say("That name is already on the list.")
            return
        self.changed = True
        self._say("Added. It will be flagged from now on.")
        self._run(self.store, [*self.names, name])

    def action_remove(self) -> None:
        listing = self.query_one("#never-list", OptionList)
        index = listing.highlighted
        if index is None or not self.names:
            self._say("Highlight a name in the list to remove it.")
            return
        self.changed = True
        self._say("Removed.")
        self._run(self.store, [n for i, n in enumerate(self.names) if i != index])
