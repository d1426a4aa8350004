"""Messages the shell understands, and the mixin that routes worker failures to the app.

Textual's `Worker.StateChanged` does not bubble: it reaches only the node that started the worker.
The app owns the one handler that turns a failed worker into a calm notice, so screens and widgets
that run workers forward failures to it with `ForwardWorkerFailures`.
"""

from __future__ import annotations

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState


class JournalChanged(Message):
    """Something was saved, edited or deleted: the app re-reads the shift header.

    Post it from a pane after a save (`self.post_message(JournalChanged())`); it bubbles to the app.
    """


class ForwardWorkerFailures(MessagePump):
    """Mixin for a screen or widget: hand failed workers to the app's single calm handler."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and not isinstance(self, App):
            self.app.post_message(Worker.StateChanged(event.worker, event.state))
