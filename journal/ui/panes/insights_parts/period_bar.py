"""Choosing the Insights period: four quick choices (keys 1-4 or buttons) or any typed range.

The typed range uses the `WHEN` forms everywhere else in the app ("last month", "since 2026-09",
"2026-09..2026-10"); a mistake is one sentence under the line, and the pane keeps the last good period.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from journal.domain.insights import DEFAULT_WEEKS, QUICK_WEEKS, Period, parse_period
from journal.domain.when import WhenError
from journal.ui.safe import safe_text
from journal.ui.services import UsesServices

PLACEHOLDER = "Any period: last month · since 2026-09 · 2026-09..2026-10"


def describe(period: Period) -> str:
    """'Sat 29 Aug – Fri 20 Nov 2026 · 84 days, compared with the 84 days before'."""
    first = period.start.date()
    last = period.local_days()[-1]
    head = f"{first:%a %d %b}" + (f" {first:%Y}" if first.year != last.year else "")
    days = period.days
    unit = "day" if days == 1 else "days"
    return f"{head} – {last:%a %d %b %Y} · {days} {unit}, compared with the {days} {unit} before"


class PeriodBar(UsesServices, Vertical):
    """Four buttons, an input and a status line; posts `Chosen` with each new period."""

    DEFAULT_CSS = """
    PeriodBar { height: auto; }
    PeriodBar > Horizontal { height: auto; }
    PeriodBar Button { margin-right: 1; min-width: 12; }
    PeriodBar Button.-chosen { text-style: bold reverse; }
    PeriodBar Input { width: 1fr; min-width: 24; }
    PeriodBar > #ins-period-status { height: auto; padding: 0 1; color: $text-muted; }
    PeriodBar > #ins-period-status.-error { color: $text-error; }
    """

    class Chosen(Message):
        def __init__(self, period: Period, weeks: int | None) -> None:
            super().__init__()
            self.period, self.weeks = period, weeks

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: int | None = DEFAULT_WEEKS
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            for key, weeks in enumerate(QUICK_WEEKS, start=1):
                label = f"{key} · {weeks} weeks" if weeks < 52 else f"{key} · a year"
                yield Button(label, id=f"ins-weeks-{weeks}", compact=True)
            yield Input(placeholder=PLACEHOLDER, id="ins-range", compact=True)
        yield Static(id="ins-period-status", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#ins-range", Input)

    def choose_weeks(self, weeks: int) -> None:
        """One of the quick choices: the last `weeks` weeks, today included."""
        now = self.now()
        self._chosen(Period.last_days(weeks * 7, now=now, tz=now.tzinfo), weeks)

    def choose(self, period: Period, weeks: int | None = None) -> None:
        """Show `period` as chosen (one of the quick choices when `weeks` is one of them)."""
        self._chosen(period, weeks)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("ins-weeks-"):
            self.choose_weeks(int(event.button.id.removeprefix("ins-weeks-")))

    @on(Input.Submitted, "#ins-range")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.choose_weeks(self.weeks or DEFAULT_WEEKS)
            return
        try:
            period = parse_period(text, now=self.now())
        except WhenError as problem:
            self.error = str(problem)
            status = self.query_one("#ins-period-status", Static)
            status.update(safe_text(f"{problem} The figures below are still for the last period."))
            status.add_class("-error")
            return
        self._chosen(period, None)

    def _chosen(self, period: Period, weeks: int | None) -> None:
        self.weeks, self.error = weeks, None
        if weeks is not None:
            self.input.value = ""
        for button in self.query(Button):
            button.set_class(button.id == f"ins-weeks-{weeks}", "-chosen")
        status = self.query_one("#ins-period-status", Static)
        status.remove_class("-error")
        status.update(Content(describe(period)))
        self.post_message(self.Chosen(period, weeks))
