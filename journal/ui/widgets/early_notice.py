"""The early notice, as a gentle box: what rose, ideas that help, where urgent help is; dismissible.

Used on the Insights pane (which hands it the notice its worker computed) and after the ritual (where
it loads the notice itself, `autoload=True`). The rule is journal.domain.early_notice; dismissing is
remembered in the journal's settings, so it does not come back for two weeks unless something new
rose. It never names a condition.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from journal.domain.early_notice import HELPS, NOT_A_DIAGNOSIS, EarlyNotice, dismissal_record
from journal.exchange.notice import DISMISSED_KEY, current_notice
from journal.storage import Store
from journal.ui.dialogs.wording import URGENT_HELP
from journal.ui.messages import ForwardWorkerFailures
from journal.ui.services import UsesServices
from journal.ui.widgets.kept_whole import KeptWhole

__all__ = ["DISMISSED_KEY", "HELPS", "NOT_A_DIAGNOSIS", "EarlyNoticeBox", "current_notice"]


class _Found(Message):
    def __init__(self, notice: EarlyNotice | None) -> None:
        super().__init__()
        self.notice = notice


class EarlyNoticeBox(UsesServices, ForwardWorkerFailures, Vertical):
    """Shows an `EarlyNotice`, or nothing at all when there is none."""

    DEFAULT_CSS = """
    EarlyNoticeBox {
        height: auto;
        border: round $warning 70%;
        border-title-color: $text-warning;
        border-title-style: bold;
        padding: 0 1;
        margin: 0 0 1 0;
        background: $surface;
    }
    EarlyNoticeBox > #notice-headline { text-style: bold; }
    EarlyNoticeBox > .notice-line { color: $text-muted; }
    EarlyNoticeBox > Horizontal { height: auto; margin-top: 1; }
    EarlyNoticeBox Button { min-width: 24; }
    """

    class Dismissed(Message):
        """The person closed the notice (already remembered in the settings)."""

    def __init__(self, *, autoload: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.autoload = autoload
        self.notice: EarlyNotice | None = None
        self.border_title = "A gentle notice"

    def compose(self) -> ComposeResult:
        yield Static(id="notice-headline", markup=False)
        yield Static(id="notice-figures", classes="notice-line", markup=False)
        yield Static(HELPS, id="notice-helps", markup=False)
        yield KeptWhole(f"{NOT_A_DIAGNOSIS} {URGENT_HELP}", id="notice-urgent", classes="notice-line")
        with Horizontal():
            yield Button("Thanks, hide this for now", id="notice-dismiss", compact=True)

    def on_mount(self) -> None:
        self.display = False
        if self.autoload:
            self._load(self.store, self.now())

    @work(thread=True, exclusive=True, group="early-notice", exit_on_error=False)
    def _load(self, store: Store, now: datetime) -> None:
        self.post_message(_Found(current_notice(store, now)))

    @on(_Found)
    def _found(self, event: _Found) -> None:
        event.stop()
        self.show(event.notice)

    def show(self, notice: EarlyNotice | None) -> None:
        """Show `notice` (None hides the box)."""
        self.notice = notice
        self.display = notice is not None
        if notice is None:
            return
        # The headline says what rose; the figures line only the numbers, each said once.
        self.query_one("#notice-headline", Static).update(Content(notice.headline(figures=False)))
        details = "The numbers: " + "; ".join(notice.details()) + "."
        self.query_one("#notice-figures", Static).update(Content(details))

    @on(Button.Pressed, "#notice-dismiss")
    def dismiss(self, event: Button.Pressed | None = None) -> None:
        if event is not None:
            event.stop()
        if self.notice is None:
            return
        record = dismissal_record(self.notice, self.now().date())
        self.show(None)
        self._remember(self.store, record)
        self.post_message(self.Dismissed())

    @work(thread=True, group="early-notice-dismiss", exit_on_error=False)
    def _remember(self, store: Store, record: dict[str, Any]) -> None:
        store.set_setting(DISMISSED_KEY, record)
