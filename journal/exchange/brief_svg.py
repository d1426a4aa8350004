"""The brief's three small charts as inline SVG: mood and energy week by week, the stressors and
signs of strain as bars, and held / bent / crossed per week.

Plain strings, no library, nothing fetched: each chart is an `<svg>` element sized in CSS pixels with a
`viewBox`, so it scales with the page and prints crisply. Every figure a chart shows is also written
as a number beside it (and in the tables of the brief), and the three outcomes differ in lightness as
well as hue (held mid, bent light, crossed dark), so the charts still read printed in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from journal.domain.boundaries import WeekCounts
from journal.domain.brief import week_label
from journal.domain.models import TagStat
from journal.domain.patterns import MoodWeek

MOOD_COLOUR, ENERGY_COLOUR = "#2f6f8f", "#b07a2a"
OUTCOME_STYLE = {  # fill and class
    "held": ("#5e9a69", "held"),
    "bent": ("#e6c25c", "bent"),
    "crossed": ("#8f3424", "crossed"),
}
FONT = 'font-family="inherit" font-size="11"'


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(label)}">' + "".join(body) + "</svg>"
    )


def mood_line(weeks: Sequence[MoodWeek], *, width: int = 330, height: int = 150) -> str:
    """Mood (solid) and energy (dashed) week by week on the 1-5 scale; gaps where nothing was written."""
    left, right, top, bottom = 26, 24, 10, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    n = max(len(weeks), 1)

    def x(i: int) -> float:
        return left + (inner_w / 2 if n == 1 else inner_w * i / (n - 1))

    def y(v: float) -> float:
        return top + inner_h * (5 - v) / 4

    body = []
    for level in range(1, 6):
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}" class="grid"/>')
        body.append(f'<text x="{left - 6}" y="{y(level) + 4:.1f}" text-anchor="end" {FONT}>{level}</text>')
    for field, colour, dash in (("energy", ENERGY_COLOUR, ' stroke-dasharray="5 3"'), ("mood", MOOD_COLOUR, "")):
        segment: list[str] = []
        segments = []
        for i, w in enumerate(weeks):
            value = getattr(w, field)
            if value is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(value):.1f}")
            body.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="2.6" fill="{colour}"/>')
        if segment:
            segments.append(segment)
        for points in segments:
            if len(points) > 1:
                body.append(
                    f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
                )
    step = max(1, -(-len(weeks) // 7))  # at most 7 labels under the axis
    for i, w in enumerate(weeks):
        if i % step == 0:
            body.append(
                f'<text x="{x(i):.1f}" y="{height - 10}" text-anchor="middle" {FONT}>{week_label(w.week)}</text>'
            )
    return _svg(width, height, "Mood and energy, week by week, on a scale of 1 to 5", body)


def tag_bars(groups: Sequence[tuple[str, Sequence[TagStat]]], *, width: int = 330) -> str:
    """Horizontal bars of entries per tag, a heading per group, the count written at each bar's end."""
    rows: list[tuple[str, TagStat | None]] = []
    for title, stats in groups:
        if stats:
            rows.append((title, None))
            rows += [(s.name, s) for s in stats]
    line, label_w = 17, 130
    height = max(line * len(rows) + 6, 24)
    top = max((s.count for _name, s in rows if s is not None), default=1)
    bar_w = width - label_w - 34
    body = []
    for i, (name, stat) in enumerate(rows):
        base = 4 + i * line
        if stat is None:
            body.append(f'<text x="0" y="{base + 12}" font-weight="bold" {FONT}>{escape(name)}</text>')
            continue
        shown = name if len(name) <= 20 else name[:19] + "…"
        length = max(2.0, bar_w * stat.count / top)
        body.append(f'<text x="8" y="{base + 12}" {FONT}>{escape(shown)}</text>')
        body.append(f'<rect x="{label_w}" y="{base + 3}" width="{length:.1f}" height="11" rx="2" class="bar"/>')
        body.append(f'<text x="{label_w + length + 4:.1f}" y="{base + 12}" {FONT}>{stat.count}</text>')
    return _svg(width, height, "How many entries each stressor and sign of strain came up in", body)


def boundary_weeks(weeks: Sequence[WeekCounts], *, width: int = 330, height: int = 150) -> str:
    """Stacked columns per week (held at the bottom, then bent, then crossed), the total above each."""
    left, bottom, top = 8, 28, 16
    inner_h = height - top - bottom
    n = max(len(weeks), 1)
    slot = (width - left * 2) / n
    col = min(34.0, slot * 0.6)
    busiest = max((w.total for w in weeks), default=0) or 1
    body = [f'<line x1="{left}" x2="{width - left}" y1="{height - bottom}" y2="{height - bottom}" class="grid"/>']
    for i, w in enumerate(weeks):
        cx = left + slot * i + slot / 2
        y = float(height - bottom)
        for outcome in ("held", "bent", "crossed"):
            count = getattr(w, outcome)
            if not count:
                continue
            h = inner_h * count / busiest
            y -= h
            fill, cls = OUTCOME_STYLE[outcome]
            body.append(
                f'<rect x="{cx - col / 2:.1f}" y="{y:.1f}" width="{col:.1f}" height="{h:.1f}" fill="{fill}" class="{cls}"/>'
            )
        body.append(f'<text x="{cx:.1f}" y="{y - 3:.1f}" text-anchor="middle" {FONT}>{w.total or ""}</text>')
        step = max(1, -(-n // 7))
        if i % step == 0:
            body.append(
                f'<text x="{cx:.1f}" y="{height - 10}" text-anchor="middle" {FONT}>{week_label(w.start)}</text>'
            )
    return _svg(width, height, "Boundaries held, bent and crossed, week by week", body)


def legend_swatch(outcome: str) -> str:
    fill, cls = OUTCOME_STYLE[outcome]
    return f'<svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="{fill}" class="{cls}"/></svg>'
