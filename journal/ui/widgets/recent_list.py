"""The last few entries of any kind, as a compact list beside a composer.

Each entry shows when (relative to the app's clock), what kind, the mood or boundary outcome in words,
its tags and its first line. Every piece of it that came from the user goes through `safe_text`, so an
entry full of brackets or escape sequences shows as exactly the characters that were typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from journal.domain.models import (
    ENERGY_WORDS,
    MOOD_WORDS,
    Entry,
    Kind,
)
from journal.ui.boundary_names import boundary_name
from journal.ui.safe import safe_text
from journal.ui.widgets.star import star_mark

_FIRST_LINE_MAX = 90
_EMPTY = "Nothing written yet. Your entries will show up here."


def when_label(moment: datetime, now: datetime) -> str:
    """`today 18:42`, `yesterday 09:05`, `Tue 18:42` within a week, else `3 Nov 18:42`."""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment
    days = (now.date() - local.date()).days
    clock = local.strftime("%H:%M")
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"yesterday {clock}"
    if 1 < days < 7:
        return f"{local.strftime('%a')} {clock}"
    label = f"{local.day} {local.strftime('%b')}"
    if local.year != now.year:
        label += f" {local.year}"
    return f"{label} {clock}"


def first_line(text: str) -> str:
    """The first non-blank line, shortened to fit a list row."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= _FIRST_LINE_MAX else line[: _FIRST_LINE_MAX - 1].rstrip() + "…"


def _score(label: str, value: int | None, words: dict[int, str]) -> str:
    return "" if value is None else f"{label} {value} {words.get(value, '')}".rstrip()


def _summary(entry: Entry) -> Content:
    """The kind-specific part of the heading, in words."""
    if entry.kind is Kind.BOUNDARY:
        parts = [Content("boundary · "), safe_text(boundary_name(entry.boundary))]
        if entry.outcome is not None:
            parts.append(Content(f" · {entry.outcome}"))
        return Content.assemble(*parts)
    scores = [
        s
        for s in (
            _score("mood", entry.mood, MOOD_WORDS),
            _score("energy", entry.energy, ENERGY_WORDS),
        )
        if s
    ]
    if entry.kind is Kind.RITUAL:
        scores.insert(0, "shift closed")
    return Content(" · ".join(scores or [f"{entry.kind} entry"]))


def entry_content(entry: Entry, now: datetime) -> Content:
    """Up to three lines: heading, first line of text, tags."""
    heading = Content.assemble(star_mark(entry), (when_label(entry.created_at, now), "bold"), " · ", _summary(entry))
    return with_text_and_tags(heading, entry)


def with_text_and_tags(heading: Content, entry: Entry) -> Content:
    """A list row: the given heading, the entry's first line of text, then its tags, dimmed."""
    lines = [heading]
    line = first_line(entry.text)
    if line:
        lines.append(safe_text(line))
    tags = [t.name for t in entry.visible_tags]
    if tags:
        lines.append(Content.assemble(("tags: ", "$text-muted"), safe_text(", ".join(tags)).stylize("$text-muted")))
    return Content("\n").join(lines)


class RecentList(OptionList):
    """The newest entries, newest first; the owner fetches them and calls `show`."""

    DEFAULT_CSS = """
    RecentList {
        height: 1fr;
        border: none;
        /* a scrollbar appearing must not change the wrap width OptionList measured */
        scrollbar-gutter: stable;
        padding: 0;
        background: transparent;
        &:focus { border: none; background: $boost; }
        /* With entries the list scrolls from the start (a scrollbar appearing once the rows are
           measured, just after the first frame, would cost the whole pane another layout), and
           its scrollbar shows while the list is pointed at or has focus: a quiet column otherwise,
           the last entry cut at its foot saying there is more. Its column is kept either way, so
           the rows never re-wrap. */
        &.-entries {
            overflow-y: scroll;
            scrollbar-size-vertical: 0;
            padding-right: 1;
            &:focus, &:hover { scrollbar-size-vertical: 1; padding-right: 0; }
        }
    }
    """

    entries: dict[str, Entry] = {}

    def show(self, entries: Sequence[Entry], now: datetime) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option is not None else None
        self.set_class(bool(entries), "-entries")
        self.entries = {f"entry-{e.id}": e for e in entries if e.id is not None}
        if not entries:
            self.set_options([Option(Content.styled(_EMPTY, "$text-muted italic"), disabled=True)])
            return
        options: list[Option | None] = []
        for entry in entries:
            if options:
                options.append(None)
            entry_id = None if entry.id is None else f"entry-{entry.id}"
            options.append(Option(entry_content(entry, now), id=entry_id))
        self.set_options(options)
        if highlighted in self.entries:  # a refresh (a star toggled, an entry saved) keeps the place
            self.highlighted = self.get_option_index(highlighted)

    def highlighted_entry(self) -> Entry | None:
        option = self.highlighted_option
        return None if option is None else self.entries.get(option.id or "")
