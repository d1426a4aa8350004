"""Held / bent / crossed per week as stacked bars of block characters, with counts in words.

Each kind of event has its own block (█ held, ▒ bent, ░ crossed) as well as its own colour, and every
row ends with the counts written out, so the chart reads the same in monochrome, in a screen reader's
text, or to someone who cannot tell the colours apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Static

from journal.domain.boundaries import BoundarySummary, WeekCounts, run_sentence
from journal.ui.boundary_names import boundary_name
from journal.ui.safe import safe_text

BLOCKS = {"held": ("█", "$success"), "bent": ("▒", "$warning"), "crossed": ("░", "$error")}
#: The widest a bar gets; busier weeks are scaled down, but every non-zero count keeps a cell.
BAR_WIDTH = 12
_NONE_YET = "Nothing logged in these eight weeks yet. Events you log here or in the ritual show up week by week."


def bar_cells(week: WeekCounts, busiest: int, width: int = BAR_WIDTH) -> dict[str, int]:
    """Cells per outcome: one per event while they fit, else proportional (never 0 for a count)."""
    counts = {"held": week.held, "bent": week.bent, "crossed": week.crossed}
    if busiest <= width:
        return counts
    return {k: max(1, round(n * width / busiest)) if n else 0 for k, n in counts.items()}


def week_label(week: WeekCounts) -> str:
    return f"{week.start.strftime('%b')} {week.start.day:>2}"


def week_row(week: WeekCounts, busiest: int, column: int) -> Content:
    """`Nov 16  ███▒▒░  3 held · 2 bent · 1 crossed`, the words starting after `column` cells."""
    cells = bar_cells(week, busiest)
    bar = [Content.styled(BLOCKS[k][0] * n, BLOCKS[k][1]) for k, n in cells.items()]
    pad = " " * (max(column - sum(cells.values()), 0) + 2)
    if week.total == 0:
        words = Content.styled("nothing logged", "$text-muted")
    else:
        words = Content(f"{week.held} held · {week.bent} bent · {week.crossed} crossed")
    return Content.assemble(Content.styled(week_label(week), "bold"), "  ", *bar, pad, words)


def legend() -> Content:
    parts: list[Content | str] = []
    for name, (block, style) in BLOCKS.items():
        parts += [Content.styled(block * 2, style), f" {name}   "]
    return Content.assemble(*parts).rstrip()


def summary_content(summary: BoundarySummary, kinds: Mapping[str, str]) -> Content:
    """The whole block: title, legend, eight rows, most crossed, and the clear-days sentence."""
    lines = [Content.styled("Held, bent and crossed — the last 8 weeks", "bold"), legend()]
    busiest = max((w.total for w in summary.weeks), default=0)
    if busiest == 0:
        lines.append(Content.styled(_NONE_YET, "$text-muted italic"))
        return Content("\n").join(lines)
    column = max(sum(bar_cells(w, busiest).values()) for w in summary.weeks)
    lines += [week_row(w, busiest, column) for w in summary.weeks]
    lines.append(Content(""))
    if summary.most_crossed:
        named = [
            Content.assemble(safe_text(kinds.get(slug) or boundary_name(slug)), f" ({n})")
            for slug, n in summary.most_crossed
        ]
        lines.append(Content.assemble(Content.styled("Crossed most often: ", "bold"), Content(" · ").join(named)))
    else:
        lines.append(Content("Nothing crossed in these eight weeks."))
    sentence = run_sentence(summary.runs)
    if sentence:
        lines.append(Content.styled(sentence, "italic"))
    return Content("\n").join(lines)


class WeekChart(Static, can_focus=True):
    """Shows a `BoundarySummary`; the pane computes it.

    Focusable, so Tab brings it into view where the pane scrolls (80x24 stacks the chart under the
    form), between the form's last field and the recent events."""

    DEFAULT_CSS = """
    WeekChart:focus { background: $boost; }
    """

    def show(self, summary: BoundarySummary, kinds: Mapping[str, str]) -> None:
        self.update(summary_content(summary, kinds))
