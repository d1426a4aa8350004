"""The Ritual pane (placeholder until it is built): says warmly what will be here."""

from __future__ import annotations

from journal.ui.panes.base import PlaceholderPane


class RitualPane(PlaceholderPane):
    """Stand-in for the ritual pane."""

    HEADLINE = "The end-of-shift ritual is coming soon."
    DETAIL = (
        "Soon this is where you close the day: check in, unload what is still on your mind, park "
        "what can wait until tomorrow, breathe, and choose something for your evening. About five"
        " minutes, every step skippable."
    )
