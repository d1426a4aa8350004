"""The latest boundary events, newest first, whichever way they were logged (pane, ritual, CLI).

Each row says when, which boundary (user kinds by their label), the outcome in words and the cost in
words; then the note's first line and its tags. Enter on a row opens it for editing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from journal.domain.models import COST_WORDS, Entry
from journal.ui.boundary_names import boundary_name
from journal.ui.safe import safe_text
from journal.ui.widgets.recent_list import when_label, with_text_and_tags

_EMPTY = "Nothing logged yet. Events from here and from the ritual show up in this list."


def event_content(entry: Entry, now: datetime, kinds: Mapping[str, str]) -> Content:
    """Up to three lines for one event."""
    slug = entry.boundary or ""
    heading = [
        Content.styled(when_label(entry.created_at, now), "bold"),
        Content(" · "),
        safe_text(kinds.get(slug) or boundary_name(slug)),
    ]
    if entry.outcome is not None:
        heading.append(Content.styled(f" · {entry.outcome.value}", "bold"))
    if entry.cost is not None:
        heading.append(Content(f" · cost {entry.cost} {COST_WORDS.get(entry.cost, '')}".rstrip()))
    return with_text_and_tags(Content.assemble(*heading), entry)


class EventList(OptionList):
    """Recent boundary events; the pane fetches them and calls `show`."""

    DEFAULT_CSS = """
    EventList {
        height: 1fr;
        border: none;
        padding: 0;
        background: transparent;
        &:focus { border: none; background: $boost; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: dict[str, Entry] = {}

    def show(self, entries: Sequence[Entry], now: datetime, kinds: Mapping[str, str]) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.entries = {f"event-{e.id}": e for e in entries if e.id is not None}
        if not entries:
            self.set_options([Option(Content.styled(_EMPTY, "$text-muted italic"), disabled=True)])
            return
        options: list[Option | None] = []
        for key, entry in self.entries.items():
            if options:
                options.append(None)
            options.append(Option(event_content(entry, now, kinds), id=key))
        self.set_options(options)
        if highlighted in self.entries:
            self.highlighted = self.get_option_index(highlighted)

    def on_focus(self) -> None:
        # Arriving by tab, the newest event is the one people mean.
        if self.highlighted is None and self.entries:
            self.highlighted = 0

    def entry_for(self, option_id: str | None) -> Entry | None:
        return self.entries.get(option_id or "")
