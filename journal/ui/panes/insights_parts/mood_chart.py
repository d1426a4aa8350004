"""Mood and energy over time: one row per week (or per few weeks), two bars with their numbers.

Mood is drawn with █ and energy with ▒ (on the 1-5 scales), each followed by its mean written out, so
the chart reads the same without colour. The lowest week is named underneath, whatever the step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual.content import Content

from journal.domain.patterns import MoodWeek, merge_mood_weeks

#: Most rows the chart draws; longer periods merge neighbouring weeks.
MAX_ROWS = 13
#: Cells for the top of the 1-5 scale.
BAR_CELLS = 10
MOOD_BLOCK, ENERGY_BLOCK = "█", "▒"


def bar(value: float | None, block: str, style: str) -> Content:
    """A bar of `BAR_CELLS` for 5, a half cell of precision; blank for no value."""
    if value is None:
        return Content(" " * BAR_CELLS)
    halves = max(1, round(value / 5 * BAR_CELLS * 2))
    text = block * (halves // 2) + ("▌" if halves % 2 else "")
    return Content.assemble(Content.styled(text, style), " " * (BAR_CELLS - len(text)))


def _value(value: float | None) -> str:
    return f"{'–':>3}" if value is None else f"{value:3.1f}"


def _label(week: MoodWeek) -> str:
    return f"{week.week:%b} {week.week.day:>2}"


def mood_chart(weeks: Sequence[MoodWeek], lowest: MoodWeek | None) -> Content:
    """The whole block: legend, rows, and the lowest week in words."""
    if not any(w.entries for w in weeks):
        return Content.styled("No mood entries in this period.", "italic")
    size = max(1, math.ceil(len(weeks) / MAX_ROWS))
    lines = [
        Content.assemble(
            Content.styled(f"{'week of':<8}", "bold"),
            Content.styled(MOOD_BLOCK * 2, "$primary"),
            Content.styled(f" mood{'':<{BAR_CELLS}}", "bold"),
            Content.styled(ENERGY_BLOCK * 2, "$secondary"),
            Content.styled(f" energy{'':<{BAR_CELLS - 5}}", "bold"),
            Content.styled("entries", "$text-muted"),
        )
    ]
    for row in merge_mood_weeks(weeks, size):
        low = lowest is not None and size == 1 and row.week == lowest.week
        lines.append(
            Content.assemble(
                Content.styled(f"{_label(row):<8}", "bold" if low else ""),
                bar(row.mood, MOOD_BLOCK, "$primary"),
                f" {_value(row.mood)}   ",
                bar(row.energy, ENERGY_BLOCK, "$secondary"),
                f" {_value(row.energy)}",
                Content.styled(f" {row.entries:>4}" if row.entries else "  none", "$text-muted"),
                Content.styled("  ← lowest", "bold $text-warning") if low else "",
            )
        )
    if lowest is not None:
        energy = "" if lowest.energy is None else f", energy {lowest.energy:.1f}"
        lines.append(Content.styled(f"Lowest: week of {_label(lowest)}, mood {lowest.mood:.1f}{energy}.", "italic"))
    return Content("\n").join(lines)


def mood_title(weeks: int) -> str:
    """The section title, saying what one row stands for."""
    size = max(1, math.ceil(weeks / MAX_ROWS))
    return "Mood and energy by week" if size == 1 else f"Mood and energy, every {size} weeks"
