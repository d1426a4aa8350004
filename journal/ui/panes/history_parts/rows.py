"""One entry as one row of the History table: every cell a `Content`, every piece of user text safe.

DataTable parses plain strings as markup, so nothing here ever hands it a `str`.
"""

from __future__ import annotations

from datetime import datetime

from textual.content import Content

from journal.domain.models import MOOD_WORDS, Entry, Kind
from journal.ui.boundary_names import boundary_name
from journal.ui.safe import highlight_snippet, safe_text
from journal.ui.widgets.recent_list import first_line
from journal.ui.widgets.star import star_mark

#: (key, header, width or None for "the rest")
COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("when", "When", 17),
    ("kind", "Kind", 20),
    ("mood", "Mood", 7),
    ("tags", "Tags", 24),
    ("text", "Entry", None),
)
_TEXT_MAX = 240


def when_cell(moment: datetime, now: datetime) -> Content:
    """`Fri 20 Nov 18:42` this year, `03 Nov 2025 09:05` before, in the reader's local time."""
    local = moment.astimezone(now.tzinfo) if now.tzinfo else moment
    pattern = "%a %d %b %H:%M" if local.year == now.year else "%d %b %Y %H:%M"
    return Content(local.strftime(pattern))


def kind_cell(entry: Entry, width: int = 20) -> Content:
    """`mood`, `ritual`, or which boundary and how it fared: `crossed · Overtime`."""
    if entry.kind is Kind.BOUNDARY:
        outcome = str(entry.outcome) if entry.outcome is not None else "boundary"
        style = {"held": "$text-success", "bent": "$text-warning", "crossed": "$text-error"}.get(outcome, "")
        name = boundary_name(entry.boundary)
        room = width - len(outcome) - 3
        if len(name) > room:
            name = name[: max(1, room - 1)].rstrip() + "…"
        return Content.assemble((outcome, style), " · ", safe_text(name))
    return Content(str(entry.kind))


def mood_cell(entry: Entry) -> Content:
    """The mood as number and word, never a colour alone."""
    if entry.mood is None:
        return Content("")
    return Content(f"{entry.mood} {MOOD_WORDS.get(entry.mood, '')}".rstrip())


def tags_cell(entry: Entry, width: int = 24) -> Content:
    names = ", ".join(t.name for t in entry.visible_tags)
    if len(names) > width:
        names = names[: width - 1].rstrip(", ") + "…"
    return Content.styled(safe_text(names).plain, "$text-muted")


def text_cell(entry: Entry) -> Content:
    """The search snippet with its matches highlighted, or else the first line; ★ first when starred."""
    if entry.snippet:
        text = highlight_snippet(" ".join(entry.snippet.split())[:_TEXT_MAX])
    else:
        text = safe_text(first_line(entry.text)[:_TEXT_MAX])
    return Content.assemble(star_mark(entry), text) if entry.starred else text


def entry_cells(entry: Entry, now: datetime) -> tuple[Content, ...]:
    return (when_cell(entry.created_at, now), kind_cell(entry), mood_cell(entry), tags_cell(entry), text_cell(entry))
