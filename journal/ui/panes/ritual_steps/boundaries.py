"""Boundaries today: a few yes/no questions; each "yes" becomes a boundary log entry at closing.

Answers are y/n on the highlighted question (the cursor then moves down); an optional note for the
highlighted question is typed below and kept with the answers (as extras) as it is typed, like any
draft: leaving the note by Tab, Shift+Tab, a y/n, Ctrl+N or Ctrl+Q loses nothing. Nothing is written
to the boundary log until the shift is closed, so a resumed ritual can never log the same thing twice.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from journal.domain.ritual import BOUNDARY_QUESTIONS, BoundaryQuestion, Step
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.safe import safe_text


class QuestionList(OptionList):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("u", "answer(None)", "Unanswer", show=False),
    ]

    def action_answer(self, value: bool | None) -> None:
        step = self.screen.query_one(BoundariesStep)
        if self.highlighted is not None:
            answered = BOUNDARY_QUESTIONS[self.highlighted]
            step.set_answer(answered.key, value)
            if value is not None and self.highlighted < self.option_count - 1:
                with self.prevent(OptionList.OptionHighlighted):
                    self.highlighted += 1  # ready for the next answer; a note still goes to this one
            step.note_for(answered)


class BoundariesStep(StepView):
    STEP = Step.BOUNDARIES
    BINDINGS = [Binding("enter", "done", "Next", show=False)]
    #: the question the note line belongs to
    _note_for: str | None = None

    def compose_step(self) -> ComposeResult:
        yield QuestionList(id="boundary-questions")
        yield Input(placeholder="A note for the highlighted question (optional)", id="boundary-note")

    @property
    def answers(self) -> dict[str, bool]:
        return dict(self.answer or {})

    @property
    def notes(self) -> dict[str, str]:
        return dict(self.extras.get("notes") or {})

    def on_mount(self) -> None:
        self._show()
        self.query_one(QuestionList).highlighted = 0

    def focus_first(self) -> None:
        self.query_one(QuestionList).focus()

    def _show(self) -> None:
        questions = self.query_one(QuestionList)
        highlighted = questions.highlighted
        answers, notes = self.answers, self.notes
        options = []
        for q in BOUNDARY_QUESTIONS:
            value = answers.get(q.key)
            mark = "[ yes ]" if value else "[ no  ]" if value is False else "[  ?  ]"
            line = Content.assemble((mark, "bold" if value is not None else "dim"), "  ", q.question)
            if notes.get(q.key):
                line = Content.assemble(line, ("  — ", "dim"), safe_text(notes[q.key]).stylize("italic"))
            options.append(Option(line, id=q.key))
        with questions.prevent(OptionList.OptionHighlighted):  # redrawn, not moved
            questions.set_options(options)
            if highlighted is not None:
                questions.highlighted = highlighted

    def set_answer(self, key: str, value: bool | None) -> None:
        answers = self.answers
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
        self.answer_given(answers or None, {"notes": self.notes})
        self._show()

    @on(OptionList.OptionHighlighted, "#boundary-questions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.note_for(BOUNDARY_QUESTIONS[event.option_index])

    def note_for(self, question: BoundaryQuestion) -> None:
        """Point the note line at `question`: the one highlighted, or the one just answered."""
        if question.key == self._note_for:
            return
        self._note_for = question.key
        note = self.query_one("#boundary-note", Input)
        with note.prevent(Input.Changed):  # showing another question's note is not typing
            note.value = self.notes.get(question.key, "")
        note.placeholder = f"Tab, then a note for “{question.question}” (optional)"

    @on(Input.Changed, "#boundary-note")
    def _typed(self, event: Input.Changed) -> None:
        """Every keystroke of a note is kept at once, for the question it was typed for."""
        event.stop()
        key = self._note_for
        if key is None:
            return
        notes: dict[str, Any] = self.notes
        text = " ".join(event.value.split())
        if text == notes.get(key, ""):
            return
        if text:
            notes[key] = text
        else:
            notes.pop(key, None)
        self.answer_given(self.answer, {"notes": notes})
        self._show()

    @on(Input.Submitted, "#boundary-note")
    def _note(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(QuestionList).focus()

    @on(OptionList.OptionSelected, "#boundary-questions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_done()

    def action_done(self) -> None:
        self.post_message(self.Done())
