"""Re-tagging past entries from the app: offered once after the tagger improved, or from the palette.

The work runs in a thread worker (Store.retag), with a progress bar and a Stop button: stopping, like
any failure, leaves the journal exactly as it was. "Not now" on the offer is remembered for this
tagger version (Store.decline_retag), so the offer comes once.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, ProgressBar, Static

from journal.storage import Store
from journal.ui.messages import ForwardWorkerFailures, JournalChanged
from journal.ui.safe import safe_plain
from journal.ui.services import UsesServices

OFFER = "The tagger has improved. Re-tag your past entries? Tags you rejected or added stay as they are."
ASK = "Re-tag your past entries with the current tagger? Tags you rejected or added stay as they are."


class _Stopped(Exception):
    """Raised from the progress callback when the person pressed Stop."""


def summary_text(summary: Any) -> str:
    """A re-tag's result in one or two plain sentences."""
    entries = f"{summary.entries:,} {'entry' if summary.entries == 1 else 'entries'}"
    if not summary.changed:
        return f"Done. All {entries} already had the tags the tagger gives today; nothing needed changing."
    parts = [f"+ {safe_plain(n)} {c:,}" for n, c in sorted(summary.added.items(), key=lambda kv: (-kv[1], kv[0]))]
    parts += [f"− {safe_plain(n)} {c:,}" for n, c in sorted(summary.removed.items(), key=lambda kv: (-kv[1], kv[0]))]
    shown = ", ".join(parts[:8]) + (", …" if len(parts) > 8 else "")
    changed = f"{summary.changed:,} {'entry' if summary.changed == 1 else 'entries'}"
    return (
        f"Done. The tags of {changed} of {entries} changed ({shown}). Tags you rejected or added stayed as they were."
    )


class RetagDialog(UsesServices, ForwardWorkerFailures, ModalScreen[None]):
    """Ask, then re-tag with progress, then say what changed."""

    CSS_PATH = Path(__file__).with_name("dialogs.tcss")
    BINDINGS = [Binding("escape", "close", "Not now")]

    class _Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class _Finished(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, offered: bool = False) -> None:
        super().__init__()
        self.offered = offered
        self.running = False
        self.finished = False
        self._stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="retag") as dialog:
            dialog.border_title = "Re-tag past entries"
            yield Static(OFFER if self.offered else ASK, id="retag-message", markup=False)
            yield ProgressBar(id="retag-progress", show_eta=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Re-tag now", variant="primary", id="retag-go")
                yield Button("Not now", id="retag-later")
                yield Button("Stop", id="retag-stop")
                yield Button("Close", variant="primary", id="retag-close")

    def on_mount(self) -> None:
        self._show("retag-go", "retag-later")
        self.query_one("#retag-progress").display = False
        self.query_one("#retag-go", Button).focus()

    def _show(self, *ids: str) -> None:
        for button in self.query(Button):
            button.display = button.id in ids

    # choosing ------------------------------------------------------------------------------
    @on(Button.Pressed, "#retag-go")
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        self.running = True
        self._show("retag-stop")
        self.query_one("#retag-progress").display = True
        self.query_one("#retag-message", Static).update("Re-tagging your past entries…")
        self.query_one("#retag-stop", Button).focus()
        self._retag(self.store)

    @on(Button.Pressed, "#retag-later")
    def _later(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    @on(Button.Pressed, "#retag-stop")
    def _stop_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._stop.set()
        self.query_one("#retag-message", Static).update("Stopping…")

    @on(Button.Pressed, "#retag-close")
    def _close_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        if self.running:
            self._stop.set()
            return
        if self.offered and not self.finished:
            # remembered by the app's worker: this dialog is gone before the write is done
            self.app.run_worker(self.store.decline_retag, thread=True, group="retag-decline", exit_on_error=False)
            self.notify("Fine. You can re-tag any time from the command palette (ctrl+p).", timeout=5)
        self.dismiss(None)

    # the work --------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="retag", exit_on_error=False)
    def _retag(self, store: Store) -> None:
        def progress(done: int, total: int) -> None:
            if self._stop.is_set():
                raise _Stopped
            self.post_message(self._Progress(done, total))

        try:
            summary = store.retag(progress=progress)
        except _Stopped:
            self.post_message(self._Finished("Stopped. Nothing was changed; you can re-tag any time from the palette."))
            return
        except Exception:
            self.post_message(self._Finished("That didn't work, and nothing was changed. Please try again later."))
            raise
        self.post_message(self._Finished(summary_text(summary)))

    @on(_Progress)
    def _progressed(self, event: _Progress) -> None:
        bar = self.query_one("#retag-progress", ProgressBar)
        bar.update(total=max(event.total, 1), progress=event.done)

    @on(_Finished)
    def _finished(self, event: _Finished) -> None:
        self.running = False
        self.finished = True
        self.query_one("#retag-progress").display = False
        self.query_one("#retag-message", Static).update(event.text)
        self._show("retag-close")
        self.query_one("#retag-close", Button).focus()
        self.app.post_message(JournalChanged())
