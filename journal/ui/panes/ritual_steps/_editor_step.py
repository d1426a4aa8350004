"""A ritual step that is free text tagged live: the Mood pane's `TaggedEditor`, reused.

The text is the answer; the tag decisions (rejected and hand-added tags) ride along as extras so
the closed ritual's entry carries them. Typing is reported after a short pause, and at once when
the step is left, so the saved ritual never lags behind what is on screen by more than a moment.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.timer import Timer

from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.widgets.tagged_editor import TaggedEditor

#: seconds of quiet typing before the text is saved
SAVE_DELAY = 0.5


class EditorStep(StepView):
    """Base for Unload and One good thing."""

    PLACEHOLDER = ""

    def compose_step(self) -> ComposeResult:
        yield TaggedEditor(placeholder=self.PLACEHOLDER, id=f"{self.STEP}-editor")

    def on_mount(self) -> None:
        self._timer: Timer | None = None
        editor = self.query_one(TaggedEditor)
        saved = self.extras.get("editor") or {}
        if self.answer or saved:
            text = self.answer or ""
            lines = text.split("\n")
            end = [len(lines) - 1, len(lines[-1])]  # carry on writing where the words stop
            editor.restore({"cursor": end, **saved, "text": text})

    def focus_first(self) -> None:
        self.query_one(TaggedEditor).text_area.focus()

    @on(TaggedEditor.Changed)
    def _changed(self, event: TaggedEditor.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.report)

    def report(self) -> None:
        """Hand the current text and tag decisions to the pane if they changed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        editor = self.query_one(TaggedEditor)
        state = editor.state()
        state.pop("text", None)
        text = editor.text.strip() or None
        extras: dict[str, Any] = {"editor": state}
        if text != self.answer or extras != self.extras:
            self.answer_given(text, extras)

    def on_leave(self) -> None:
        self.report()
