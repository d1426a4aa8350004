"""Park it: open loops left at work for tomorrow, and last time's to tick off, carry or drop.

New items are the step's answer (a list of lines), saved as each is added or removed; they become
parked items in the journal only when the shift closes. Last time's items already are parked items,
so ticking one off (d), carrying it again (c) or dropping it (x) changes the journal at once, and is
never part of the ritual state. That list is the shared `ParkedList`, and its `Marked` message goes
on to the pane, which saves it as the Mood pane does (`SavesParkedMarks`), with the same keys and
words.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from journal.domain.models import ParkedItem
from journal.domain.ritual import Step
from journal.ui.panes.ritual_steps.base import StepView
from journal.ui.safe import safe_text
from journal.ui.widgets.parked_list import KEYS_HINT, ParkedList


class NewList(OptionList):
    """What is being parked now; delete removes the highlighted line."""

    BINDINGS = [Binding("delete,backspace,x", "remove", "Remove")]

    class Removed(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_remove(self) -> None:
        if self.highlighted is not None and self.option_count and self.get_option_at_index(0).id:
            self.post_message(self.Removed(self.highlighted))


class ParkStep(StepView):
    STEP = Step.PARK

    def __init__(
        self,
        *args: object,
        previous: Sequence[ParkedItem] = (),
        marks: dict[int, str] | None = None,
        **kw: object,
    ) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.previous = list(previous)
        self.items: list[str] = list(self.answer or [])
        #: the pane's record of what was decided for last time's items (it outlives this view)
        self.marks: dict[int, str] = marks if marks is not None else {}

    def compose_step(self) -> ComposeResult:
        if self.previous:
            yield Static(f"Parked last time — {KEYS_HINT}", classes="park-heading", markup=False)
            yield ParkedList(self.previous, marks=self.marks, id="park-previous")
        yield Input(placeholder="One open loop, then enter (enter on an empty line moves on)", id="park-input")
        yield Static("Parking tonight — x removes the highlighted one", classes="park-heading", markup=False)
        yield NewList(id="park-new")

    def on_mount(self) -> None:
        self._show_items()

    def focus_first(self) -> None:
        self.query_one("#park-input", Input).focus()

    def _show_items(self) -> None:
        new = self.query_one(NewList)
        highlighted = new.highlighted
        if not self.items:
            new.set_options([Option(Content.styled("Nothing parked yet.", "dim italic"), disabled=True)])
            return
        new.set_options(Option(Content.assemble("• ", safe_text(t)), id=str(n)) for n, t in enumerate(self.items))
        new.highlighted = 0 if highlighted is None else min(highlighted, len(self.items) - 1)

    @on(Input.Submitted, "#park-input")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.post_message(self.Done())
            return
        event.input.clear()
        self.items.append(" ".join(text.split()))
        self._show_items()
        self.answer_given(list(self.items))

    @on(NewList.Removed)
    def _remove(self, event: NewList.Removed) -> None:
        event.stop()
        if 0 <= event.index < len(self.items):
            del self.items[event.index]
            self._show_items()
            self.answer_given(list(self.items) or None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter on a line does nothing; the keys say what to do
