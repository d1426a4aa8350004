"""Export from the app: pick a format and a file, and the journal is written there in the background.

The same export as `journal export` (journal.usecases.exchange); the file is written atomically,
private (0600), and an existing file is never replaced from here.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from journal.ui.services import UsesServices
from journal.usecases.exchange import ExportProblem, export_file, export_formats

ENCRYPTED_NOTE = "Your journal is encrypted, but the exported file will not be: keep it somewhere private."


def default_path(fmt: str, today: date | None = None) -> str:
    """~/journal-export-2026-11-20.json: a name that says what it is and when."""
    suffix = export_formats()[fmt].suffix
    return f"~/journal-export-{(today or date.today()).isoformat()}{suffix}"


class ExportDialog(UsesServices, ModalScreen[None]):
    """Format and file; Export writes it in a thread worker and reports back."""

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
        & > Vertical {
            width: 70; max-width: 95%; height: auto;
            border: round $accent; background: $surface; padding: 1 2;
        }
        & #export-title { text-style: bold; margin-bottom: 1; }
        & RadioSet { width: 100%; margin-bottom: 1; }
        & #export-note { color: $warning; margin-top: 1; }
        & Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, *, encrypted: bool = False) -> None:
        super().__init__()
        self.encrypted = encrypted
        self.formats = export_formats()
        self.fmt = "json"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Export your journal", id="export-title")
            with RadioSet(id="export-format"):
                for name, cls in self.formats.items():
                    yield RadioButton(f"{name}: {cls.description}", value=name == self.fmt, name=name)
            yield Input(value=default_path(self.fmt, self.now().date()), id="export-path")
            if self.encrypted:
                yield Static(ENCRYPTED_NOTE, id="export-note", markup=False)
            with Horizontal():
                yield Button("Cancel", id="export-cancel")
                yield Button("Export", variant="primary", id="export-ok")

    @on(RadioSet.Changed, "#export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        today = self.now().date()
        was_default = path_input.value == default_path(self.fmt, today)
        self.fmt = event.pressed.name or "json"
        if was_default:  # follow the format unless the person typed their own name
            path_input.value = default_path(self.fmt, today)

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _submit(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Type where the export should go.", timeout=3)
            return
        self.query_one("#export-ok", Button).disabled = True
        self._export(Path(raw).expanduser(), self.fmt, self.now())

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, path: Path, fmt: str, now: datetime) -> None:
        store = self.store
        try:
            count = export_file(store, path, fmt, now=now)
        except ExportProblem as problem:
            self.app.call_from_thread(self._failed, str(problem))
        except OSError as exc:
            reason = exc.strerror or "disk error"
            self.app.call_from_thread(self._failed, f"The export could not be written ({reason}).")
        else:
            noun = "entry" if count == 1 else "entries"
            self.app.call_from_thread(self._done, f"Exported {count} {noun} to {path}.")

    def _failed(self, sentence: str) -> None:
        self.query_one("#export-ok", Button).disabled = False
        self.notify(sentence, severity="warning", markup=False, timeout=6)

    def _done(self, sentence: str) -> None:
        self.app.notify(sentence, markup=False, timeout=6)
        self.dismiss(None)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
