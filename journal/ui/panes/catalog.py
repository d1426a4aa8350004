"""The five panes: mode names, keys and titles, shared by the app, the palette, help and header.

Each pane names its screen class by import path rather than importing it: the app imports a pane's
module (and the widgets only that pane needs: tables, charts, tabs) the first time it is visited, so
start-up pays for the first pane alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class Pane:
    """One pane: its mode name, the key that opens it from anywhere, and how it is called."""

    mode: str
    key: str
    title: str
    command: str
    help: str
    #: "module:Class" of the pane's screen, imported on first visit
    screen: str


#: The five panes in the order people meet them. F-keys because they reach the app even while
#: the cursor is in a text box (bare letters would be typed), and every terminal sends them.
_HERE = "journal.ui.panes"
PANES: tuple[Pane, ...] = (
    Pane(
        "ritual",
        "f2",
        "Ritual",
        "Go to the end-of-shift ritual",
        "Close your shift, step by step",
        f"{_HERE}.ritual:RitualPane",
    ),
    Pane("mood", "f3", "Mood", "Go to Mood journal", "Write how you are, see its tags", f"{_HERE}.mood:MoodPane"),
    Pane(
        "boundaries",
        "f4",
        "Boundaries",
        "Go to Boundaries",
        "Log a boundary held, bent or crossed",
        f"{_HERE}.boundaries:BoundariesPane",
    ),
    Pane("history", "f5", "History", "Go to History", "Browse and search every entry", f"{_HERE}.history:HistoryPane"),
    Pane(
        "insights",
        "f6",
        "Insights",
        "Go to Insights",
        "Recurring stressors and what helps",
        f"{_HERE}.insights:InsightsPane",
    ),
)

#: Below this many columns the footer cannot name every pane: the five keys share one label.
NARROW = 120
#: From this many columns the footer has room to breathe.
ROOMY = 140
#: Grouping for the narrow form of the pane keys ("F2 F3 F4 F5 F6 Panes").
PANE_GROUP = Binding.Group("Panes")


def is_named_pane_key(binding: Binding) -> bool:
    """Whether this is the named form of a pane key ("F5 History"), not the grouped one."""
    return binding.action.startswith("go(")


def pane_bindings() -> list[Binding]:
    """Each pane key twice: named (action `go`) and grouped for narrow terminals (`go_short`).

    The app's `check_action` enables exactly one form for the current width, which also decides
    which one the footer shows. Priority bindings, so they work while the cursor is in a text box.
    """
    return [
        Binding(
            pane.key,
            f"{action}('{pane.mode}')",
            pane.title,
            key_display=pane.key.upper(),
            priority=True,
            tooltip=f"{pane.title}: {pane.help}",
            group=group,
        )
        for action, group in (("go", None), ("go_short", PANE_GROUP))
        for pane in PANES
    ]


def screen_class(pane: Pane) -> type[Screen[None]]:
    """The pane's screen class, importing its module now if this is the first time."""
    module, _, name = pane.screen.partition(":")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def screen_factory(pane: Pane) -> Callable[[], Screen[None]]:
    """A Textual `MODES` entry that builds the pane's screen, importing it only when first needed."""

    def make() -> Screen[None]:
        return screen_class(pane)()

    make.__qualname__ = f"{pane.title}PaneFactory"
    return make


def pane_of(screen: object) -> Pane | None:
    """The pane `screen` is the main screen of (None for dialogs and any other screen)."""
    kind = type(screen)
    name = f"{kind.__module__}:{kind.__qualname__}"
    return next((pane for pane in PANES if pane.screen == name), None)
