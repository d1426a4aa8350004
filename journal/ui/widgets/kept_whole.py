"""Text that wraps only at ordinary spaces: a non-breaking space (U+00A0) keeps its words together.

Textual wraps at any whitespace, the non-breaking space included, so "116 123" written with one could
still be split over two lines, and a crisis line cut in half is a number nobody can dial. This widget
wraps its plain text itself (`textwrap` breaks only at ASCII whitespace) to the width it is given, so
every line Textual then draws already fits and is never broken again.
"""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static


def wrap_kept_whole(text: str, width: int) -> list[str]:
    """`text` wrapped to `width`, breaking only at ordinary spaces (a word longer than the width is
    cut, as it would have to be)."""
    if width <= 0:
        return [text]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False, drop_whitespace=True) or [""])
    return lines


class KeptWhole(Static):
    """A `Static` of plain text (never markup) whose non-breaking spaces really do not break."""

    DEFAULT_CSS = """
    KeptWhole { height: auto; }
    """

    def __init__(self, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, id=id, classes=classes, markup=False)  # `.content` reads it too
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap_kept_whole(self._text, width)) if width else 0

    def render(self) -> Content:
        width = self.content_size.width
        return Content("\n".join(wrap_kept_whole(self._text, width)))
