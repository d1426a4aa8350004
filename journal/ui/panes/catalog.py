"""The five panes: mode names, keys and titles, shared by the app, the palette, help and header."""

from __future__ import annotations

from dataclasses import dataclass


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
