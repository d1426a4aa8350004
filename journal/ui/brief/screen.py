"""The Brief view: a brief of a period to bring to supervision, previewed as it will read, then saved.

Opened from the command palette ("Supervision brief…") or from Insights (`b`, with the period
Insights shows). Keys 1-4 (or `/` for any period) choose the period as on Insights; `r` switches
between replacing identifying details in quoted entries (the default) and keeping them as written;
`e` saves it as Markdown or a printable HTML page. The brief is gathered in a thread worker by
journal.exchange.brief, the same code `journal brief` runs, so the app and the command line agree.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Checkbox, Static

from journal.domain.brief import Brief
from journal.domain.insights import QUICK_WEEKS, Period
from journal.exchange.brief import DEFAULT_DAYS, BriefOptions, gather_brief
from journal.storage import Store
from journal.ui.brief.preview import brief_content
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.panes.insights_parts.period_bar import PeriodBar
from journal.ui.services import UsesServices
from journal.ui.widgets.pane_footer import PaneFooter

PERIOD_KEYS = Binding.Group("Period")
TITLE = "A brief to bring to supervision"
REPLACE_LABEL = "Replace identifying details in quoted entries ([phone], [name]…)"


class _Gathered(Message):
    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief


class BriefScreen(UsesServices, ForwardWorkerFailures, Screen[None]):
    """See the module docstring."""

    CSS_PATH = Path(__file__).with_name("brief.tcss")
    BINDINGS = [
        Binding("escape", "close", "Close"),
        *(
            Binding(str(key), f"weeks({weeks})", f"{weeks} weeks", group=PERIOD_KEYS, key_display=str(key))
            for key, weeks in enumerate(QUICK_WEEKS, start=1)
        ),
        # the period box says "Any period: ..." itself; the footer keeps room for the pane keys at 80 columns
        Binding("slash", "range", "Any period", key_display="/", show=False),
        Binding("r", "toggle_replace", "Privacy"),
        Binding("e", "export", "Save…"),
    ]

    def __init__(self, period: Period | None = None, weeks: int | None = None) -> None:
        super().__init__()
        self.start_period, self.start_weeks = period, weeks
        self.brief: Brief | None = None
        self.period: Period | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="brief-top"):
            yield Static(Content.styled(TITLE, "bold"), id="brief-title")
            yield PeriodBar(id="brief-period")
            yield Checkbox(Content(REPLACE_LABEL), value=True, id="brief-replace", compact=True)
        with VerticalScroll(id="brief-scroll"):
            yield Static(Content.styled("Gathering…", "italic"), id="brief-preview", markup=False)
        yield PaneFooter()

    @property
    def period_bar(self) -> PeriodBar:
        return self.query_one(PeriodBar)

    @property
    def keep_identifiers(self) -> bool:
        return not self.query_one("#brief-replace", Checkbox).value

    def on_mount(self) -> None:
        self.query_one("#brief-scroll").focus()
        if self.start_period is not None:
            self.period_bar.choose(self.start_period, self.start_weeks)
        else:
            self.period_bar.choose_weeks(DEFAULT_DAYS // 7)

    # gathering -----------------------------------------------------------------------------------
    @on(PeriodBar.Chosen)
    def _chosen(self, event: PeriodBar.Chosen) -> None:
        event.stop()
        self.period = event.period
        self._reload()

    @on(Checkbox.Changed, "#brief-replace")
    def _replace_changed(self) -> None:
        self._reload()

    def _reload(self) -> None:
        if self.period is not None:
            self._gather(self.store, self.period, self.now(), BriefOptions(keep_identifiers=self.keep_identifiers))

    @work(thread=True, exclusive=True, group="brief", exit_on_error=False)
    def _gather(self, store: Store, period: Period, now: datetime, options: BriefOptions) -> None:
        self.post_message(_Gathered(gather_brief(store, period, now, options)))

    @on(_Gathered)
    def _gathered(self, event: _Gathered) -> None:
        if event.brief.period != self.period or event.brief.keep_identifiers != self.keep_identifiers:
            return  # an older request; the newer one is on its way
        self.brief = event.brief
        self.query_one("#brief-preview", Static).update(brief_content(event.brief))
        quotes = len(event.brief.quotes)
        self.query_one("#brief-scroll").border_subtitle = Content(
            f"{quotes} starred entr{'y' if quotes == 1 else 'ies'} quoted · nothing else you wrote is in it"
        )

    # keys ------------------------------------------------------------------------------------------
    def action_weeks(self, weeks: int) -> None:
        self.period_bar.choose_weeks(weeks)

    def action_range(self) -> None:
        self.period_bar.input.focus()

    def action_toggle_replace(self) -> None:
        box = self.query_one("#brief-replace", Checkbox)
        box.value = not box.value

    def action_export(self) -> None:
        if self.brief is None:
            self.notify("The brief is still being gathered; a moment.", timeout=3)
            return
        from journal.ui.brief.export import BriefExportDialog

        self.app.push_screen(BriefExportDialog(self.brief, encrypted=self.store.encrypted))

    def action_close(self) -> None:
        if self.period_bar.input.has_focus:
            self.query_one("#brief-scroll").focus()
            return
        self.dismiss(None)
