"""The footer of every pane: Textual's `Footer`, rebuilt only when what it shows has changed.

Textual's footer throws away and re-mounts all its keys whenever the screen's bindings are
refreshed: on every focus change, resize and mount. At start-up that happened four times before
the first frame, each time restyling a dozen widgets. The keys a pane shows rarely change between
two refreshes, so this footer compares what it would show with what it shows and keeps its keys
when they are the same.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer

from journal.ui.panes.catalog import NARROW, ROOMY

if TYPE_CHECKING:
    from textual.screen import Screen


def _shape(width: int) -> tuple[bool, bool]:
    """(compact, show Ctrl+P) for a terminal this wide: tighter when space is short, and in narrow
    terminals Ctrl+P is left to the help screen (which lists it) so that F1 stays visible."""
    return width < ROOMY, width >= NARROW


def _shown(screen: Screen[object]) -> tuple[Hashable, ...]:
    """Everything about the screen's bindings that the footer draws."""
    return tuple(
        (binding.key, binding.key_display, binding.description, binding.action, binding.group,
         enabled, tooltip)
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show
    )


class PaneFooter(Footer):
    """A `Footer` that re-composes only when the keys it would show differ from those it shows,
    shaped for the terminal's width (born in that shape: each change re-composes its keys)."""

    def __init__(self, width: int) -> None:
        compact, palette = _shape(width)
        super().__init__(compact=compact, show_command_palette=palette)
        self._drawn: tuple[Hashable, ...] | None = None

    def fit(self, width: int) -> None:
        """Reshape for a new terminal width (a no-op when the shape is the same)."""
        self.compact, self.show_command_palette = _shape(width)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        if keys:  # the first compose, before any bindings are known, draws nothing
            self._drawn = _shown(self.screen)
        yield from keys

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (
            self._drawn is not None
            and screen.app.app_focus
            and self.is_attached
            and screen is self.screen
            and _shown(screen) == self._drawn
        ):
            return
        super().bindings_changed(screen)
