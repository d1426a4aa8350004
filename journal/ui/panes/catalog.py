"""The five panes: mode names, keys and titles, shared by the app, the palette, help and header."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class Pane:
    """One pane: its mode name, the key that opens it from anywhere, and how it is called."""

    mode: str
    key: str
    title: str
    command: str
    help: str


#: The five panes in the order people meet them. F-keys because they reach the app even while
#: the cursor is in a text box (bare letters would be typed), and every terminal sends them.
PANES: tuple[Pane, ...] = (
    Pane("ritual", "f2", "Ritual", "Go to the end-of-shift ritual", "Close your shift, step by step"),
    Pane("mood", "f3", "Mood", "Go to Mood journal", "Write how you are, see its tags"),
    Pane("boundaries", "f4", "Boundaries", "Go to Boundaries", "Log a boundary held, bent or crossed"),
    Pane("history", "f5", "History", "Go to History", "Browse and search every entry"),
    Pane("insights", "f6", "Insights", "Go to Insights", "Recurring stressors and what helps"),
)

#: Below this many columns the footer cannot name every pane: the five keys share one label.
NARROW = 120
#: From this many columns the footer has room to breathe.
ROOMY = 140
#: Grouping for the narrow form of the pane keys ("F2 F3 F4 F5 F6 Panes").
PANE_GROUP = Binding.Group("Panes")


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
