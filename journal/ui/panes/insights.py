"""The Insights pane: what keeps coming back, whether it is rising, how it goes with mood, what helps.

A period bar on top (keys 1-4 for the last 2/4/12/52 weeks, or any typed `WHEN` range), then one
scrolling column: the early notice when symptoms rose above the person's own usual, every stressor
and symptom with its figures and weekly sparkline, the weekday pattern of the top stressors, tags that
travel together, what helps, and mood and energy week by week.

The figures come from a few grouped SQL queries (`Store.tag_stats`, the very query behind `journal
stressors`, and journal.storage.insights), gathered in one exclusive thread worker (group
"insights"), so a quick run of key presses only ever draws the last period asked for.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from journal.domain.insights import DEFAULT_WEEKS, QUICK_WEEKS, Period
from journal.storage import Store
from journal.ui.panes.base import PANE_CSS, PaneScreen
from journal.ui.panes.insights_parts.mood_chart import mood_chart, mood_title
from journal.ui.panes.insights_parts.period_bar import PeriodBar
from journal.ui.panes.insights_parts.tables import (
    helpers_table,
    pairs_table,
    tag_table,
    weekday_table,
)
from journal.ui.widgets.early_notice import EarlyNoticeBox
from journal.usecases.insights import Figures, gather

#: From this many columns the main table has room for its weekly sparklines.
WIDE = 110
PERIOD_KEYS = Binding.Group("Period")


class _Loaded(Message):
    def __init__(self, figures: Figures) -> None:
        super().__init__()
        self.figures = figures


class InsightsPane(PaneScreen):
    """See the module docstring."""

    CSS_PATH = [PANE_CSS, Path(__file__).with_name("insights.tcss")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    BINDINGS = [
        *(
            Binding(str(key), f"weeks({weeks})", f"{weeks} weeks", group=PERIOD_KEYS, key_display=str(key))
            for key, weeks in enumerate(QUICK_WEEKS, start=1)
        ),
        Binding("slash", "range", "Any period", key_display="/"),
        Binding("b", "brief", "Brief"),
        Binding("x", "dismiss_notice", "Hide notice", show=False),
        Binding("escape", "leave_range", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.figures: Figures | None = None

    def compose_body(self) -> ComposeResult:
        yield PeriodBar(id="ins-period")
        with VerticalScroll(id="ins-scroll"):
            yield EarlyNoticeBox(id="ins-notice")
            yield Static(id="ins-tags", classes="ins-box", markup=False)
            with Horizontal(classes="ins-row"):
                yield Static(id="ins-weekdays", classes="ins-box", markup=False)
                yield Static(id="ins-helps", classes="ins-box", markup=False)
            with Horizontal(classes="ins-row"):
                yield Static(id="ins-mood", classes="ins-box", markup=False)
                yield Static(id="ins-pairs", classes="ins-box", markup=False)

    @property
    def period_bar(self) -> PeriodBar:
        return self.query_one(PeriodBar)

    # loading --------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        titles = {
            "ins-tags": "Stressors and symptoms",
            "ins-weekdays": "Weekday pattern of the top stressors",
            "ins-helps": "What helps",
            "ins-mood": "Mood and energy",
            "ins-pairs": "Tags that travel together",
        }
        for box_id, title in titles.items():
            self.query_one(f"#{box_id}").border_title = title
        self.query_one("#ins-scroll").focus()
        self.period_bar.choose_weeks(DEFAULT_WEEKS)

    def on_screen_resume(self) -> None:
        if self.been_away and self.figures is not None:
            self._load(self.store, self.figures.period, self.now())  # new entries may have come in

    @on(PeriodBar.Chosen)
    def _chosen(self, event: PeriodBar.Chosen) -> None:
        self._load(self.store, event.period, self.now())

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def _load(self, store: Store, period: Period, now: datetime) -> None:
        self.post_message(_Loaded(gather(store, period, now)))

    @on(_Loaded)
    def _loaded(self, event: _Loaded) -> None:
        self.figures = event.figures
        self.query_one(EarlyNoticeBox).show(event.figures.notice)
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        if self.figures is not None:
            self._draw()

    def _draw(self) -> None:
        figures = self.figures
        if figures is None:
            return
        weeks = len(figures.weeks)
        wide = self.size.width >= WIDE
        self.query_one("#ins-tags", Static).update(tag_table(figures.rows, weeks, wide=wide, days=figures.period.days))
        self.query_one("#ins-weekdays", Static).update(weekday_table(figures.weekdays))
        self.query_one("#ins-helps", Static).update(helpers_table(figures.helpers))
        self.query_one("#ins-pairs", Static).update(pairs_table(figures.pairs))
        mood = self.query_one("#ins-mood", Static)
        mood.border_title = mood_title(weeks)
        mood.update(mood_chart(figures.mood))
        tags = self.query_one("#ins-tags", Static)
        entries = f"{figures.entries} entr{'y' if figures.entries == 1 else 'ies'}"
        tags.border_subtitle = Content(f"{entries} in this period")

    # keys -------------------------------------------------------------------------------------------
    def action_weeks(self, weeks: int) -> None:
        self.period_bar.choose_weeks(weeks)

    def action_range(self) -> None:
        self.period_bar.input.focus()

    def action_leave_range(self) -> None:
        if self.period_bar.input.has_focus:
            self.query_one("#ins-scroll").focus()

    def action_brief(self) -> None:
        """The supervision brief of the period shown here."""
        from journal.ui.brief.screen import BriefScreen

        period = self.figures.period if self.figures is not None else None
        self.app.push_screen(BriefScreen(period, self.period_bar.weeks if period is not None else None))

    def action_dismiss_notice(self) -> None:
        self.query_one(EarlyNoticeBox).dismiss()
