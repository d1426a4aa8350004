"""Mood and energy over time: one row per week (or per few weeks), two bars with their numbers.

Mood is drawn with █ and energy with ▒ (on the 1-5 scales), each followed by its mean written out, so
the chart reads the same without colour. The lowest row is chosen among exactly the rows drawn (a
week, or a few merged weeks), marked, and named underneath with what was left out and why.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from journal.domain.patterns import MIN_LOWEST_ENTRIES, MoodWeek, chart_lowest, chart_step, merge_mood_weeks

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


def mood_chart(weeks: Sequence[MoodWeek]) -> Content:
    """The whole block: legend, rows, and the lowest row in words."""
    if not any(w.entries for w in weeks):
        return Content.styled("No mood entries in this period.", "italic")
    size = chart_step(len(weeks))
    rows = merge_mood_weeks(weeks, size)
    found = chart_lowest(rows)
    lowest = found.row
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
    for row in rows:
        low = lowest is not None and row.week == lowest.week
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
    lines.append(Content.styled(lowest_sentence(found.row, found.left_out, size), "italic"))
    return Content("\n").join(lines)


def lowest_sentence(lowest: MoodWeek | None, left_out: int, size: int) -> str:
    """The lowest row in words, and plainly which rows were not compared and why."""
    what = "week" if size == 1 else f"{size} weeks"
    rows = "weeks" if size == 1 else "rows"
    fewer = f"fewer than {MIN_LOWEST_ENTRIES} entries with a mood"
    if lowest is None or lowest.mood is None:
        return (
            f"No lowest {what} yet: that needs at least two {rows} with {MIN_LOWEST_ENTRIES} or more"
            " entries with a mood."
        )
    energy = "" if lowest.energy is None else f", energy {lowest.energy:.1f}"
    name = f"week of {_label(lowest)}" if size == 1 else f"the {size} weeks from {_label(lowest)}"
    said = f"Lowest: {name}, mood {lowest.mood:.1f}{energy}."
    if left_out:
        left = f"1 {rows[:-1]}" if left_out == 1 else f"{left_out} {rows}"
        said += f" Not compared: {left} with {fewer}."
    return said


def mood_title(weeks: int) -> str:
    """The section title, saying what one row stands for."""
    size = chart_step(weeks)
    return "Mood and energy by week" if size == 1 else f"Mood and energy, every {size} weeks"
