"""The History pane (placeholder until it is built): says warmly what will be here."""

from __future__ import annotations

from journal.ui.panes.base import PlaceholderPane


class HistoryPane(PlaceholderPane):
    """Stand-in for the history pane."""

    HEADLINE = "Your history is coming soon."
    DETAIL = (
        "Soon every entry you write will be here, newest first: filter by tag or kind, look back "
        "through a month calendar, open any day, and restore anything you deleted."
    )
