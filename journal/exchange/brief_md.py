"""The supervision brief as Markdown: one page to read on screen, paste into notes or print.

Every piece of user text (quotes, parked loops, personal tag names, the person's own boundary kinds)
is escaped with the Markdown export's own rules, so nothing written turns into formatting.
"""

from __future__ import annotations

from journal.domain.brief import (
    NOT_A_RECORD,
    Brief,
    boundary_sentence,
    helper_sentence,
    tag_sentence,
    week_label,
)
from journal.domain.confidentiality import PLACEHOLDERS
from journal.domain.early_notice import FIGURES_INTRO, HELPS, NOT_A_DIAGNOSIS
from journal.exchange.export_md import escape_line
from journal.exchange.export_md import paragraphs as _paragraphs

#: The placeholders as escaping writes them, and as the brief shows them: `\[phone\]` -> `[phone]`
#: (a bracketed word with no link after it is plain text in Markdown).
_UNESCAPE = {escape_line(p): p for p in PLACEHOLDERS.values()}


def _plain(text: str) -> str:
    for escaped, placeholder in _UNESCAPE.items():
        text = text.replace(escaped, placeholder)
    return text


def paragraphs(text: str) -> str:
    return _plain(_paragraphs(text))


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def brief_markdown(brief: Brief) -> str:
    """The whole brief, sections in the order a supervisor reads them."""
    out: list[str] = [f"# {brief.title()}", "", f"*{NOT_A_RECORD}*", ""]

    out += ["## The period", "", brief.period_sentence(), "", *(f"{s}  " for s in brief.mood_sentences())]
    if any(w.entries for w in brief.mood_weeks):
        out += ["", "| week of | mood | energy | mood entries |", "|---|---:|---:|---:|"]
        out += [f"| {week_label(w.week)} | {_num(w.mood)} | {_num(w.energy)} | {w.entries} |" for w in brief.mood_weeks]
    out.append("")

    out += ["## What came up most", ""]
    days = brief.period.days
    for title, stats in (("Stressors", brief.stressors), ("Signs of strain", brief.signs)):
        out.append(f"**{title}**")
        out.append("")
        if stats:
            out += [f"- {escape_line(s.name)}: {tag_sentence(s, days)}" for s in stats]
        else:
            out.append("- none came up in this period")
        out.append("")

    out += ["## Boundaries", ""]
    if brief.boundaries:
        out += [f"- {escape_line(b.label)}: {boundary_sentence(b)}" for b in brief.boundaries]
        out += ["", "| week of | held | bent | crossed |", "|---|---:|---:|---:|"]
        out += [f"| {week_label(w.start)} | {w.held} | {w.bent} | {w.crossed} |" for w in brief.boundary_weeks]
    else:
        out.append("No boundary events were logged in this period.")
    out.append("")

    out += ["## What helped", ""]
    if brief.helpers:
        out += [f"- {escape_line(h.name)}: {helper_sentence(h)}" for h in brief.helpers]
    else:
        out.append("Nothing stands out yet: care needs a few more mood entries to compare.")
    out.append("")

    if brief.notice is not None:
        notice = brief.notice
        out += [
            "## A gentle notice",
            "",
            notice.headline(),
            "",
            FIGURES_INTRO + "; ".join(notice.details()) + ".",
            "",
            HELPS,
            "",
            f"*{NOT_A_DIAGNOSIS}*",
            "",
        ]

    out += ["## Still parked", ""]
    if brief.parked:
        out += [f"- {_plain(' '.join(escape_line(p.text).split()))}" for p in brief.parked]
    else:
        out.append("Nothing is parked.")
    out.append("")

    out += ["## Entries I starred for supervision", ""]
    if brief.quotes:
        for q in brief.quotes:
            out += [
                f"### {escape_line(q.heading)}",
                "",
                "> " + paragraphs(q.text).replace("\n", "\n> ") if q.text else "> (no text)",
                "",
            ]
    else:
        out += ["None starred in this period. Star an entry with `s` in History or Mood, or `journal star ID`.", ""]
    privacy = brief.privacy_sentence()
    if privacy:
        out += [f"*{privacy}*", ""]
    out.append(f"*Made with journal on {brief.made_at:%d %b %Y}.*")
    return "\n".join(out) + "\n"
