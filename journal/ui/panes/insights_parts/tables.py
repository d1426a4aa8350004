"""The Insights pane's text tables: stressors and symptoms, weekday pattern, pairs, what helps.

Plain aligned text built as `Content` (tag names pass through the safe-text gate: personal tags are
user text). Colour only ever repeats what the words and numbers already say: a rising trend is
amber *and* says "↑ rising (5 → 9)".
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from journal.domain.insights import trend_text
from journal.domain.models import Category
from journal.domain.patterns import WEEKDAY_NAMES, Helper, PairStat, sparkline
from journal.ui.safe import safe_plain
from journal.usecases.insights import TagRow, WeekdayRow

#: Most cells a sparkline gets; longer periods sum neighbouring weeks into one cell.
SPARK_CELLS = 13
NAME_WIDTH = 20
SHORT_NAME = 16
TREND_STYLES = {"rising": "$text-warning", "new": "$text-warning", "falling": "$text-success", "gone": "$text-success"}
_NOTHING = "Nothing in this period."


def _name(tag: str, width: int = NAME_WIDTH) -> str:
    name = safe_plain(tag)
    return name if len(name) <= width else name[: width - 1] + "…"


def _mood(value: float | None) -> str:
    return "  – " if value is None else f"{value:4.1f}"


def spark_caption(weeks: int) -> str:
    """What one sparkline cell stands for at this many weeks."""
    size = -(-weeks // SPARK_CELLS)
    return "by week" if size == 1 else f"per {size} weeks"


def tag_table(rows: Sequence[TagRow], weeks: int, *, wide: bool, days: int | None = None) -> Content:
    """Stressors, then symptoms, each most frequent first, one line per tag.

    Narrow (80 columns) leaves out the sparkline and shortens long tag names.
    """
    if not rows:
        return Content.styled("No stressors or symptoms came up in this period.", "italic")
    name_width = NAME_WIDTH if wide else 14
    spark_width = min(weeks, SPARK_CELLS)
    head = f"{'tag':<{name_width}} {'times':>5} {'days':>4} {'share':>5}  {'trend (before → now)':<20}"
    if wide:
        head += f"  {spark_caption(weeks):<{SPARK_CELLS}}"
    head += "  mood with/without"
    lines = [Content.styled(head, "bold")]
    for category, title in ((Category.STRESSOR, "Stressors"), (Category.SYMPTOM, "Symptoms")):
        group = [r for r in rows if r.stat.category is category]
        if not group:
            continue
        lines.append(Content.styled(title, "bold $text-primary"))
        for row in group:
            s = row.stat
            trend = trend_text(s.count, s.previous_count, s.trend)
            parts: list[Content | str] = [
                f"{_name(s.name, name_width):<{name_width}} {s.count:>5} {s.days:>4} {row.share:>5.0%}  ",
                Content.styled(f"{trend:<20}", TREND_STYLES.get(s.trend, "")),
            ]
            if wide:
                parts += ["  ", Content.styled(f"{sparkline(row.weekly, spark_width):<{SPARK_CELLS}}", "$accent")]
            parts.append(f"  {_mood(s.mood_with)} / {_mood(s.mood_without)}")
            lines.append(Content.assemble(*parts))
    if days:
        share = f"share: of the {days} days in this period, the part on which it came up."
        lines.append(Content.styled(share, "$text-muted"))
    return Content("\n").join(lines)


def weekday_table(rows: Sequence[WeekdayRow]) -> Content:
    """A Monday-to-Sunday count grid; a stressor's own day is bold and named in words."""
    if not rows:
        return Content.styled(_NOTHING, "italic")
    lines = [Content.styled(f"{'stressor':<{SHORT_NAME}}" + "".join(f"{d:>4}" for d in WEEKDAY_NAMES), "bold")]
    for row in rows:
        cells: list[Content | str] = [f"{_name(row.tag, SHORT_NAME):<{SHORT_NAME}}"]
        for day, count in enumerate(row.counts):
            text = f"{count:>4}" if count else f"{'·':>4}"
            cells.append(Content.styled(text, "bold $accent") if day == row.peak else text)
        if row.peak is not None:
            cells.append(Content.styled(f"  ← {WEEKDAY_NAMES[row.peak]}", "italic"))
        lines.append(Content.assemble(*cells))
    lines.append(Content.styled("← the day a stressor mostly comes on; · none.", "$text-muted italic"))
    return Content("\n").join(lines)


def pairs_table(pairs: Sequence[PairStat]) -> Content:
    """Pairs with how often together and how much more than chance."""
    if not pairs:
        return Content.styled("No tags came up together often enough to say.", "italic")
    width = 2 * SHORT_NAME + 3
    lines = [Content.styled(f"{'tags':<{width}} {'together':>8} {'× chance':>9}", "bold")]
    for p in pairs:
        both = f"{_name(p.first, SHORT_NAME)} + {_name(p.second, SHORT_NAME)}"
        lines.append(
            Content.assemble(f"{both:<{width}} ", Content.styled(f"{p.together:>8}", "bold"), f" {p.lift:>8.1f}×")
        )
    lines.append(Content.styled("× chance: how much more often than if unrelated.", "$text-muted italic"))
    return Content("\n").join(lines)


def helpers_table(helpers: Sequence[Helper]) -> Content:
    """Care tags with a better mean mood on their entries than on the rest."""
    if not helpers:
        return Content.styled("Nothing stands out yet: care tags need a few more mood entries to compare.", "italic")
    lines = [Content.styled(f"{'care':<{SHORT_NAME}} {'+mood':>6} {'with':>6} {'without':>8} {'entries':>8}", "bold")]
    for h in helpers:
        lines.append(
            Content.assemble(
                f"{_name(h.name, SHORT_NAME):<{SHORT_NAME}} ",
                Content.styled(f"{h.difference:>+6.1f}", "bold $text-success"),
                f" {h.mood_with:>6.1f} {h.mood_without:>8.1f} {h.entries:>8}",
            )
        )
    lines.append(
        Content.styled("Mean mood (mood entries and rituals) with the tag, and without.", "$text-muted italic")
    )
    return Content("\n").join(lines)
