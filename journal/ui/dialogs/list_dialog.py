"""What the small list-editing dialogs share: the centred frame, escape and delete, and the answer.

Your boundary kinds and your never-write list are both "a list, a box to add to it, delete to take
the highlighted one away"; each dialog writes through the store in thread workers and dismisses with
whether anything changed, so whoever opened it reloads only when it must.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen

from journal.ui.messages import ForwardWorkerFailures
from journal.ui.services import UsesServices


class ListDialog(UsesServices, ForwardWorkerFailures, ModalScreen[bool]):
    """A modal list editor; subclasses compose a `Vertical` and implement `action_remove`."""

    DEFAULT_CSS = """
    ListDialog {
        align: center middle;
        background: $background 60%;
        & > Vertical {
            width: 70;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            background: $surface;
            padding: 1 2;
        }
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("delete", "remove", "Remove", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        #: whether the list was changed while the dialog was open (its answer on closing)
        self.changed = False

    def action_remove(self) -> None:
        """Remove the highlighted item (each dialog knows what that means for its list)."""
        raise NotImplementedError

    def action_close(self) -> None:
        self.dismiss(self.changed)
