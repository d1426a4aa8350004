"""Switch: an intention for the evening (rest, people, movement, a hobby, or your own words).

Enter on a choice records it; the pane then closes the shift. "Something else" opens a line for
the user's own words.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from journal.domain.ritual import INTENTIONS, Step
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.safe import safe_text

_OWN = "__own__"


class SwitchStep(StepView):
    STEP = Step.SWITCH

    def compose_step(self) -> ComposeResult:
        yield OptionList(id="switch-choices")
        yield Input(placeholder="Your own words, then enter", id="switch-own")
        yield Static(
            "Enter chooses and closes the shift. Ctrl+n closes it without choosing.", classes="step-hint", markup=False
        )

    def on_mount(self) -> None:
        choices = self.query_one("#switch-choices", OptionList)
        choices.set_options(
            [Option(label, id=key) for key, label in INTENTIONS.items()] + [Option("Something else…", id=_OWN)]
        )
        own = self.query_one("#switch-own", Input)
        if self.answer in INTENTIONS:
            choices.highlighted = list(INTENTIONS).index(self.answer)
        elif self.answer:
            own.value = str(self.answer)
            choices.highlighted = len(INTENTIONS)
        else:
            choices.highlighted = 0
        own.display = bool(self.answer) and self.answer not in INTENTIONS

    def focus_first(self) -> None:
        self.query_one("#switch-choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#switch-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == _OWN:
            own = self.query_one("#switch-own", Input)
            own.display = True
            own.focus()
            return
        self.answer_given(event.option.id)
        self.post_message(self.Done())

    @on(Input.Submitted, "#switch-own")
    def _own(self, event: Input.Submitted) -> None:
        event.stop()
        text = " ".join(event.value.split())
        if text:
            self.answer_given(text)
            self.post_message(self.Done())


def intention_content(answer: str) -> Content:
    """An intention as shown in the summary: the label, or the user's own (inert) words."""
    return Content(INTENTIONS[answer]) if answer in INTENTIONS else safe_text(answer)
