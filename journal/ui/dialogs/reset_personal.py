"""Confirming "forget what the tagger learned from me" (the palette's reset of personal tagging).

Keeping them is the default (focused, and escape): forgetting cannot be undone.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


class ResetPersonalDialog(ModalScreen[bool]):
    """Ask before forgetting the tag choices the tagger learned from; dismisses with True to forget."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS = [Binding("escape", "keep", "Keep them")]

    def __init__(self, rejected: int, added: int) -> None:
        super().__init__()
        self.rejected, self.added = rejected, added

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reset-personal") as dialog:
            dialog.border_title = "Forget what the tagger learned from you?"
            yield Static(
                f"The tagger remembers {_count(self.rejected, 'tag', 'tags')} you turned down and "
                f"{_count(self.added, 'tag', 'tags')} you added by hand, and uses them on similar notes. "
                "Forgetting them cannot be undone; your entries and their tags stay as they are.",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep them", variant="primary", id="reset-keep")
                yield Button("Forget them", variant="warning", id="reset-forget")

    def on_mount(self) -> None:
        self.query_one("#reset-keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "reset-forget")

    def action_keep(self) -> None:
        self.dismiss(False)
