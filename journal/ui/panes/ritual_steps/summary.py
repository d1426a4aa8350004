"""The end of the ritual: "Shift closed at HH:MM" and a calm look back at what was said.

Shown once the ritual entry is saved. Every line is plain words; the user's own words pass through
the safe-text gate. Nothing here asks for anything more.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from journal.domain.breathing import PATTERN_NAMES
from journal.domain.models import ENERGY_WORDS, MOOD_WORDS
from journal.domain.ritual import BOUNDARY_QUESTIONS, RitualState, Step
from journal.ui.panes.ritual_steps.switch import intention_content
from journal.ui.safe import safe_text
from journal.ui.widgets.early_notice import EarlyNoticeBox


def _minutes(seconds: float) -> str:
    minutes = round(seconds / 60)
    return "under a minute" if minutes < 1 else "1 minute" if minutes == 1 else f"{minutes} minutes"


def summary_lines(state: RitualState, tags: Sequence[str]) -> list[Content]:
    """One line per thing the ritual gathered; steps left out are simply not mentioned."""
    lines: list[Content] = []
    checkin = state.answer_for(Step.CHECKIN) or {}
    feel = [f"mood {checkin['mood']} ({MOOD_WORDS[checkin['mood']]})"] if checkin.get("mood") else []
    if checkin.get("energy"):
        feel.append(f"energy {checkin['energy']} ({ENERGY_WORDS[checkin['energy']]})")
    if feel:
        lines.append(Content("You left with " + " and ".join(feel) + "."))
    if state.answer_for(Step.UNLOAD):
        lines.append(Content("You unloaded what was on your mind; it stays here tonight."))
    if tags:
        lines.append(Content.assemble("Tags found: ", safe_text(", ".join(tags))))
    if parked := state.answer_for(Step.PARK):
        count = len(parked)
        lines.append(Content(f"{count} thing{'s' if count != 1 else ''} parked for tomorrow."))
    if (answers := state.answer_for(Step.BOUNDARIES)) is not None:
        yes = [q.note.lower() for q in BOUNDARY_QUESTIONS if answers.get(q.key)]
        lines.append(Content("Boundaries: " + ("; ".join(yes) + " — logged." if yes else "nothing to log today.")))
    if good := state.answer_for(Step.GOOD_THING):
        lines.append(Content.assemble("One good thing: ", safe_text(good)))
    if breathe := state.answer_for(Step.BREATHE):
        done = "" if breathe.get("completed") else " (part of it)"
        lines.append(Content(f"You breathed: {PATTERN_NAMES[breathe['pattern']]}{done}."))
    if intention := state.answer_for(Step.SWITCH):
        lines.append(Content.assemble("Tonight: ", intention_content(intention)))
    if state.closed_at is not None:
        lines.append(Content(f"The ritual took {_minutes((state.closed_at - state.started_at).total_seconds())}."))
    return lines


class SummaryView(Vertical):
    """Shown after closing; replaces the step views."""

    DEFAULT_CSS = """
    SummaryView { height: 1fr; }
    SummaryView > #summary-closed { text-style: bold; color: $text-success; margin-bottom: 1; }
    SummaryView > .summary-line { margin-bottom: 0; }
    SummaryView > #summary-bye { color: $text-muted; margin-top: 1; }
    SummaryView > #summary-again { color: $text-muted; }
    """

    def __init__(self, state: RitualState, tags: Sequence[str]) -> None:
        super().__init__(id="ritual-summary")
        self.state = state
        self.tags = list(tags)

    def compose(self) -> ComposeResult:
        closed = self.state.closed_at
        yield Static(f"Shift closed at {closed:%H:%M}." if closed else "Shift closed.", id="summary-closed")
        for line in summary_lines(self.state, self.tags):
            yield Static(line, classes="summary-line")
        yield Static("Work can wait now. Rest well.", id="summary-bye", markup=False)
        yield Static("Another shift later? Press n to begin a new ritual.", id="summary-again", markup=False)
        # Shows itself only when symptoms rose above this person's usual (journal.domain.early_notice).
        yield EarlyNoticeBox(autoload=True, id="summary-notice")
