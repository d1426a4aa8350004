"""The supervision brief as one self-contained, printable HTML file.

Inline CSS, inline SVG charts (journal.exchange.brief_svg), no script, no font, no image, no link:
nothing is fetched from anywhere, so it opens the same in any browser, offline, years from now. Every
piece of user text is HTML-escaped. The page is laid out for print: `@page` margins that fit both A4
and US Letter (the content is narrower than A4 and shorter than Letter), sections that do not break
across pages, and the charts side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from journal.domain.brief import (
    NOT_A_RECORD,
    Brief,
    cost_words,
    helper_sentence,
    plural,
    week_label,
)
from journal.domain.early_notice import FIGURES_INTRO, HELPS, NOT_A_DIAGNOSIS
from journal.domain.insights import TREND_WORDS
from journal.exchange import brief_svg

STYLE = """
@page { size: auto; margin: 14mm 15mm 14mm 15mm; }
@page :first { margin-top: 12mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 18px 22px; max-width: 178mm;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.4; color: #1f2328; background: #fff;
}
h1 { font-size: 17pt; margin: 0 0 2px 0; font-weight: 600; }
h2 {
  font-size: 11.5pt; margin: 14px 0 5px 0; padding-bottom: 2px;
  border-bottom: 1px solid #c9d1d9; color: #2f4f5f; font-weight: 600;
}
h3 { font-size: 10pt; margin: 9px 0 3px 0; font-weight: 600; color: #444c56; }
p { margin: 3px 0; }
.aid { font-style: italic; color: #555e68; margin: 2px 0 8px 0; }
.muted { color: #66707a; }
.grid2 { display: grid; grid-template-columns: 1.3fr 1fr; gap: 6px 18px; align-items: start; }
section, figure, .quote { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 4px 0; }
figcaption { font-size: 9pt; color: #555e68; }
svg { max-width: 100%; height: auto; overflow: visible; }
svg text { fill: #333a41; }
svg .grid { stroke: #d8dee4; stroke-width: 1; }
svg .bar { fill: #4f7d95; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 3px 0; }
th, td { text-align: left; padding: 1px 6px 1px 0; border-bottom: 1px solid #eaeef2; vertical-align: top; }
th { font-weight: 600; color: #444c56; }
th.group { color: #2f4f5f; padding-top: 4px; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ul { margin: 3px 0; padding-left: 18px; }
li { margin: 1px 0; }
.notice { border: 1px solid #d4a72c; border-radius: 6px; padding: 5px 10px; background: #fff8e5; }
.quote { margin: 6px 0; }
blockquote {
  margin: 2px 0 0 0; padding: 3px 10px; border-left: 3px solid #8fa9b8;
  white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f8fa;
}
.legend span { margin-right: 10px; white-space: nowrap; }
.small { font-size: 8.5pt; }
footer { margin-top: 12px; font-size: 8.5pt; color: #66707a; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  .notice, blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen and (max-width: 640px) { .grid2 { grid-template-columns: 1fr; } }
"""


#: C0 controls but tab and newline, DEL and C1: never part of a page (or of a terminal, if it is printed).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _e(text: object) -> str:
    return escape(_CONTROL.sub("", str(text)), quote=True)


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _period(brief: Brief) -> tuple[str, str]:
    moods = "".join(f"<p>{_e(s)}</p>" for s in brief.mood_sentences())
    chart = ""
    if any(w.entries for w in brief.mood_weeks):
        chart = (
            "<figure>" + brief_svg.mood_line(brief.mood_weeks) + "<figcaption>"
            f'<span style="color:{brief_svg.MOOD_COLOUR}">━</span> mood &nbsp; '
            f'<span style="color:{brief_svg.ENERGY_COLOUR}">╍</span> energy, week by week (1–5)'
            "</figcaption></figure>"
        )
    return f"<section><h2>The period</h2><p>{_e(brief.period_sentence())}</p>{moods}</section>", chart


def _tags(brief: Brief) -> tuple[str, str]:
    before = f"the {plural(brief.period.days, 'day')} before"
    rows = []
    for title, stats in (("Stressors", brief.stressors), ("Signs of strain", brief.signs)):
        rows.append(f'<tr><th colspan="5" class="group">{title}</th></tr>')
        if not stats:
            rows.append('<tr><td colspan="5" class="muted">none came up in this period</td></tr>')
        rows += [
            f"<tr><td>{_e(s.name)}</td><td class=n>{s.count}</td><td class=n>{s.days}</td>"
            f"<td class=n>{s.previous_count}</td><td>{_e(TREND_WORDS.get(s.trend, s.trend))}</td></tr>"
            for s in stats
        ]
    table = (
        "<table><thead><tr><th>tag</th><th class=n>times</th><th class=n>days</th>"
        f"<th class=n>before</th><th>trend</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p class="muted small">times: entries it came up in; days: the days they were on; before: times in {_e(before)}.</p>'
    )
    chart = ""
    if brief.stressors or brief.signs:
        chart = (
            "<figure>"
            + brief_svg.tag_bars((("Stressors", brief.stressors), ("Signs of strain", brief.signs)))
            + "<figcaption>Entries each came up in.</figcaption></figure>"
        )
    return f"<section><h2>What came up most</h2>{table}</section>", chart


def _boundaries(brief: Brief) -> tuple[str, str]:
    if not brief.boundaries:
        return "<section><h2>Boundaries</h2><p>No boundary events were logged in this period.</p></section>", ""
    rows = "".join(
        f"<tr><td>{_e(b.label)}</td><td class=n>{b.held}</td><td class=n>{b.bent}</td><td class=n>{b.crossed}</td>"
        f"<td>{_e(cost_words(b.crossed_cost) if b.crossed else '–')}</td></tr>"
        for b in brief.boundaries
    )
    table = (
        "<table><thead><tr><th>boundary</th><th class=n>held</th><th class=n>bent</th><th class=n>crossed</th>"
        f"<th>cost when crossed</th></tr></thead><tbody>{rows}</tbody></table>"
    )
    weeks = "; ".join(f"{week_label(w.start)}: {w.held}/{w.bent}/{w.crossed}" for w in brief.boundary_weeks)
    legend = "".join(f"<span>{brief_svg.legend_swatch(o)} {o}</span>" for o in ("held", "bent", "crossed"))
    chart = (
        "<figure>"
        + brief_svg.boundary_weeks(brief.boundary_weeks)
        + f'<figcaption class="legend">{legend}<br>Week by week (held/bent/crossed): {_e(weeks)}.</figcaption></figure>'
    )
    return f"<section><h2>Boundaries</h2>{table}</section>", chart


def _helped(brief: Brief) -> str:
    if brief.helpers:
        body = _list(f"<b>{_e(h.name)}</b>: {_e(helper_sentence(h))}" for h in brief.helpers)
    else:
        body = "<p>Nothing stands out yet: care needs a few more mood entries to compare.</p>"
    return f"<section><h2>What helped</h2>{body}</section>"


def _notice(brief: Brief) -> str:
    notice = brief.notice
    if notice is None:
        return ""
    return (
        '<section class="notice"><h2>A gentle notice</h2>'
        f"<p><b>{_e(notice.headline())}</b></p>"
        f'<p class="muted">{_e(FIGURES_INTRO + "; ".join(notice.details()) + ".")}</p>'
        f"<p>{_e(HELPS)}</p><p><i>{_e(NOT_A_DIAGNOSIS)}</i></p></section>"
    )


def _parked(brief: Brief) -> str:
    if brief.parked:
        body = _list(_e(" ".join(p.text.split())) for p in brief.parked)
    else:
        body = "<p>Nothing is parked.</p>"
    return f"<section><h2>Still parked</h2>{body}</section>"


def _quotes(brief: Brief) -> str:
    if not brief.quotes:
        body = "<p>None starred in this period. Star an entry with <b>s</b> in History or Mood, or <code>journal star ID</code>.</p>"
    else:
        body = "".join(
            f'<div class="quote"><h3>{_e(q.heading)}</h3><blockquote>{_e(q.text) or "(no text)"}</blockquote></div>'
            for q in brief.quotes
        )
    privacy = brief.privacy_sentence()
    note = f'<p class="muted"><i>{_e(privacy)}</i></p>' if privacy else ""
    return f"<section><h2>Entries I starred for supervision</h2>{body}{note}</section>"


def _beside(text: str, chart: str) -> str:
    return f'<div class="grid2">{text}{chart}</div>' if chart else text


def brief_html(brief: Brief) -> str:
    """The whole page."""
    period, mood_chart = _period(brief)
    tags, tag_chart = _tags(brief)
    bounds, bound_chart = _boundaries(brief)
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(brief.title())}</title><style>{STYLE}</style></head><body>",
            f'<header><h1>{_e(brief.title())}</h1><p class="aid">{_e(NOT_A_RECORD)}</p></header>',
            _beside(period, mood_chart),
            _beside(tags, tag_chart),
            _beside(bounds, bound_chart),
            _helped(brief),
            _notice(brief),
            _parked(brief),
            _quotes(brief),
            f"<footer>Made with journal on {brief.made_at:%d %b %Y}. Everything in it stayed on my own computer until I chose to share it.</footer>",
            "</body></html>\n",
        ]
    )
