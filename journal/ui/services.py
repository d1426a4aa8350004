"""What the app lends every pane, dialog and widget: the open journal and the one clock.

Textual types `self.app` as a plain `App`, which knows nothing of the journal. Rather than each
screen asking for `self.app.store` and silencing the type checker, anything that needs the journal
or the time mixes in `UsesServices` and reads `self.store` and `self.now()`: typed, and the same
everywhere. Every "now" in the interface comes from the clock handed to `JournalApp` (the real one,
or a frozen one in tests), so a whole session can be replayed at a fixed moment.

`Services` is a Protocol, so a small test host (an `App` with `store` and `clock` attributes) serves
as well as the real app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, cast

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual.app import App

    from journal.storage import Store


class Services(Protocol):
    """The app's side of the bargain: the open journal and the clock."""

    @property
    def store(self) -> Store: ...

    @property
    def clock(self) -> Callable[[], datetime]: ...


def services_of(app: App[object]) -> Services:
    """The journal app's services, typed. (Textual knows `app` only as an `App`.)"""
    return cast("Services", app)


class UsesServices(MessagePump):
    """Mixin for a screen or widget: `store` and `now()` from the running app."""

    @property
    def store(self) -> Store:
        """The open journal (touch it from thread workers only, never on the UI thread)."""
        return services_of(self.app).store

    def now(self) -> datetime:
        """The current moment by the app's clock: aware, in the local time zone."""
        return services_of(self.app).clock()
