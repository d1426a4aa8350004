"""A quiet note with a "Got it" that puts it away: one widget, focusable, for mouse and keys alike.

Used for the Mood pane's privacy reminder. A `Static` beside a `Button` did the same with three
widgets and the button's large stylesheet, all in the first frame of every start until the reminder
is put away; this draws the note and its "Got it" as one piece of text, a click on "Got it" (or
enter while the note has focus) dismissing it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

GOT_IT = "Got it"


class GentleNote(Static, can_focus=True):
    """`text`, then a "Got it" link; posts `GentleNote.Dismissed` when either is used."""

    DEFAULT_CSS = """
    GentleNote {
        height: auto;
        color: $text-muted;
        text-style: italic;
        link-style: bold not italic;
        &:focus { background: $boost; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "got_it", GOT_IT)]

    class Dismissed(Message):
        """The note was put away."""

        def __init__(self, note: GentleNote) -> None:
            super().__init__()
            self.note = note

        @property
        def control(self) -> GentleNote:
            return self.note

    def __init__(self, text: str, *, id: str | None = None) -> None:
        link = Content.styled(f" {GOT_IT} ", Style.from_meta({"@click": "got_it"}))
        super().__init__(Content.assemble(text, "  ", link), id=id)

    def action_got_it(self) -> None:
        self.post_message(self.Dismissed(self))
