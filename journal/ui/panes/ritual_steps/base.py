"""What every ritual step view shares: its prompt and help line, and how it reports an answer.

A step never touches the journal file. It calls the pane's `on_answer` the moment the user gives (or
takes back) an answer, and the pane records it in the ritual state and saves that at once. A direct
call rather than a message: an answer handed over while the step is being left must not be lost with
the step's message queue. Things the ritual state has no field for (tag decisions, boundary notes)
travel as `extras`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Static

from journal.domain.ritual import Step
from journal.ui.compat import being_removed
from journal.ui.safe import safe_text

#: (step, answer or None when taken back, extras or None when unchanged)
AnswerCallback = Callable[[Step, Any, "dict[str, Any] | None"], None]


class StepView(Vertical):
    """One screen of the ritual. Subclasses set `STEP` and implement `compose_step`."""

    STEP: ClassVar[Step]

    DEFAULT_CSS = """
    StepView { height: 1fr; }
    StepView > .step-prompt { text-style: bold; color: $text-primary; margin-bottom: 0; }
    StepView > .step-help { color: $text-muted; margin-bottom: 1; }
    """

    class Done(Message):
        """The user finished with this step (e.g. enter on an empty line): move on."""

    def __init__(
        self,
        answer: Any,
        *,
        prompt: str,
        help: str,
        extras: dict[str, Any] | None = None,
        on_answer: AnswerCallback | None = None,
        id: str | None = None,
    ) -> None:
        # A class, not an id: the old step is still being removed while the new one mounts.
        super().__init__(id=id, classes=f"ritual-step step-{self.STEP}")
        self.answer = answer
        self.prompt = prompt
        self.help = help
        self.extras: dict[str, Any] = dict(extras or {})
        self.on_answer = on_answer

    def compose(self) -> ComposeResult:
        # The prompt may be the user's own rewording: it is user text.
        yield Static(safe_text(self.prompt), classes="step-prompt")
        yield Static(self.help, classes="step-help", markup=False)
        yield from self.compose_step()

    def compose_step(self) -> ComposeResult:
        yield from ()

    def answer_given(self, value: Any, extras: dict[str, Any] | None = None) -> None:
        self.answer = value
        if extras is not None:
            self.extras = extras
        if self.on_answer is not None:
            self.on_answer(self.STEP, value, extras)

    def on_mount(self) -> None:
        # After the first refresh every child exists; the pane may have moved on by then. (A step's
        # own on_mount runs too: Textual calls the handler of each class, the step's first.)
        self.call_after_refresh(self._autofocus)

    def _autofocus(self) -> None:
        if self.is_attached and not being_removed(self):
            with suppress(NoMatches):
                self.focus_first()

    def focus_first(self) -> None:
        """Put the cursor where the user starts on this step."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def on_leave(self) -> None:
        """Called before the pane moves away: hand over anything not yet reported."""
