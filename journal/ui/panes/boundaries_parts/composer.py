"""The form for one boundary event: which boundary, how it fared, what it cost, a note, and when.

It only holds and checks values; the pane loads, saves and reloads. `build()` turns the form into an
Entry (a new one, or the edited one with its id and tags kept) or raises `FormProblem` with one
plain sentence and the widget to go back to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from journal.domain.models import BOUNDARY_KINDS, Entry, Kind
from journal.domain.when import WhenError, local_tz, parse_moment
from journal.ui.panes.boundaries_parts.pickers import CostPicker, KindList, OrderedInput, OutcomePicker
from journal.ui.safe import safe_plain, safe_text
from journal.ui.widgets.recent_list import when_label

NOTE_PLACEHOLDER = "if you like: what happened, in a few words"
WHEN_PLACEHOLDER = "now (or 18:30, yesterday 18:00, nov 3, 2 hours ago)"
HINT = "1-9 boundary · h/b/c outcome · 1-5 cost · ctrl+s save\nenter on a recent event edits it · ctrl+o your own kinds"
LABEL_WIDTH = 8
#: A little slack for clocks: "now" typed a moment ago is not "the future".
_FUTURE_SLACK = timedelta(minutes=5)


class FormProblem(ValueError):
    """Something the form cannot save yet; `str()` is a sentence for the person, `widget` the place."""

    def __init__(self, message: str, widget: Widget) -> None:
        super().__init__(message)
        self.widget = widget


def when_text(moment: datetime) -> str:
    """A moment written the way the WHEN input reads it back: `2026-11-18 21:05`."""
    return moment.astimezone(local_tz()).strftime("%Y-%m-%d %H:%M")


class BoundaryComposer(Vertical):
    """Kind list, outcome, cost, note with its tags, and the time; see the module docstring."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.editing: Entry | None = None

    def compose(self) -> ComposeResult:
        yield Label("Log a boundary event", id="bnd-title")
        yield Label("Which boundary", classes="bnd-caption")
        yield KindList(id="bnd-kinds")
        yield OutcomePicker(id="bnd-outcome", label_width=LABEL_WIDTH)
        yield CostPicker(id="bnd-cost", label_width=LABEL_WIDTH)
        with Horizontal(classes="bnd-row"):
            yield Label("Note", classes="bnd-label")
            yield OrderedInput(placeholder=NOTE_PLACEHOLDER, id="bnd-note", compact=True, advance_on_enter=True)
        yield Static("", id="bnd-tags")
        with Horizontal(classes="bnd-row"):
            yield Label("When", classes="bnd-label")
            yield OrderedInput(placeholder=WHEN_PLACEHOLDER, id="bnd-when", compact=True)
        yield Static("", id="bnd-when-msg")
        yield Static(HINT, id="bnd-hint", markup=False)

    @property
    def kinds(self) -> KindList:
        return self.query_one(KindList)

    @property
    def outcome(self) -> OutcomePicker:
        return self.query_one(OutcomePicker)

    @property
    def cost(self) -> CostPicker:
        return self.query_one(CostPicker)

    @property
    def note(self) -> Input:
        return self.query_one("#bnd-note", Input)

    @property
    def when(self) -> Input:
        return self.query_one("#bnd-when", Input)

    def set_kinds(self, kinds: Mapping[str, str]) -> None:
        self.kinds.set_kinds(kinds, set(BOUNDARY_KINDS))

    # the time -----------------------------------------------------------------------------------
    def moment(self, now: datetime) -> datetime:
        """The moment typed (blank means now); raises FormProblem with the parser's sentence."""
        typed = self.when.value.strip()
        if not typed:
            return now
        try:
            moment = parse_moment(typed, now=now, tz=local_tz())
        except WhenError as error:
            raise FormProblem(safe_plain(str(error)), self.when) from None
        if moment > now + _FUTURE_SLACK:
            raise FormProblem("That time is still to come; give one that has already happened.", self.when)
        return moment

    def check_when(self, now: datetime) -> None:
        """Show, under the time, when the event will be filed, or why the text can't be read."""
        message = self.query_one("#bnd-when-msg", Static)
        try:
            moment = self.moment(now)
        except FormProblem as problem:
            message.update(Content.styled(str(problem), "$text-warning"))
            return
        filed = when_label(moment, now)
        message.update(Content.styled(f"→ {filed}" if self.when.value.strip() else "", "$text-muted"))

    # tags ----------------------------------------------------------------------------------------
    def show_tags(self, names: list[str]) -> None:
        label = self.query_one("#bnd-tags", Static)
        if names:
            label.update(
                Content.assemble(("tags: ", "$text-muted"), safe_text(", ".join(names)).stylize("$text-muted"))
            )
        else:
            label.update("")

    # building and loading -------------------------------------------------------------------------
    def build(self, now: datetime) -> Entry:
        """The entry to save, or FormProblem."""
        kind = self.kinds.chosen
        if kind is None:
            raise FormProblem("Pick which boundary it was first: a number, or arrows and enter.", self.kinds)
        outcome = self.outcome.value
        if outcome is None:
            raise FormProblem("How did it go: held, bent or crossed? Press h, b or c.", self.outcome)
        moment, cost, text = self.moment(now), self.cost.value, " ".join(safe_plain(self.note.value).split())
        if self.editing is not None:
            return replace(self.editing, boundary=kind, outcome=outcome, cost=cost, text=text, created_at=moment)
        return Entry(kind=Kind.BOUNDARY, boundary=kind, outcome=outcome, cost=cost, text=text, created_at=moment)

    def edit(self, entry: Entry) -> None:
        """Fill the form with a saved event; the next save updates it."""
        self.editing = entry
        at = entry.created_at
        self.query_one("#bnd-title", Label).update(
            f"Editing the event of {at.strftime('%a')} {at.day} {at.strftime('%b, %H:%M')} · escape for a new one"
        )
        self.kinds.choose(entry.boundary)
        self.outcome.value = entry.outcome
        self.cost.value = entry.cost
        self.note.value = safe_plain(entry.text)
        self.when.value = when_text(entry.created_at)
        self.show_tags([t.name for t in entry.visible_tags])
        self.add_class("-editing")

    def clear(self) -> None:
        """Back to a blank new event."""
        self.editing = None
        self.kinds.choose(None)
        self.query_one("#bnd-title", Label).update("Log a boundary event")
        self.outcome.value = None
        self.cost.value = None
        self.note.value = ""
        self.when.value = ""
        self.show_tags([])
        self.remove_class("-editing")
