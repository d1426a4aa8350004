"""Teach the tagger: "when I write these words, I mean this tag".

A small modal over the editor. The phrase is the user's own selection, shown as inert text; the tag
name completes from the catalogue, and a name the journal doesn't know yet becomes a personal tag.
Dismisses with the chosen tag slug, or None if the user changed their mind.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from journal.domain.tags import MAX_TYPED_TAG, tag_slug
from journal.ui.safe import safe_text


class TeachDialog(ModalScreen[str | None]):
    """Pick (or name) the tag a phrase should mean."""

    DEFAULT_CSS = """
    TeachDialog {
        align: center middle;
        & > Vertical {
            width: 64;
            max-width: 95%;
            height: auto;
            border: round $accent;
            background: $surface;
            padding: 1 2;
        }
        & #teach-title { text-style: bold; margin-bottom: 1; }
        & #teach-phrase { margin-bottom: 1; }
        & #teach-hint { color: $text-muted; margin-top: 1; }
        & Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, phrase: str, tag_names: Sequence[str]) -> None:
        super().__init__()
        self.phrase = phrase
        self.tag_names = list(tag_names)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Teach the tagger", id="teach-title")
            yield Static(
                Content.assemble("When I write ", Content('"'), safe_text(self.phrase), '"'),
                id="teach-phrase",
            )
            yield Input(
                placeholder="…I mean the tag (e.g. sleep, or a new one)",
                suggester=SuggestFromList(self.tag_names, case_sensitive=False),
                max_length=MAX_TYPED_TAG,
                id="teach-tag",
            )
            yield Label("→ completes a tag; a new name becomes a personal tag.", id="teach-hint")
            with Horizontal():
                yield Button("Cancel", id="teach-cancel")
                yield Button("Teach", variant="primary", id="teach-ok")

    @on(Input.Submitted, "#teach-tag")
    @on(Button.Pressed, "#teach-ok")
    def _submit(self) -> None:
        tag = tag_slug(self.query_one("#teach-tag", Input).value)
        if not tag:
            self.notify("Type the tag these words should mean.", timeout=3)
            return
        self.dismiss(tag)

    @on(Button.Pressed, "#teach-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
