"""Editing an entry: its words (with live tags, exactly as when it was written) and its mood and energy.

The Mood pane's `TaggedEditor` is reused, loaded with the entry's text and the person's earlier tag
decisions, so a tag they rejected stays rejected (the store keeps the refusal too) and a tag they added
stays. ctrl+o opens the words in `$EDITOR`. Saving re-tags the new text in the store. Dismisses with the
entry as stored, or None.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from journal.domain.models import ENERGY_WORDS, MOOD_WORDS, Entry, Kind, Source
from journal.storage import Store
from journal.storage.errors import StoreError
from journal.ui.dialogs import entry_view
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.services import UsesServices
from journal.ui.widgets.scale_picker import ScalePicker
from journal.ui.widgets.tagged_editor import TaggedEditor
from journal.usecases.entries import save_entry


class EntryEdit(UsesServices, ForwardWorkerFailures, ModalScreen[Entry | None]):
    """See the module docstring."""

    DEFAULT_CSS = """
    EntryEdit { align: center middle; background: $background 60%; }
    EntryEdit > Vertical {
        width: 96; max-width: 100%; height: 90%; max-height: 100%;
        border: round $accent; border-title-style: bold; background: $surface; padding: 0 1;
    }
    EntryEdit ScalePicker { margin-bottom: 1; }
    EntryEdit #edit-hint { color: $text-muted; height: auto; }
    EntryEdit Horizontal { height: auto; align-horizontal: right; }
    EntryEdit Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    class _Saved(Message):
        def __init__(self, entry: Entry | None, problem: str | None) -> None:
            super().__init__()
            self.entry, self.problem = entry, problem

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
        self._saving = False
        self._has_mood = entry.kind is not Kind.BOUNDARY

    def compose(self) -> ComposeResult:
        with Vertical():
            if self._has_mood:
                yield ScalePicker("Mood", MOOD_WORDS, id="edit-mood", label_width=8)
                yield ScalePicker("Energy", ENERGY_WORDS, id="edit-energy", label_width=8)
            yield TaggedEditor(id="edit-editor")
            yield Static(
                "ctrl+s saves (tags are worked out again) · esc leaves it as it was · ctrl+o opens your $EDITOR",
                id="edit-hint",
                markup=False,
            )
            with Horizontal():
                yield Button("Cancel", id="edit-cancel")
                yield Button("Save", id="edit-save", variant="primary")

    def on_mount(self) -> None:
        entry, tz = self.entry, self.now().tzinfo
        self.query_one(Vertical).border_title = "Editing: " + entry_view.title(entry, tz)
        if self._has_mood:
            self.query_one("#edit-mood", ScalePicker).value = entry.mood
            self.query_one("#edit-energy", ScalePicker).value = entry.energy
        editor = self.query_one(TaggedEditor)
        editor.restore(
            {
                "text": entry.text,
                "rejected": [t.name for t in entry.tags if t.rejected],
                "manual": [t.name for t in entry.tags if t.source is Source.MANUAL and not t.rejected],
            }
        )
        # Editing usually means adding to what was written: the cursor starts at the end, in view.
        area = editor.text_area
        area.move_cursor(area.text_end)
        area.focus()

    @on(Button.Pressed, "#edit-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#edit-save")
    def action_save(self) -> None:
        if self._saving:
            return
        editor = self.query_one(TaggedEditor)
        changes: dict[str, Any] = {"text": editor.text, "tags": editor.entry_tags()}
        if self._has_mood:
            changes["mood"] = self.query_one("#edit-mood", ScalePicker).value
            changes["energy"] = self.query_one("#edit-energy", ScalePicker).value
        if self.entry.kind is Kind.MOOD and changes["mood"] is None:
            self.notify("A mood entry needs a mood; pick one from 1 to 5.", timeout=4)
            return
        was_rejected = {t.name for t in self.entry.tags if t.rejected}
        self._saving = True
        self._save(self.store, replace(self.entry, **changes), was_rejected - editor.rejected)

    @work(thread=True, exclusive=True, group="edit-save", exit_on_error=False)
    def _save(self, store: Store, entry: Entry, unrejected: set[str]) -> None:
        try:
            saved = save_entry(store, entry, unrejected=unrejected)  # they took back a "not this tag"
            self.post_message(self._Saved(saved, None))
        except StoreError as exc:
            self.post_message(self._Saved(None, str(exc)))

    @on(_Saved)
    def _saved(self, event: _Saved) -> None:
        self._saving = False
        if event.problem:
            self.notify(event.problem, title="Not saved", severity="warning", markup=False)
            return
        self.notify("Saved. Tags were worked out again from the new words.", timeout=3)
        self.dismiss(event.entry)
