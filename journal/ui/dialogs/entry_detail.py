"""One entry, whole: its text, its fields, its tags and why; edit it, trash it, or bring it back.

Dismisses with what happened ("edited", "deleted", "restored", "purged") or None, so the History pane
can refresh and offer undo. Writes run in a thread worker; a failure is one calm sentence.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.domain.models import Entry
from journal.storage import Store
from journal.storage.errors import StoreError
from journal.ui.dialogs import entry_view
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.safe import safe_text
from journal.ui.services import UsesServices

_DONE = {
    "deleted": "Moved to the trash.",
    "restored": "Brought back from the trash.",
    "purged": "Deleted for good.",
}


class EntryDetail(UsesServices, ForwardWorkerFailures, ModalScreen[str | None]):
    """See the module docstring."""

    DEFAULT_CSS = """
    EntryDetail { align: center middle; background: $background 60%; }
    EntryDetail > Vertical {
        width: 96; max-width: 100%; height: auto; max-height: 90%;
        border: round $primary; border-title-style: bold; border-title-color: $text-primary;
        border-subtitle-color: $text-muted; background: $surface; padding: 0 1;
    }
    EntryDetail #detail-fields { margin-bottom: 1; color: $text-secondary; }
    EntryDetail #detail-scroll { height: auto; max-height: 1fr; }
    EntryDetail #detail-text { margin-bottom: 1; }
    EntryDetail #detail-ritual { margin-bottom: 1; }
    EntryDetail .detail-heading { text-style: bold; color: $text-secondary; }
    EntryDetail #detail-confirm { color: $text-warning; height: auto; }
    EntryDetail Horizontal { height: auto; align-horizontal: right; }
    EntryDetail Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "trash", "Move to trash"),
        Binding("r", "restore", "Restore"),
        Binding("x", "purge", "Delete for good"),
    ]

    class _Done(Message):
        def __init__(self, action: str, problem: str | None) -> None:
            super().__init__()
            self.action, self.problem = action, problem

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
        self._edited = False
        self._confirm_purge = False

    @property
    def in_trash(self) -> bool:
        return self.entry.deleted_at is not None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="detail-fields")
            with VerticalScroll(id="detail-scroll"):
                yield Static(id="detail-text")
                yield Static(id="detail-ritual")
                yield Static("Tags", classes="detail-heading")
                yield Static(id="detail-tags")
            yield Static(id="detail-confirm")
            with Horizontal():
                if self.in_trash:
                    yield Button("Restore", id="detail-restore", variant="primary")
                    yield Button("Delete for good", id="detail-purge", variant="error")
                else:
                    yield Button("Edit", id="detail-edit", variant="primary")
                    yield Button("Move to trash", id="detail-trash")
                yield Button("Close", id="detail-close")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#detail-scroll").focus()

    def _show(self) -> None:
        entry, tz = self.entry, self.now().tzinfo
        frame = self.query_one(Vertical)
        frame.border_title = entry_view.title(entry, tz)
        frame.border_subtitle = (
            "r restore · x delete for good · esc close" if self.in_trash else ("e edit · d move to trash · esc close")
        )
        self.query_one("#detail-fields", Static).update(entry_view.fields(entry))
        text = safe_text(entry.text) if entry.text.strip() else Content.styled("(no words written)", "$text-muted")
        self.query_one("#detail-text", Static).update(text)
        ritual = entry_view.ritual_answers(entry)
        ritual_view = self.query_one("#detail-ritual", Static)
        ritual_view.display = ritual is not None
        ritual_view.update(ritual or "")
        self.query_one("#detail-tags", Static).update(entry_view.tag_lines(entry))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "trash"):
            return not self.in_trash
        if action in ("restore", "purge"):
            return self.in_trash
        return True

    # actions ---------------------------------------------------------------------------------------
    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        action = (event.button.id or "").removeprefix("detail-")
        getattr(self, f"action_{action}")()

    def action_close(self) -> None:
        self.dismiss("edited" if self._edited else None)

    def action_edit(self) -> None:
        from journal.ui.dialogs.entry_edit import EntryEdit

        def saved(entry: Entry | None) -> None:
            if entry is not None:
                self.entry, self._edited = entry, True
                self._show()

        self.app.push_screen(EntryEdit(self.entry), saved)

    def action_trash(self) -> None:
        self._write(self.store, "deleted")

    def action_restore(self) -> None:
        self._write(self.store, "restored")

    def action_purge(self) -> None:
        if not self._confirm_purge:
            self._confirm_purge = True
            self.query_one("#detail-confirm", Static).update(
                "This can't be undone. Press x (or the button) again to delete it for good."
            )
            return
        self._write(self.store, "purged")

    @work(thread=True, exclusive=True, group="detail-write", exit_on_error=False)
    def _write(self, store: Store, action: str) -> None:
        do = {"deleted": store.delete, "restored": store.restore, "purged": store.purge}[action]
        assert self.entry.id is not None, "only a saved entry is shown here"
        try:
            do(self.entry.id)
            problem = None
        except StoreError as exc:
            problem = str(exc)
        self.post_message(self._Done(action, problem))

    @on(_Done)
    def _done(self, event: _Done) -> None:
        if event.problem:
            self.notify(event.problem, title="That didn't work", severity="warning", markup=False)
            return
        if event.action != "deleted":  # the pane offers undo for a move to the trash
            self.notify(_DONE[event.action], timeout=4)
        self.dismiss(event.action)
