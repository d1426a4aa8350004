"""WCAG contrast of what is on screen, cell by cell, from the compositor's own strips.

Used by `test_contrast.py`: every segment that holds a letter or a digit is checked, with its colours
as Textual resolved them (dim blended toward the background as Textual's dim filter does, reverse
swapped). Normal text needs 4.5:1; bold text and dim (disabled) hints 3:1, per WCAG 2.x AA.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.segment import Segment
from textual.constants import DIM_FACTOR
from textual.screen import Screen

NORMAL = 4.5
LARGE_OR_DISABLED = 3.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(color: RichColor | None) -> tuple[int, int, int] | None:
    if color is None or color.is_default:
        return None
    t = color.get_truecolor()
    return (t.red, t.green, t.blue)


@dataclass(frozen=True)
class Failure:
    where: str
    text: str
    fg: str
    bg: str
    ratio: float
    needed: float

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r} {self.fg} on {self.bg} = {self.ratio:.2f} (needs {self.needed})"


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def segment_failures(segment: Segment, where: str) -> Iterator[Failure]:
    text, style = segment.text, segment.style
    if style is None or not any(ch.isalnum() for ch in text):
        return
    fg, bg = _rgb(style.color), _rgb(style.bgcolor)
    if fg is None or bg is None:
        return
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:
        f = DIM_FACTOR
        fg = tuple(round(b + (a - b) * f) for a, b in zip(fg, bg, strict=True))  # type: ignore[assignment]
    needed = LARGE_OR_DISABLED if (style.bold or style.dim) else NORMAL
    ratio = contrast(fg, bg)  # type: ignore[arg-type]
    if ratio + 1e-6 < needed:
        yield Failure(where, text.strip()[:40], _hex(fg), _hex(bg), round(ratio, 2), needed)  # type: ignore[arg-type]


def screen_failures(screen: Screen[object], where: str) -> list[Failure]:
    """Every piece of text on `screen` (as last composed) that fails its contrast.

    On a modal screen (help, the welcome) only the dialog counts: the pane behind it is dimmed on
    purpose and not meant to be read then."""
    from rich.cells import cell_len
    from textual.screen import ModalScreen

    region = screen.children[0].region if isinstance(screen, ModalScreen) and screen.children else screen.region
    failures: list[Failure] = []
    for y, strip in enumerate(screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        x = 0
        for segment in strip:
            width = cell_len(segment.text)
            if x < region.right and x + width > region.x:
                failures.extend(segment_failures(segment, f"{where} row {y}"))
            x += width
    return failures
