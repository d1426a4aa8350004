"""The supervision brief drawn for the terminal: the same sections and words as the Markdown and HTML
(journal.domain.brief says them), as one `Content`.

Every piece of user text (quotes, parked loops, personal tag names, the person's own boundary kinds)
goes through `safe_text`, so it shows as exactly the characters written and can never restyle the screen.
"""

from __future__ import annotations

from textual.content import Content

from journal.domain.brief import (
    NOT_A_RECORD,
    Brief,
    boundary_sentence,
    helper_sentence,
    tag_sentence,
    week_label,
)
from journal.domain.early_notice import FIGURES_INTRO, HELPS, NOT_A_DIAGNOSIS
from journal.ui.panes.boundaries_parts.chart import bar_cells, legend, week_row
from journal.ui.panes.insights_parts.mood_chart import ENERGY_BLOCK, MOOD_BLOCK, bar
from journal.ui.safe import safe_text

HEADING = "bold $text-primary"


def _heading(text: str) -> Content:
    return Content.styled(text, HEADING)


def _item(name: Content | str, rest: str) -> Content:
    head = name if isinstance(name, Content) else Content(name)
    return Content.assemble("  • ", head.stylize("bold"), f": {rest}")


def _num(value: float | None) -> str:
    return "  –" if value is None else f"{value:3.1f}"


def _period(brief: Brief) -> list[Content]:
    lines = [_heading("The period"), Content(brief.period_sentence())]
    lines += [Content(s) for s in brief.mood_sentences()]
    if any(w.entries for w in brief.mood_weeks):
        lines.append(
            Content.assemble(
                Content.styled(f"  {'week of':<8}", "bold"),
                Content.styled(MOOD_BLOCK * 2, "$primary"),
                Content.styled(" mood         ", "bold"),
                Content.styled(ENERGY_BLOCK * 2, "$secondary"),
                Content.styled(" energy", "bold"),
            )
        )
        for w in brief.mood_weeks:
            lines.append(
                Content.assemble(
                    f"  {week_label(w.week):<8}",
                    bar(w.mood, MOOD_BLOCK, "$primary"),
                    f" {_num(w.mood)}   ",
                    bar(w.energy, ENERGY_BLOCK, "$secondary"),
                    f" {_num(w.energy)}",
                    Content.styled(
                        f"  {w.entries} mood entr{'y' if w.entries == 1 else 'ies'}" if w.entries else "  none", "dim"
                    ),
                )
            )
    return lines


def _tags(brief: Brief) -> list[Content]:
    lines = [_heading("What came up most")]
    for title, stats in (("Stressors", brief.stressors), ("Signs of strain", brief.signs)):
        lines.append(Content.styled(title, "bold"))
        if not stats:
            lines.append(Content.styled("  none came up in this period", "italic"))
        lines += [_item(safe_text(s.name), tag_sentence(s, brief.period.days)) for s in stats]
    return lines


def _boundaries(brief: Brief) -> list[Content]:
    lines = [_heading("Boundaries")]
    if not brief.boundaries:
        return [*lines, Content.styled("No boundary events were logged in this period.", "italic")]
    lines += [_item(safe_text(b.label), boundary_sentence(b)) for b in brief.boundaries]
    busiest = max((w.total for w in brief.boundary_weeks), default=0)
    if busiest:
        column = max(sum(bar_cells(w, busiest).values()) for w in brief.boundary_weeks)
        lines.append(Content.assemble("  ", legend()))
        lines += [Content.assemble("  ", week_row(w, busiest, column)) for w in brief.boundary_weeks]
    return lines


def _helped(brief: Brief) -> list[Content]:
    lines = [_heading("What helped")]
    if not brief.helpers:
        return [
            *lines,
            Content.styled("Nothing stands out yet: care needs a few more mood entries to compare.", "italic"),
        ]
    return lines + [_item(safe_text(h.name), helper_sentence(h)) for h in brief.helpers]


def _notice(brief: Brief) -> list[Content]:
    notice = brief.notice
    if notice is None:
        return []
    return [
        Content.styled("A gentle notice", "bold $text-warning"),
        Content.styled(notice.headline(), "bold"),
        Content.styled(FIGURES_INTRO + "; ".join(notice.details()) + ".", "$text-muted"),
        Content(HELPS),
        Content.styled(NOT_A_DIAGNOSIS, "italic"),
    ]


def _parked(brief: Brief) -> list[Content]:
    lines = [_heading("Still parked")]
    if not brief.parked:
        return [*lines, Content.styled("Nothing is parked.", "italic")]
    return lines + [Content.assemble("  • ", safe_text(" ".join(p.text.split()))) for p in brief.parked]


def _quotes(brief: Brief) -> list[Content]:
    lines = [_heading("Entries I starred for supervision")]
    if not brief.quotes:
        lines.append(
            Content.styled(
                "None starred in this period. Star an entry with s in History or in Mood's recent list.", "italic"
            )
        )
    for q in brief.quotes:
        lines.append(safe_text(q.heading).stylize("bold"))
        body = q.text or "(no text)"
        lines += [Content.assemble(Content.styled("  ▌ ", "$primary"), safe_text(line)) for line in body.split("\n")]
    privacy = brief.privacy_sentence()
    if privacy:
        lines.append(Content.styled(privacy, "italic $text-muted"))
    return lines


def brief_content(brief: Brief) -> Content:
    """The whole brief, one section after another with a blank line between."""
    sections = [
        [Content.styled(brief.title(), "bold"), Content.styled(NOT_A_RECORD, "italic $text-muted")],
        _period(brief),
        _tags(brief),
        _boundaries(brief),
        _helped(brief),
        _notice(brief),
        _parked(brief),
        _quotes(brief),
    ]
    return Content("\n\n").join(Content("\n").join(lines) for lines in sections if lines)
