"""The one gate every piece of user text passes through before a widget sees it.

Textual's `markup=False` and `Content` stop markup injection, but not terminal escape sequences: an
entry containing ESC, other C0 controls or C1 controls (U+0080-U+009F, which some terminals treat as
8-bit escapes) could restyle the screen or worse. So user text is cleaned here, and turned into a
`Content` directly (never `Content.from_markup`), so brackets are always just brackets.
"""

from __future__ import annotations

import re

from textual.content import Content, Span

#: C0 controls except tab (0x09) and newline (0x0A), DEL, and the C1 block.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")

#: How highlighted (matched) parts of a snippet look; a style string of ours, never user text.
HIGHLIGHT_STYLE = "bold $accent"


def safe_plain(s: str) -> str:
    """`s` without ESC, C0 controls other than newline and tab, DEL and C1 controls."""
    return _UNSAFE.sub("", s)


def safe_text(s: str) -> Content:
    """User text as inert `Content`: control characters removed, markup never parsed."""
    return Content(safe_plain(s))


def highlight_snippet(s: str, markers: tuple[str, str] = ("«", "»")) -> Content:
    """A search snippet with the parts between `markers` highlighted and the markers removed.

    The store's full-text search wraps matches in markers; the rest is user text and is cleaned
    like any other. Markers never show: an unmatched opening marker highlights to the end, and
    stray or nested markers are dropped.
    """
    open_mark, close_mark = markers
    cleaned = safe_plain(s)
    plain: list[str] = []
    spans: list[Span] = []
    length = 0
    start: int | None = None
    position = 0
    while position < len(cleaned):
        if cleaned.startswith(open_mark, position):
            if start is None:
                start = length
            position += len(open_mark)
        elif cleaned.startswith(close_mark, position):
            if start is not None and length > start:
                spans.append(Span(start, length, HIGHLIGHT_STYLE))
            start = None
            position += len(close_mark)
        else:
            plain.append(cleaned[position])
            length += 1
            position += 1
    if start is not None and length > start:
        spans.append(Span(start, length, HIGHLIGHT_STYLE))
    return Content("".join(plain), spans)
