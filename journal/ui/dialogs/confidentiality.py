"""Before a save: "This may identify someone" — save as is, redact and save, or keep editing.

The guard only ever asks; the writer decides, and every choice is one key. The flagged details are
the writer's own words shown back to them as inert text (never markup), cut short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from journal.domain.confidentiality import Finding, describe
from journal.ui.safe import safe_text

Choice = Literal["save", "redact", "edit"]


class ConfidentialityDialog(ModalScreen[Choice]):
    """Ask what to do with a note that may identify someone. Dismisses with "save", "redact" or "edit"."""

    DEFAULT_CSS = """
    ConfidentialityDialog {
        align: center middle;
        background: $background 60%;
        & > Vertical {
            width: 72;
            max-width: 100%;
            height: auto;
            border: round $warning;
            background: $surface;
            padding: 1 2;
        }
        & #guard-title { text-style: bold; margin-bottom: 1; }
        & #guard-hint { color: $text-muted; margin-top: 1; }
        & Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """

    BINDINGS = [
        Binding("escape", "choose('edit')", "Keep editing"),
        Binding("s", "choose('save')", "Save as is", show=False),
        Binding("r", "choose('redact')", "Redact and save", show=False),
        Binding("e", "choose('edit')", "Keep editing", show=False),
    ]

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__()
        self.findings = list(findings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("This may identify someone", id="guard-title")
            yield Static(safe_text(describe(self.findings) + "."), id="guard-found")
            yield Static(
                "Redacting swaps each of these for a placeholder like [phone]. Initials or "
                "'a client' are usually enough.",
                markup=False,
                id="guard-hint",
            )
            with Horizontal():
                yield Button("Keep editing", id="guard-edit")
                yield Button("Save as is", id="guard-save")
                yield Button("Redact and save", variant="primary", id="guard-redact")

    def on_mount(self) -> None:
        self.query_one("#guard-redact", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "guard-edit").removeprefix("guard-")
        self.action_choose(choice)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice if choice in ("save", "redact") else "edit")  # type: ignore[arg-type]
