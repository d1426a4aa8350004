"""The Boundaries pane (placeholder until it is built): says warmly what will be here."""

from __future__ import annotations

from journal.ui.panes.base import PlaceholderPane


class BoundariesPane(PlaceholderPane):
    """Stand-in for the boundaries pane."""

    HEADLINE = "The boundary log is coming soon."
    DETAIL = (
        "Soon you can note each boundary that held, bent or gave way today, and how much it cost "
        "you, and see how the last few weeks have gone. No judgement, just a clearer picture."
    )
