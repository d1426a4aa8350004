"""Starring an entry "bring to supervision" from a list: the mark it shows, and what is said.

History (`s` on the table) and the Mood pane's recent list (`s` on the list) toggle the star in a
thread worker through `Store.set_starred`; the supervision brief quotes starred entries, and only them.
"""

from __future__ import annotations

from textual.content import Content

from journal.domain.models import Entry

STAR = "★"
STAR_STYLE = "bold $accent"


def star_mark(entry: Entry) -> Content:
    """`★ ` before a starred entry's text, nothing otherwise."""
    return Content.styled(f"{STAR} ", STAR_STYLE) if entry.starred else Content("")


def star_said(entry: Entry) -> str:
    """The notice after toggling, in plain words."""
    if entry.starred:
        return f"{STAR} Starred to bring to supervision: the brief quotes it in full. s again takes it off."
    return "Star taken off: the brief no longer quotes it."
