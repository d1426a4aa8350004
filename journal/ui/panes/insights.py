"""The Insights pane (placeholder until it is built): says warmly what will be here."""

from __future__ import annotations

from journal.ui.panes.base import PlaceholderPane


class InsightsPane(PlaceholderPane):
    """Stand-in for the insights pane."""

    HEADLINE = "Insights are coming soon."
    DETAIL = (
        "Soon this pane will show which stressors and symptoms keep coming back, whether they are"
        " rising, how they go with your mood, and what tends to help."
    )
