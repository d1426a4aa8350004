"""Saving the brief from the app: Markdown or a printable HTML page, and where.

The same writer as `journal brief --out` (journal.exchange.brief.write_brief): private (0600), all at
once, and never over an existing file from here (choose another name instead).
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from journal.domain.brief import Brief
from journal.exchange.brief import suggested_name, write_brief
from journal.ui.messages import ForwardWorkerFailures
from journal.usecases.exchange import ExportProblem

FORMATS = {"html": "a printable page (HTML), opens in any browser", "md": "Markdown, to read or paste into notes"}
ENCRYPTED_NOTE = "Your journal is encrypted, but the saved brief will not be: keep it somewhere private."


def default_path(brief: Brief, fmt: str) -> str:
    return f"~/{suggested_name(brief, fmt)}"


class BriefExportDialog(ForwardWorkerFailures, ModalScreen[Path | None]):
    """Format and file; dismisses with the path written, or None."""

    DEFAULT_CSS = """
    BriefExportDialog {
        align: center middle;
        background: $background 60%;
        & > #brief-export {
            width: 76; max-width: 95%; height: auto;
            border: round $accent; background: $surface; padding: 1 2;
        }
        & #brief-export-title { text-style: bold; margin-bottom: 1; }
        & RadioSet { width: 100%; margin-bottom: 1; }
        & #brief-export-privacy { color: $text-muted; margin-top: 1; }
        & #brief-export-note { color: $text-warning; margin-top: 1; }
        & Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, brief: Brief, *, encrypted: bool = False) -> None:
        super().__init__()
        self.brief = brief
        self.encrypted = encrypted
        self.fmt = "html"

    def compose(self) -> ComposeResult:
        with Vertical(id="brief-export"):
            yield Label("Save the brief", id="brief-export-title")
            with RadioSet(id="brief-export-format"):
                for name, words in FORMATS.items():
                    yield RadioButton(f"{name}: {words}", value=name == self.fmt, name=name)
            yield Input(value=default_path(self.brief, self.fmt), id="brief-export-path")
            privacy = (
                "Identifying details the check noticed are kept as written."
                if self.brief.keep_identifiers
                else "Identifying details in quoted entries are replaced ([phone], [name]…)."
            )
            yield Static(privacy, id="brief-export-privacy", markup=False)
            if self.encrypted:
                yield Static(ENCRYPTED_NOTE, id="brief-export-note", markup=False)
            with Horizontal():
                yield Button("Cancel", id="brief-export-cancel")
                yield Button("Save", variant="primary", id="brief-export-ok")

    def on_mount(self) -> None:
        self.query_one("#brief-export-path", Input).focus()

    @on(RadioSet.Changed, "#brief-export-format")
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#brief-export-path", Input)
        was_default = path_input.value == default_path(self.brief, self.fmt)
        self.fmt = event.pressed.name or "html"
        if was_default:  # follow the format unless the person typed their own name
            path_input.value = default_path(self.brief, self.fmt)

    @on(Input.Submitted, "#brief-export-path")
    @on(Button.Pressed, "#brief-export-ok")
    def _submit(self) -> None:
        raw = self.query_one("#brief-export-path", Input).value.strip()
        if not raw:
            self.notify("Type where the brief should go.", timeout=3)
            return
        self.query_one("#brief-export-ok", Button).disabled = True
        self._write(self.brief, self.fmt, Path(raw).expanduser())

    @work(thread=True, exclusive=True, group="brief-export", exit_on_error=False)
    def _write(self, brief: Brief, fmt: str, path: Path) -> None:
        if path.exists():
            self.app.call_from_thread(
                self._failed, f"{path} already exists; choose another name (nothing was replaced)."
            )
            return
        try:
            written = write_brief(brief, fmt, path)
        except ExportProblem as problem:
            self.app.call_from_thread(self._failed, str(problem))
        except OSError as exc:
            self.app.call_from_thread(self._failed, f"The brief could not be written ({exc.strerror or 'disk error'}).")
        else:
            self.app.call_from_thread(self._done, written)

    def _failed(self, sentence: str) -> None:
        self.query_one("#brief-export-ok", Button).disabled = False
        self.notify(sentence, severity="warning", markup=False, timeout=6)

    def _done(self, path: Path) -> None:
        self.app.notify(f"Saved the brief to {path} (only you can read it).", markup=False, timeout=6)
        self.dismiss(path)

    @on(Button.Pressed, "#brief-export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
